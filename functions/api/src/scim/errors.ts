import type { Context } from 'hono';

/** SCIM's own media type (RFC 7644 §3.1); every answer of /scim/v2 carries it. */
export const SCIM_MEDIA_TYPE = 'application/scim+json';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The `scimType` values of RFC 7644 §3.12 that this endpoint answers. */
export type ScimType =
  'invalidFilter' | 'invalidValue' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'uniqueness' | 'mutability' | 'tooMany';

/** A refusal in SCIM's error schema (not the app's `{ error }` shape: identity providers read this one). */
export class ScimError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 500,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
  }
}

export const scimNotFound = (what: 'User' | 'Group', id: string) => new ScimError(404, `${what} ${id} not found`);

export function scimErrorResponse(c: Context, error: ScimError): Response {
  return c.body(
    JSON.stringify({
      schemas: [ERROR_SCHEMA],
      status: String(error.status),
      ...(error.scimType ? { scimType: error.scimType } : {}),
      detail: error.detail,
    }),
    error.status,
    { 'content-type': SCIM_MEDIA_TYPE },
  );
}

/** A SCIM answer: JSON under SCIM's media type, with an ETag when the resource has a version. */
export function scimJson(c: Context, body: unknown, status: 200 | 201 = 200, etag?: string): Response {
  return c.body(JSON.stringify(body), status, { 'content-type': SCIM_MEDIA_TYPE, ...(etag ? { etag } : {}) });
}
