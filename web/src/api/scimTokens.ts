import { api } from './client';

/** A SCIM token as HR sees it: never its secret, which only the answer to its creation carries. */
export interface ScimToken {
  id: string;
  name: string;
  createdAt: string;
  createdBy: { id: string; name: string };
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const scimTokensApi = {
  list: () => api.get<{ items: ScimToken[] }>('/api/scim-tokens'),
  create: (name: string) => api.post<{ token: ScimToken; secret: string }>('/api/scim-tokens', { name }),
  revoke: (id: string) => api.delete<void>(`/api/scim-tokens/${encodeURIComponent(id)}`),
};

/** Where the identity provider sends its requests (this app's own origin). */
export const scimBaseUrl = (): string => `${window.location.origin}/scim/v2`;
