import type { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createDataAccess } from './db.js';
import { REFRESH_MARGIN_MS, SessionCredentialsCache, scopedDataFromEnv, type AssumeRoleSender } from './scoped-credentials.js';

const TENANT_A = 'a0000000000000aa';
const TENANT_B = 'b0000000000000bb';
const VENDOR = 'v0000000000000vv';
const ROLE = 'arn:aws:iam::111111111111:role/TenantData';

/** An STS stand-in: records each AssumeRole and answers credentials named after the call. */
function fakeSts(lifetimeMs = 60 * 60 * 1000, now: () => number = Date.now) {
  const calls: AssumeRoleCommand['input'][] = [];
  const sts: AssumeRoleSender = {
    send: async (command) => {
      calls.push(command.input);
      const n = calls.length;
      await Promise.resolve(); // answer asynchronously, as STS does
      return {
        Credentials: { AccessKeyId: `AK${n}`, SecretAccessKey: `S${n}`, SessionToken: `T${n}`, Expiration: new Date(now() + lifetimeMs) },
      };
    },
  };
  return { sts, calls };
}

describe('SessionCredentialsCache', () => {
  it('assumes the role with the tenant and vendor as session tags, and names the session after the tenant', async () => {
    const { sts, calls } = fakeSts();
    const cache = new SessionCredentialsCache(sts, ROLE, 'tenant');
    const creds = await cache.provider({ tenantId: TENANT_A, vendorId: VENDOR })();
    expect(creds.accessKeyId).toBe('AK1');
    expect(calls).toEqual([
      {
        RoleArn: ROLE,
        RoleSessionName: `tenant-${TENANT_A}`,
        DurationSeconds: 3600,
        Tags: [
          { Key: 'TenantId', Value: TENANT_A },
          { Key: 'VendorId', Value: VENDOR },
        ],
      },
    ]);
  });

  it('tags "no vendor" and "no tenant" with a value no key can match', async () => {
    const { sts, calls } = fakeSts();
    const cache = new SessionCredentialsCache(sts, ROLE, 'platform');
    await cache.provider({ tenantId: null, vendorId: null })();
    expect(calls[0]!.Tags).toEqual([
      { Key: 'TenantId', Value: '-' },
      { Key: 'VendorId', Value: '-' },
    ]);
  });

  it('keeps one session per tenant for its lifetime, shared by concurrent requests', async () => {
    const { sts, calls } = fakeSts();
    const cache = new SessionCredentialsCache(sts, ROLE, 'tenant');
    const a = cache.provider({ tenantId: TENANT_A, vendorId: null });
    const [first, second] = await Promise.all([a(), a()]);
    const third = await a();
    expect(calls).toHaveLength(1);
    expect(second).toEqual(first);
    expect(third).toEqual(first);

    const b = await cache.provider({ tenantId: TENANT_B, vendorId: null })();
    expect(b.accessKeyId).not.toBe(first.accessKeyId);
    expect(calls.map((c) => c.Tags![0]!.Value)).toEqual([TENANT_A, TENANT_B]);
  });

  it('assumes the role again shortly before the credentials expire', async () => {
    let clock = Date.parse('2026-12-07T00:00:00Z');
    const now = () => clock;
    const { sts, calls } = fakeSts(60 * 60 * 1000, now);
    const cache = new SessionCredentialsCache(sts, ROLE, 'tenant', now);
    const a = cache.provider({ tenantId: TENANT_A, vendorId: null });
    await a();
    clock += 60 * 60 * 1000 - REFRESH_MARGIN_MS - 1000;
    expect((await a()).accessKeyId).toBe('AK1');
    clock += 2000;
    expect((await a()).accessKeyId).toBe('AK2');
    expect(calls).toHaveLength(2);
  });

  it('does not keep a failed AssumeRole: the next request tries again', async () => {
    let fail = true;
    const { sts: ok, calls } = fakeSts();
    const sts: AssumeRoleSender = {
      send: async (c) => {
        if (fail) throw new Error('throttled');
        return ok.send(c);
      },
    };
    const a = new SessionCredentialsCache(sts, ROLE, 'tenant').provider({ tenantId: TENANT_A, vendorId: null });
    await expect(a()).rejects.toThrow('throttled');
    fail = false;
    expect((await a()).accessKeyId).toBe('AK1');
    expect(calls).toHaveLength(1);
  });

  it('refuses a tag value that could widen the policy patterns', () => {
    const cache = new SessionCredentialsCache(fakeSts().sts, ROLE, 'tenant');
    expect(() => cache.provider({ tenantId: '*', vendorId: null })).toThrow('Invalid tenant id');
    expect(() => cache.provider({ tenantId: TENANT_A, vendorId: 'x#*' })).toThrow('Invalid vendor id');
  });
});

describe('scopedDataFromEnv', () => {
  it('is off unless the stack set the role ARNs, and needs both', () => {
    expect(scopedDataFromEnv({})).toBeUndefined();
    expect(scopedDataFromEnv({ TENANT_DATA_ROLE_ARN: 'arn:t', PLATFORM_DATA_ROLE_ARN: 'arn:p' })).toEqual({
      tenantRoleArn: 'arn:t',
      platformRoleArn: 'arn:p',
    });
    expect(() => scopedDataFromEnv({ TENANT_DATA_ROLE_ARN: 'arn:t' })).toThrow('set together');
  });
});

describe('createDataAccess with scoped credentials', () => {
  it('signs a tenant’s requests with that tenant’s session and identity paths with the platform role', async () => {
    const { sts, calls } = fakeSts();
    const data = createDataAccess({ tableName: 't', scoped: { tenantRoleArn: ROLE, platformRoleArn: 'arn:aws:iam::1:role/P', sts } });
    try {
      const a = data.clientFor({ tenantId: TENANT_A, vendorId: VENDOR });
      const b = data.clientFor({ tenantId: TENANT_B });
      const credsA = await a.doc.config.credentials();
      const credsB = await b.doc.config.credentials();
      expect(credsA.accessKeyId).not.toBe(credsB.accessKeyId);
      // The same tenant gets the same client (and session) again.
      expect(data.clientFor({ tenantId: TENANT_A, vendorId: VENDOR }).doc).toBe(a.doc);
      const identity = data.identityFor({ tenantId: TENANT_A });
      await identity.doc.config.credentials();
      expect(calls.map((c) => [c.RoleArn, c.Tags![0]!.Value, c.Tags![1]!.Value])).toEqual([
        [ROLE, TENANT_A, VENDOR],
        [ROLE, TENANT_B, '-'],
        ['arn:aws:iam::1:role/P', TENANT_A, '-'],
      ]);
    } finally {
      data.destroy();
    }
  });

  it('without scoped credentials, every tenant shares the one client (local behaviour unchanged)', () => {
    const data = createDataAccess({ tableName: 't', endpoint: 'http://localhost:1' });
    try {
      expect(data.clientFor({ tenantId: TENANT_A }).doc).toBe(data.platform.doc);
      expect(data.identityFor({ tenantId: TENANT_B }).doc).toBe(data.platform.doc);
      expect(() => data.clientFor({ tenantId: 'T#x' })).toThrow('Invalid tenant id');
    } finally {
      data.destroy();
    }
  });
});
