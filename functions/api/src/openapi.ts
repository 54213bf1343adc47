import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { errorSchema } from '@manabi/contract';
import { bodyLimit } from 'hono/body-limit';
import type { Role } from '@manabi/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { allowRoles } from './middleware/auth.js';
import { ApiError, validationError } from './errors.js';
import { checkResponse } from './response-contract.js';

/**
 * Every route states the roles it allows (`roles`); `'public'` must be said out loud. The
 * authenticate middleware is mounted for all of /api except the public routes registered here,
 * so a route that forgets to declare roles cannot exist (the type requires it) and is denied.
 */
export type Access = readonly Role[] | 'public';

export interface RouteAccess {
  method: string;
  path: string;
  roles: Access;
  /** The largest request body the route reads (bytes); a larger one is 413 unread. */
  bodyLimit: number;
  /** The route's first read, made by the auth gate together with the access check (auth/first-read.ts). */
  firstRead?: FirstRead;
}

/** Items a hot route may have read with the access check: `attempt` is the path's `{id}`. */
export type FirstRead = 'attempt';

const MiB = 1024 * 1024;
/**
 * Request body limits: small by default; larger only where a route takes files or long documents.
 * A body over its route's limit is answered 413 before it is read or parsed (Content-Length, or
 * counted as it streams in).
 */
export const BODY_LIMITS = {
  /** Every JSON route unless it says otherwise. */
  default: 1 * MiB,
  /** A package (up to 50 modules of long bilingual lesson text). */
  document: 8 * MiB,
  /** CSV and question files (5 MB each, plus the multipart envelope). */
  import: 6 * MiB,
  /** Brand and certificate images (refused above their own, smaller, limit with a clear message). */
  image: 8 * MiB,
} as const;

const tooLarge = (limit: number) =>
  new ApiError(413, 'payload_too_large', {
    key: 'payload_too_large',
    params: { max: limit >= MiB ? `${Math.round(limit / MiB)} MB` : `${Math.round(limit / 1024)} KB` },
  });

/** Answers 413 in the error shape when a body exceeds `limit`. */
export const limitBody = (limit: number) =>
  bodyLimit({
    maxSize: limit,
    onError: () => {
      throw tooLarge(limit);
    },
  });

export function newApp(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const prefix = result.target === 'json' || result.target === 'form' ? undefined : result.target;
        // Thrown, not answered here: the app's error handler words it in the caller's language.
        throw validationError(result.error, prefix, (result as { data?: unknown }).data);
      }
      return undefined;
    },
  });
}

export { errorSchema };

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });

/** A 409 in the error shape, worded for the route's own conflicts. */
export const conflictResponse = (description: string) => errorResponse(description);

/** Standard error responses every route documents. */
export const ERROR_RESPONSES = {
  400: errorResponse('Invalid input'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Role not allowed'),
  404: errorResponse('Not found (including any id of another tenant)'),
} as const;

/** Records each route's declared roles; the app checks coverage and tests read it. */
export const routeAccess: RouteAccess[] = [];

/** What a route's answer was, when its status or content type is not in its OpenAPI responses. */
export interface UndeclaredResponse {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
}

/** Answers found undeclared since the process started (the OpenAPI test sweeps every route, then reads this). */
export const undeclaredResponses: UndeclaredResponse[] = [];

type Responses = NonNullable<RouteConfig['responses']>;

const bodyMethods = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The statuses every route of a shape can answer, added to its responses where the route does not
 * word them itself: 400 (invalid input), 401/403 (the auth gate and `roles`), 404 (an id in the
 * path), 413 (a body over the limit), 415 (a body of another media type than declared), 500.
 */
function sharedResponses(method: string, roles: Access, request: RouteConfig['request']): Responses {
  const hasInput = Boolean(request?.params || request?.query || request?.body || request?.headers);
  const bodyContent = (request?.body as { content?: Record<string, unknown> } | undefined)?.content ?? {};
  const validatedBody = Object.keys(bodyContent).some((type) => type.includes('json') || type.includes('form'));
  return {
    ...(hasInput ? { 400: ERROR_RESPONSES[400] } : {}),
    ...(roles === 'public' ? {} : { 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403] }),
    ...(request?.params ? { 404: ERROR_RESPONSES[404] } : {}),
    ...(bodyMethods.has(method) ? { 413: errorResponse('The body is larger than this route takes (payload_too_large)') } : {}),
    ...(validatedBody ? { 415: errorResponse('The body is not of a media type this route takes (unsupported_media_type)') } : {}),
    500: errorResponse('Something went wrong on the server (internal)'),
    503: errorResponse('The database is briefly unavailable; retry after the Retry-After seconds (service_unavailable)'),
  };
}

const mediaType = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();
// Whether a declared media type, or a range of them (`image/*`, `*/*`), covers an answered one.
const covers = (declared: string, answered: string) => {
  const [type, subtype] = mediaType(declared).split('/');
  const [aType, aSubtype] = mediaType(answered).split('/');
  return (type === '*' || type === aType) && (subtype === '*' || subtype === aSubtype);
};

/** Notes an answer whose status or content type the route's OpenAPI responses do not declare. */
const recordUndeclared =
  (method: string, path: string, responses: Responses): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    await next();
    const status = c.res.status;
    const declared = ((responses as Record<string, unknown>)[String(status)] ?? responses.default) as
      { content?: Record<string, unknown> } | undefined;
    const contentType = c.res.headers.get('content-type');
    const typeDeclared =
      !declared?.content || contentType === null || status === 204 || Object.keys(declared.content).some((t) => covers(t, contentType));
    if (!declared || !typeDeclared) undeclaredResponses.push({ method, path, status, contentType });
  };

export function defineRoute<R extends RouteConfig>(config: R & { roles: Access; bodyLimit?: number; firstRead?: FirstRead }): R {
  const { roles, bodyLimit: declaredLimit, firstRead, ...rest } = config;
  const limit = declaredLimit ?? BODY_LIMITS.default;
  const responses = { ...sharedResponses(rest.method, roles, rest.request), ...rest.responses };
  const middleware = [
    recordUndeclared(rest.method, rest.path, responses),
    checkResponse(rest.method, rest.path, responses),
    limitBody(limit),
    ...(roles === 'public' ? [] : [allowRoles(roles)]),
  ];
  const existing = rest.middleware ? (Array.isArray(rest.middleware) ? rest.middleware : [rest.middleware]) : [];
  if (!routeAccess.some((r) => r.method === rest.method && r.path === rest.path)) {
    routeAccess.push({ method: rest.method, path: rest.path, roles, bodyLimit: limit, ...(firstRead ? { firstRead } : {}) });
  }
  return createRoute({
    ...rest,
    responses,
    middleware: [...middleware, ...existing],
    ...(roles === 'public' ? {} : { security: [{ bearer: [] }] }),
    'x-roles': roles,
  } as unknown as R);
}

/** Hono path (`/api/users/:id`) of an OpenAPI path (`/api/users/{id}`). */
export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/** The path parameters of `path` under a Hono pattern (`/api/users/:id`), or null when it does not match. */
export function pathParams(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (const [i, seg] of p.entries()) {
    if (seg.startsWith(':')) params[seg.slice(1)] = s[i]!;
    else if (seg !== s[i]) return null;
  }
  return params;
}
