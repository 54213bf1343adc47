import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JWK,
  type JWTHeaderParameters,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { Role } from '@manabi/core';
import type { AuthClaims } from '../env.js';

export const ISSUER = 'manabi';
export const ACCESS_AUDIENCE = 'manabi-api';
export const REFRESH_AUDIENCE = 'manabi-refresh';
export const ACCESS_TTL_SECONDS = 15 * 60;
export const REFRESH_TTL_SECONDS = 30 * 24 * 3600;

export interface RefreshClaims {
  tenantId: string;
  userId: string;
  sessionId: string;
  generation: number;
}

export interface TokenSigner {
  signAccess(claims: AuthClaims, now: Date): Promise<string>;
  signRefresh(claims: RefreshClaims, now: Date): Promise<string>;
  verifyRefresh(token: string, now: Date): Promise<RefreshClaims | null>;
  /**
   * A token for one narrow use (its own audience, so it is never taken for an access token and an
   * access token is never taken for it): e.g. a SCORM launch or a SCORM session.
   */
  signScoped(audience: string, claims: Record<string, unknown>, ttlSeconds: number, now: Date): Promise<string>;
  verifyScoped(audience: string, token: string, now: Date): Promise<Record<string, unknown> | null>;
}

export interface KeyMaterial {
  privateJwk: JWK;
  publicJwk: JWK;
}

/** A fresh ES256 key pair (local start writes it to .data/ once). */
export async function generateKeys(): Promise<KeyMaterial> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = crypto.randomUUID();
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { privateJwk, publicJwk };
}

export function localJwks(keys: KeyMaterial): JWTVerifyGetKey {
  return createLocalJWKSet({ keys: [keys.publicJwk] });
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** The claims of an access token (the same whichever key signs it: the local file key or KMS). */
export function accessTokenPayload(claims: AuthClaims, now: Date): JWTPayload {
  return {
    tenantId: claims.tenantId,
    vendorId: claims.vendorId,
    role: claims.role,
    userId: claims.userId,
    // The person's access generation at sign-in: a later role change or deactivation refuses the token.
    agen: claims.accessGen ?? 0,
    sub: claims.userId,
    iss: ISSUER,
    aud: ACCESS_AUDIENCE,
    iat: seconds(now),
    exp: seconds(now) + ACCESS_TTL_SECONDS,
  };
}

/** The claims of a refresh token. */
export function refreshTokenPayload(claims: RefreshClaims, now: Date): JWTPayload {
  return {
    tenantId: claims.tenantId,
    sid: claims.sessionId,
    gen: claims.generation,
    sub: claims.userId,
    iss: ISSUER,
    aud: REFRESH_AUDIENCE,
    iat: seconds(now),
    exp: seconds(now) + REFRESH_TTL_SECONDS,
  };
}

/** Verifies a refresh token against a key set; null for anything invalid, expired or of another audience. */
export async function verifyRefreshToken(token: string, jwks: JWTVerifyGetKey, now: Date): Promise<RefreshClaims | null> {
  try {
    const { payload } = await jwtVerify(token, jwks, {
      issuer: ISSUER,
      audience: REFRESH_AUDIENCE,
      algorithms: ['ES256'],
      currentDate: now,
    });
    if (typeof payload.tenantId !== 'string' || typeof payload.sid !== 'string' || typeof payload.gen !== 'number' || !payload.sub)
      return null;
    return { tenantId: payload.tenantId, userId: payload.sub, sessionId: payload.sid, generation: payload.gen };
  } catch {
    return null;
  }
}

/** Narrow-use tokens (SCORM launch and session): signed and verified by the same function. */
export type ScopedTokens = Pick<TokenSigner, 'signScoped' | 'verifyScoped'>;

/**
 * Scoped tokens: signed with `signKey` under `header`, checked with `verifyKey` for the header's
 * algorithm only. ES256 with the local file key; HS256 in the cloud (see hmacScopedTokens).
 */
function scopedTokens(
  signKey: Parameters<SignJWT['sign']>[0],
  header: JWTHeaderParameters & { alg: 'ES256' | 'HS256' },
  verifyKey: JWTVerifyGetKey | Uint8Array,
): ScopedTokens {
  return {
    signScoped: (audience, claims, ttlSeconds, now) =>
      new SignJWT(claims)
        .setProtectedHeader(header)
        .setIssuer(ISSUER)
        .setAudience(audience)
        .setIssuedAt(seconds(now))
        .setExpirationTime(seconds(now) + ttlSeconds)
        .sign(signKey),
    async verifyScoped(audience, token, now) {
      try {
        const options = { issuer: ISSUER, audience, algorithms: [header.alg], currentDate: now };
        const { payload } =
          verifyKey instanceof Uint8Array ? await jwtVerify(token, verifyKey, options) : await jwtVerify(token, verifyKey, options);
        return payload as Record<string, unknown>;
      } catch {
        return null;
      }
    },
  };
}

/**
 * Scoped tokens signed with a symmetric key (HS256) in the cloud, where the request function holds
 * no private key: it makes and checks its own SCORM tokens, which can never pass for an access or
 * refresh token (those are verified as ES256 against the JWKS only).
 */
export function hmacScopedTokens(key: Uint8Array): ScopedTokens {
  if (key.length < 32) throw new Error('The scoped-token key must be at least 32 bytes');
  return scopedTokens(key, { alg: 'HS256', typ: 'JWT' }, key);
}

/** The local signer: the ES256 key pair from `.data/keys` (or fresh keys in tests). */
export async function createSigner(keys: KeyMaterial): Promise<TokenSigner> {
  const privateKey = await importJWK(keys.privateJwk, 'ES256');
  const verifyKey = localJwks(keys);
  const header = { alg: 'ES256' as const, kid: keys.privateJwk.kid, typ: 'JWT' };
  return {
    signAccess: (claims, now) => new SignJWT(accessTokenPayload(claims, now)).setProtectedHeader(header).sign(privateKey),
    signRefresh: (claims, now) => new SignJWT(refreshTokenPayload(claims, now)).setProtectedHeader(header).sign(privateKey),
    ...scopedTokens(privateKey, header, verifyKey),
    verifyRefresh: (token, now) => verifyRefreshToken(token, verifyKey, now),
  };
}

const ROLES: readonly string[] = ['platform_admin', 'vendor_admin', 'tenant_admin', 'manager', 'learner'];

/** Verifies an access token against a key set; null for anything invalid, expired or of another audience. */
export async function verifyAccessToken(token: string, jwks: JWTVerifyGetKey, now: Date): Promise<AuthClaims | null> {
  try {
    const { payload } = await jwtVerify(token, jwks, {
      issuer: ISSUER,
      audience: ACCESS_AUDIENCE,
      algorithms: ['ES256'],
      currentDate: now,
    });
    const { tenantId, vendorId, role, userId, agen } = payload as Record<string, unknown>;
    if (typeof tenantId !== 'string' || typeof userId !== 'string' || typeof role !== 'string' || !ROLES.includes(role)) return null;
    const accessGen = typeof agen === 'number' && Number.isInteger(agen) ? agen : 0;
    return { tenantId, userId, role: role as Role, vendorId: typeof vendorId === 'string' ? vendorId : null, accessGen };
  } catch {
    return null;
  }
}
