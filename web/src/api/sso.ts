import { downloadResponse } from '../lib/download';
import { api } from './client';
import type { Session } from './types';

export type SsoProtocol = 'oidc' | 'saml';

export interface SsoJit {
  enabled: boolean;
  role: 'learner' | 'manager';
  departmentId: string | null;
}

export interface SsoMapping {
  name: string;
  department: string;
  level: string;
}

/** This app as a SAML service provider: what the company's IdP administrator registers. */
export interface SsoSpUrls {
  entityId: string;
  acsUrl: string;
  /** The redirect URI to register for OpenID Connect. */
  oidcRedirectUri: string;
}

/** The company's SSO configuration as HR sees it (secrets are never sent back). */
export type SsoConfig =
  | { configured: false; sp: SsoSpUrls }
  | {
      configured: true;
      protocol: SsoProtocol;
      enabled: boolean;
      domains: string[];
      oidc: { issuer: string; clientId: string; clientSecretSet: boolean } | null;
      saml: { idpEntityId: string; idpSsoUrl: string; metadataUrl: string | null; idpCertCount: number } | null;
      jit: SsoJit;
      mapping: SsoMapping;
      ssoOnly: boolean;
      breakGlassUserId: string | null;
      version: number;
      updatedAt: string;
      sp: SsoSpUrls;
    };

interface SsoCommonInput {
  enabled: boolean;
  domains: string[];
  jit: SsoJit;
  mapping: SsoMapping;
  ssoOnly: boolean;
  breakGlassUserId: string | null;
  expectedVersion: number;
}

export type SsoConfigInput =
  | (SsoCommonInput & { protocol: 'oidc'; oidc: { issuer: string; clientId: string; clientSecret?: string } })
  | (SsoCommonInput & { protocol: 'saml'; saml: { metadataXml: string } | { metadataUrl: string } | { keep: true } });

const anonymous = { auth: false, retryOnUnauthorized: false } as const;

/** Company SSO: HR's configuration, and the sign-in with a company account. */
export const ssoApi = {
  config: () => api.get<SsoConfig>('/api/sso/config'),
  save: (input: SsoConfigInput) => api.put<SsoConfig>('/api/sso/config', input),
  async downloadSpMetadata(): Promise<void> {
    await downloadResponse(await api.raw('/api/sso/saml/metadata'), 'sp-metadata.xml');
  },
  /** Where to send the browser for this address (null: no company SSO for it). */
  start: (email: string) => api.post<{ redirectUrl: string | null }>('/api/auth/sso/start', { email }, anonymous),
  complete: (token: string) => api.post<Session>('/api/auth/sso/complete', { token }, anonymous),
};
