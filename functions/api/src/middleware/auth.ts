import type { Context, MiddlewareHandler } from 'hono';
import type { JWTVerifyGetKey } from 'jose';
import type { Role } from '@manabi/core';
import type { AppEnv, AuthClaims } from '../env.js';
import { ApiError } from '../errors.js';
import { verifyAccessToken } from '../auth/jwt.js';
import { currentAccess, rememberAccess, verdictOf } from '../auth/access-gate.js';
import type { AccessState } from '@manabi/data';

/**
 * Verifies the bearer token against a JWKS and puts its claims on the context. The same
 * middleware verifies Cognito tokens in the cloud by being given Cognito's key set.
 */
export const authenticate = (
  jwks: JWTVerifyGetKey,
  now: () => Date,
  /**
   * The token's company, vendor and person as stored now (a suspension, a deactivation or a new
   * role stops existing tokens); remembered per process for a few seconds (auth/access-gate.ts).
   */
  stateOf: (claims: AuthClaims) => Promise<AccessState> = async () => ({ account: 'active', person: null }),
  recheckMs?: number,
  /**
   * A hot route's own first read made together with the access check, in one call, always fresh
   * (auth/first-read.ts): the state it read, or null when the route has none.
   */
  firstRead: (claims: AuthClaims, c: Context<AppEnv>) => Promise<AccessState | null> = async () => null,
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
    // Checked on every request, not remembered with the token: a suspension, a deactivation or a
    // new role takes effect at the next request (within seconds when another process made it).
    const fresh = await firstRead(claims, c);
    if (fresh) rememberAccess(claims, fresh);
    const verdict = verdictOf(claims, fresh ?? (await currentAccess(claims, stateOf, recheckMs)));
    if (verdict === 'missing') throw new ApiError(401, 'unauthorized', 'unauthorized.expired');
    if (verdict === 'suspended') throw new ApiError(403, 'account_suspended');
    if (verdict === 'deactivated') throw new ApiError(401, 'account_deactivated');
    // The SPA refreshes on a 401: the new token carries the person's current role.
    if (verdict === 'changed') throw new ApiError(401, 'access_changed');
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
