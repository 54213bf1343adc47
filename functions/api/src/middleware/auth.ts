import type { MiddlewareHandler } from 'hono';
import type { JWTVerifyGetKey } from 'jose';
import type { Role } from '@manabi/core';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { verifyAccessToken } from '../auth/jwt.js';

/**
 * Verifies the bearer token against a JWKS and puts its claims on the context. The same
 * middleware verifies Cognito tokens in the cloud by being given Cognito's key set.
 */
export const authenticate =
  (jwks: JWTVerifyGetKey, now: () => Date): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!match) throw new ApiError(401, 'unauthorized', 'Sign in to continue');
    const claims = await verifyAccessToken(match[1]!, jwks, now());
    if (!claims) throw new ApiError(401, 'unauthorized', 'Your session has expired; sign in again');
    c.set('auth', claims);
    c.get('logger')?.bind({ tenantId: claims.tenantId, userId: claims.userId });
    await next();
  };

/** Lets the request through only for the listed roles. */
export const allowRoles =
  (roles: readonly Role[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (!roles.includes(c.get('auth').role)) throw new ApiError(403, 'forbidden', 'You do not have access to this');
    await next();
  };
