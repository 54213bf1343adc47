import type { MiddlewareHandler } from 'hono';
import type { JWTVerifyGetKey } from 'jose';
import type { Role } from '@manabi/core';
import type { AppEnv, AuthClaims } from '../env.js';
import { ApiError } from '../errors.js';
import { verifyAccessToken } from '../auth/jwt.js';

/**
 * Verifies the bearer token against a JWKS and puts its claims on the context. The same
 * middleware verifies Cognito tokens in the cloud by being given Cognito's key set.
 */
export const authenticate = (
  jwks: JWTVerifyGetKey,
  now: () => Date,
  /** Whether the token's company and vendor are active now (a suspension stops existing tokens at once). */
  statusOf: (claims: AuthClaims) => Promise<'active' | 'suspended' | 'missing'> = async () => 'active',
): MiddlewareHandler<AppEnv> => {
  // A learner sends the same token with every answer: remember tokens already verified (until
  // they expire) so the hot path does not repeat the signature check. Bounded, per process.
  const verified = new Map<string, { claims: AuthClaims; exp: number }>();
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!match) throw new ApiError(401, 'unauthorized');
    const token = match[1]!;
    const at = now();
    let claims: AuthClaims | null = null;
    const hit = verified.get(token);
    if (hit && hit.exp > at.getTime()) claims = hit.claims;
    else {
      claims = await verifyAccessToken(token, jwks, at);
      if (claims) {
        if (verified.size >= 10_000) verified.delete(verified.keys().next().value!);
        verified.set(token, { claims, exp: expiryOf(token) });
      }
    }
    if (!claims) throw new ApiError(401, 'unauthorized', 'unauthorized.expired');
    // Checked on every request, not remembered with the token: a suspension takes effect at once.
    const status = await statusOf(claims);
    if (status === 'missing') throw new ApiError(401, 'unauthorized', 'unauthorized.expired');
    if (status === 'suspended') throw new ApiError(403, 'account_suspended');
    c.set('auth', claims);
    c.get('logger')?.bind({ tenantId: claims.tenantId, userId: claims.userId });
    await next();
  };
};

/** `exp` of a token whose signature was just verified (milliseconds). */
function expiryOf(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number };
  return payload.exp * 1000;
}

/** Lets the request through only for the listed roles. */
export const allowRoles =
  (roles: readonly Role[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (!roles.includes(c.get('auth').role)) throw new ApiError(403, 'forbidden');
    await next();
  };
