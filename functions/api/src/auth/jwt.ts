import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTVerifyGetKey } from 'jose';
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

export async function createSigner(keys: KeyMaterial): Promise<TokenSigner> {
  const privateKey = await importJWK(keys.privateJwk, 'ES256');
  const verifyKey = localJwks(keys);
  const header = { alg: 'ES256', kid: keys.privateJwk.kid, typ: 'JWT' };
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  return {
    signAccess: (claims, now) =>
      new SignJWT({
        tenantId: claims.tenantId,
        vendorId: claims.vendorId,
        role: claims.role,
        userId: claims.userId,
        agen: claims.accessGen ?? 0,
      })
        .setProtectedHeader(header)
        .setSubject(claims.userId)
        .setIssuer(ISSUER)
        .setAudience(ACCESS_AUDIENCE)
        .setIssuedAt(seconds(now))
        .setExpirationTime(seconds(now) + ACCESS_TTL_SECONDS)
        .sign(privateKey),
    signRefresh: (claims, now) =>
      new SignJWT({ tenantId: claims.tenantId, sid: claims.sessionId, gen: claims.generation })
        .setProtectedHeader(header)
        .setSubject(claims.userId)
        .setIssuer(ISSUER)
        .setAudience(REFRESH_AUDIENCE)
        .setIssuedAt(seconds(now))
        .setExpirationTime(seconds(now) + REFRESH_TTL_SECONDS)
        .sign(privateKey),
    signScoped: (audience, claims, ttlSeconds, now) =>
      new SignJWT(claims)
        .setProtectedHeader(header)
        .setIssuer(ISSUER)
        .setAudience(audience)
        .setIssuedAt(seconds(now))
        .setExpirationTime(seconds(now) + ttlSeconds)
        .sign(privateKey),
    async verifyScoped(audience, token, now) {
      try {
        const { payload } = await jwtVerify(token, verifyKey, { issuer: ISSUER, audience, algorithms: ['ES256'], currentDate: now });
        return payload as Record<string, unknown>;
      } catch {
        return null;
      }
    },
    async verifyRefresh(token, now) {
      try {
        const { payload } = await jwtVerify(token, verifyKey, {
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
    },
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
