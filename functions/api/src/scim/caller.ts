import type { ScimTokenRecord } from '@manabi/data';

/** Who is calling /scim/v2: the company and token resolved from the bearer token alone, and the caller's IP. */
export interface ScimCaller {
  tenantId: string;
  token: ScimTokenRecord;
  ip?: string;
}
