import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Role } from '@manabi/core';
import type { AppEnv } from './env.js';
import { allowRoles } from './middleware/auth.js';
import { ApiError, validationError } from './errors.js';

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
}

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

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });

/** Standard error responses every route documents. */
export const ERROR_RESPONSES = {
  400: errorResponse('Invalid input'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Role not allowed'),
  404: errorResponse('Not found (including any id of another tenant)'),
} as const;

/** Records each route's declared roles; the app checks coverage and tests read it. */
export const routeAccess: RouteAccess[] = [];

export function defineRoute<R extends RouteConfig>(config: R & { roles: Access; bodyLimit?: number }): R {
  const { roles, bodyLimit: declaredLimit, ...rest } = config;
  const limit = declaredLimit ?? BODY_LIMITS.default;
  const middleware = [limitBody(limit), ...(roles === 'public' ? [] : [allowRoles(roles)])];
  const existing = rest.middleware ? (Array.isArray(rest.middleware) ? rest.middleware : [rest.middleware]) : [];
  if (!routeAccess.some((r) => r.method === rest.method && r.path === rest.path)) {
    routeAccess.push({ method: rest.method, path: rest.path, roles, bodyLimit: limit });
  }
  return createRoute({
    ...rest,
    middleware: [...middleware, ...existing],
    ...(roles === 'public' ? {} : { security: [{ bearer: [] }] }),
    'x-roles': roles,
  } as unknown as R);
}

/** Hono path (`/api/users/:id`) of an OpenAPI path (`/api/users/{id}`). */
export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');
