import { createPublicKey } from 'node:crypto';
import { GetPublicKeyCommand, SignCommand } from '@aws-sdk/client-kms';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, type JWK, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { derToJoseSignature } from './ecdsa-der.js';
import { accessTokenPayload, refreshTokenPayload, verifyRefreshToken, type ScopedTokens, type TokenSigner } from './jwt.js';

/** What the signer needs from KMS (the real KMSClient, or a stand-in in tests). */
export interface KmsSender {
  send(command: SignCommand | GetPublicKeyCommand): Promise<{
    Signature?: Uint8Array;
    PublicKey?: Uint8Array;
    KeySpec?: string;
    KeyUsage?: string;
  }>;
}

/**
 * The KMS keys tokens are signed with: `current` signs; `previous` (the key before the last
 * rotation) still verifies, so tokens signed before a rotation stay valid for their lifetime.
 */
export interface SigningKeyIds {
  current: string;
  previous?: string | null;
}

/** The published key set: the public half of each signing key, current first. */
export interface PublishedKeys {
  keys: JWK[];
  /** The `kid` new tokens carry. */
  currentKid: string;
}

/** KMS signs at most 4 KiB as a raw message; our tokens are a few hundred bytes. */
const MAX_RAW_MESSAGE = 4096;

const b64url = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64url');

/**
 * The public key of one KMS key as a JWK. Its `kid` is the RFC 7638 thumbprint, so it names the
 * key material itself (the key's ARN never leaves the stack) and is the same in every function.
 */
export async function publicJwkOf(kms: KmsSender, keyId: string): Promise<JWK> {
  const out = await kms.send(new GetPublicKeyCommand({ KeyId: keyId }));
  if (out.KeySpec !== 'ECC_NIST_P256' || out.KeyUsage !== 'SIGN_VERIFY' || !out.PublicKey)
    throw new Error(`KMS key ${keyId} is not an ECC_NIST_P256 SIGN_VERIFY key`);
  const jwk = await exportJWK(createPublicKey({ key: Buffer.from(out.PublicKey), format: 'der', type: 'spki' }));
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new Error(`KMS key ${keyId} did not give a P-256 public key`);
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid: await calculateJwkThumbprint(jwk), alg: 'ES256', use: 'sig' };
}

/** The key set verifiers accept: the current key and, after a rotation, the previous one. */
export async function publishedKeysOf(kms: KmsSender, ids: SigningKeyIds): Promise<PublishedKeys> {
  const current = await publicJwkOf(kms, ids.current);
  const previous = ids.previous && ids.previous !== ids.current ? await publicJwkOf(kms, ids.previous) : null;
  return { keys: previous ? [current, previous] : [current], currentKid: current.kid! };
}

export const jwksOf = (published: PublishedKeys): JWTVerifyGetKey => createLocalJWKSet({ keys: published.keys });

/**
 * Signs a JWT with KMS (ES256): the JWS signing input is built here and sent as a raw message
 * (KMS hashes it with SHA-256 for ECDSA_SHA_256); KMS answers DER, JWS wants r‖s.
 */
export async function signJwtWithKms(kms: KmsSender, keyId: string, kid: string, payload: JWTPayload): Promise<string> {
  const input = `${b64url(JSON.stringify({ alg: 'ES256', kid, typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
  const message = Buffer.from(input, 'ascii');
  if (message.length > MAX_RAW_MESSAGE) throw new Error('Token too large to sign');
  const out = await kms.send(new SignCommand({ KeyId: keyId, Message: message, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
  if (!out.Signature) throw new Error('KMS returned no signature');
  return `${input}.${b64url(derToJoseSignature(out.Signature))}`;
}

/**
 * The identity function's signer: access and refresh tokens signed by the current KMS key,
 * refresh tokens verified against the published keys, SCORM tokens from `scoped`.
 */
export function kmsTokenSigner(opts: { kms: KmsSender; ids: SigningKeyIds; published: PublishedKeys; scoped: ScopedTokens }): TokenSigner {
  const { kms, ids, published, scoped } = opts;
  const verifyKey = jwksOf(published);
  return {
    signAccess: (claims, now) => signJwtWithKms(kms, ids.current, published.currentKid, accessTokenPayload(claims, now)),
    signRefresh: (claims, now) => signJwtWithKms(kms, ids.current, published.currentKid, refreshTokenPayload(claims, now)),
    verifyRefresh: (token, now) => verifyRefreshToken(token, verifyKey, now),
    ...scoped,
  };
}

/**
 * The request function's signer: it verifies with the published keys and makes SCORM tokens, but
 * mints no session tokens (its role has no kms:Sign; the HTTP API routes /api/auth/* and
 * /api/signup to the identity function).
 */
export function verifyOnlySigner(published: PublishedKeys, scoped: ScopedTokens): TokenSigner {
  const verifyKey = jwksOf(published);
  const refuse = (): Promise<string> =>
    Promise.reject(new Error('Session tokens are minted only by the identity function (/api/auth/*, /api/signup)'));
  return {
    signAccess: refuse,
    signRefresh: refuse,
    verifyRefresh: (token, now) => verifyRefreshToken(token, verifyKey, now),
    ...scoped,
  };
}
