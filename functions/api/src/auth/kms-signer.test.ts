import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { GetPublicKeyCommand, SignCommand } from '@aws-sdk/client-kms';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { ACCESS_AUDIENCE, hmacScopedTokens, ISSUER, verifyAccessToken } from './jwt.js';
import { jwksOf, kmsTokenSigner, publishedKeysOf, verifyOnlySigner, type KmsSender, type SigningKeyIds } from './kms-signer.js';

/**
 * Stands in for KMS's network only: each key is a real P-256 key pair; Sign hashes the raw message
 * with SHA-256 and answers ASN.1 DER as KMS does, GetPublicKey answers the SPKI DER.
 */
function fakeKms(keyIds: string[], spec: 'ECC_NIST_P256' | 'RSA_2048' = 'ECC_NIST_P256') {
  const pairs = new Map<string, { privateKey: KeyObject; publicKey: KeyObject }>(
    keyIds.map((id) => [id, generateKeyPairSync('ec', { namedCurve: 'P-256' })]),
  );
  const signCalls: { keyId: string; messageType: string | undefined }[] = [];
  const kms: KmsSender = {
    async send(command) {
      const pair = pairs.get(command.input.KeyId!);
      if (!pair) throw Object.assign(new Error('NotFoundException'), { name: 'NotFoundException' });
      if (command instanceof GetPublicKeyCommand) {
        return {
          KeySpec: spec,
          KeyUsage: 'SIGN_VERIFY',
          PublicKey: new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' })),
        };
      }
      if (command instanceof SignCommand) {
        const { Message, MessageType, SigningAlgorithm } = command.input;
        signCalls.push({ keyId: command.input.KeyId!, messageType: MessageType });
        if (SigningAlgorithm !== 'ECDSA_SHA_256' || MessageType !== 'RAW' || !Message) throw new Error('unexpected Sign request');
        return { Signature: new Uint8Array(sign('sha256', Message, pair.privateKey)) };
      }
      throw new Error('unexpected command');
    },
  };
  return { kms, signCalls };
}

const claims = { userId: 'u1', tenantId: 'aaaaaaaaaaaaaaaa', vendorId: 'vvvvvvvvvvvvvvvv', role: 'tenant_admin' as const, accessGen: 3 };
const scoped = hmacScopedTokens(new Uint8Array(32).fill(7));
const now = new Date('2026-12-07T00:00:00Z');

async function signerFor(kms: KmsSender, ids: SigningKeyIds) {
  const published = await publishedKeysOf(kms, ids);
  return { published, signer: kmsTokenSigner({ kms, ids, published, scoped }) };
}

describe('ES256 tokens signed by KMS', () => {
  it('signs access tokens that jose verifies against the JWKS built from the KMS public key', async () => {
    const { kms, signCalls } = fakeKms(['key-1']);
    const { published, signer } = await signerFor(kms, { current: 'key-1' });
    const token = await signer.signAccess(claims, now);

    expect(published.keys).toHaveLength(1);
    expect(published.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: published.currentKid });
    expect(published.keys[0]).not.toHaveProperty('d');
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: published.currentKid, typ: 'JWT' });
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: published.keys }), {
      issuer: ISSUER,
      audience: ACCESS_AUDIENCE,
      algorithms: ['ES256'],
      currentDate: now,
    });
    expect(payload).toMatchObject({ sub: 'u1', tenantId: claims.tenantId, role: 'tenant_admin', exp: now.getTime() / 1000 + 900 });
    expect(await verifyAccessToken(token, jwksOf(published), now)).toEqual(claims);
    expect(signCalls).toEqual([{ keyId: 'key-1', messageType: 'RAW' }]);
  });

  it('produces a valid token whatever the signature bytes (many tokens, each verified)', async () => {
    const { kms } = fakeKms(['key-1']);
    const { published, signer } = await signerFor(kms, { current: 'key-1' });
    const jwks = jwksOf(published);
    for (let i = 0; i < 60; i++) {
      const token = await signer.signAccess({ ...claims, userId: `user${i}` }, now);
      expect((await verifyAccessToken(token, jwks, now))?.userId).toBe(`user${i}`);
    }
  });

  it('signs and verifies refresh tokens, which never pass as access tokens', async () => {
    const { kms } = fakeKms(['key-1']);
    const { published, signer } = await signerFor(kms, { current: 'key-1' });
    const refresh = await signer.signRefresh({ tenantId: claims.tenantId, userId: 'u1', sessionId: 's1', generation: 2 }, now);
    expect(await signer.verifyRefresh(refresh, now)).toEqual({ tenantId: claims.tenantId, userId: 'u1', sessionId: 's1', generation: 2 });
    expect(await verifyAccessToken(refresh, jwksOf(published), now)).toBeNull();
  });

  it('keeps two kids across a rotation: tokens of the previous key verify until the next rotation', async () => {
    const { kms } = fakeKms(['key-a', 'key-b', 'key-c']);
    const before = await signerFor(kms, { current: 'key-a' });
    const oldToken = await before.signer.signAccess(claims, now);

    const after = await signerFor(kms, { current: 'key-b', previous: 'key-a' });
    expect(after.published.keys.map((k) => k.kid)).toEqual([after.published.currentKid, before.published.currentKid]);
    const newToken = await after.signer.signAccess(claims, now);
    expect(decodeProtectedHeader(newToken).kid).toBe(after.published.currentKid);
    expect(after.published.currentKid).not.toBe(before.published.currentKid);
    const jwks = jwksOf(after.published);
    expect(await verifyAccessToken(oldToken, jwks, now)).toEqual(claims);
    expect(await verifyAccessToken(newToken, jwks, now)).toEqual(claims);

    const later = await signerFor(kms, { current: 'key-c', previous: 'key-b' });
    expect(await verifyAccessToken(oldToken, jwksOf(later.published), now)).toBeNull();
    expect(await verifyAccessToken(newToken, jwksOf(later.published), now)).toEqual(claims);
  });

  it('refuses a KMS key that is not P-256 for signing', async () => {
    const { kms } = fakeKms(['key-rsa'], 'RSA_2048');
    await expect(publishedKeysOf(kms, { current: 'key-rsa' })).rejects.toThrow(/ECC_NIST_P256/);
  });
});

describe('the request function signer', () => {
  it('verifies what the identity function signs but mints nothing itself, and its SCORM tokens are no access tokens', async () => {
    const { kms, signCalls } = fakeKms(['key-1']);
    const identity = await signerFor(kms, { current: 'key-1' });
    const request = verifyOnlySigner(identity.published, scoped);

    await expect(request.signAccess(claims, now)).rejects.toThrow(/identity function/);
    await expect(request.signRefresh({ tenantId: claims.tenantId, userId: 'u1', sessionId: 's', generation: 1 }, now)).rejects.toThrow();
    const refresh = await identity.signer.signRefresh({ tenantId: claims.tenantId, userId: 'u1', sessionId: 's', generation: 1 }, now);
    expect(await request.verifyRefresh(refresh, now)).toMatchObject({ sessionId: 's' });

    const launch = await request.signScoped('manabi-scorm-launch', { tid: claims.tenantId }, 60, now);
    expect(await request.verifyScoped('manabi-scorm-launch', launch, now)).toMatchObject({ tid: claims.tenantId });
    expect(await request.verifyScoped('other', launch, now)).toBeNull();
    expect(await verifyAccessToken(launch, jwksOf(identity.published), now)).toBeNull();
    expect(signCalls).toHaveLength(1);
  });
});
