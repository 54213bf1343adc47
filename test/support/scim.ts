import type { Client } from './client.js';

export interface ScimResponse {
  status: number;
  body: any;
  headers: Headers;
}

/**
 * An identity provider's side of SCIM: a bearer token and `application/scim+json` bodies, as
 * Entra ID and Okta send them.
 */
export class ScimClient {
  constructor(
    readonly baseUrl: string,
    public token: string,
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ScimResponse> {
    const res = await fetch(`${this.baseUrl}/scim/v2${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        accept: 'application/scim+json',
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json; charset=utf-8' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body: unknown) => this.request('POST', path, body);
  put = (path: string, body: unknown, headers?: Record<string, string>) => this.request('PUT', path, body, headers);
  patch = (path: string, body: unknown, headers?: Record<string, string>) => this.request('PATCH', path, body, headers);
  delete = (path: string) => this.request('DELETE', path);
}

/** HR creates a SCIM token for the company: the secret shown once, and a client holding it. */
export async function scimTokenFor(hr: Client, name = 'Entra ID'): Promise<{ id: string; secret: string; scim: ScimClient }> {
  const res = await hr.post('/api/scim-tokens', { name });
  if (res.status !== 201) throw new Error(`token failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.token.id, secret: res.body.secret, scim: new ScimClient(hr.baseUrl, res.body.secret) };
}

/** `filter=…` as an identity provider encodes it in the query. */
export const filterQuery = (filter: string): string => `filter=${encodeURIComponent(filter)}`;

export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
