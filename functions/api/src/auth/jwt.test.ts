import { describe, expect, it } from 'vitest';
import { createSigner, generateKeys, localJwks, verifyAccessToken } from './jwt.js';

const claims = { userId: 'u1', tenantId: 'aaaaaaaaaaaaaaaa', vendorId: null, role: 'learner' as const, accessGen: 2 };

describe('tokens (ES256)', () => {
  it('signs access tokens the JWKS verifies, with the claims and a 15-minute life', async () => {
    const keys = await generateKeys();
    const signer = await createSigner(keys);
    const now = new Date('2026-11-24T00:00:00Z');
    const token = await signer.signAccess(claims, now);
    expect(await verifyAccessToken(token, localJwks(keys), now)).toEqual(claims);
    expect(await verifyAccessToken(token, localJwks(keys), new Date(now.getTime() + 14 * 60_000))).toEqual(claims);
    expect(await verifyAccessToken(token, localJwks(keys), new Date(now.getTime() + 16 * 60_000))).toBeNull();
  });

  it('rejects tokens from another key, and refresh tokens used as access tokens', async () => {
    const [mine, theirs] = [await generateKeys(), await generateKeys()];
    const now = new Date();
    const foreign = await (await createSigner(theirs)).signAccess(claims, now);
    expect(await verifyAccessToken(foreign, localJwks(mine), now)).toBeNull();
    const signer = await createSigner(mine);
    const refresh = await signer.signRefresh({ tenantId: claims.tenantId, userId: 'u1', sessionId: 's1', generation: 3 }, now);
    expect(await verifyAccessToken(refresh, localJwks(mine), now)).toBeNull();
    expect(await signer.verifyRefresh(refresh, now)).toEqual({ tenantId: claims.tenantId, userId: 'u1', sessionId: 's1', generation: 3 });
    expect(await signer.verifyRefresh(await signer.signAccess(claims, now), now)).toBeNull();
  });
});
