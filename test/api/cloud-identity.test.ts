import { randomUUID, generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { countFailures, createDataAccess, findLogin, listOutboxOfTenant, type DataAccess } from '@manabi/data';
import { dropTable, ensureTable } from '@manabi/data/local';
import { cloudApp } from '../../functions/api/src/cloud/app.js';
import type { KmsSender } from '../../functions/api/src/auth/kms-signer.js';
import { uniqueEmail } from '../support/client.js';

/**
 * The cloud's two app functions as their Lambda entries build them (cloud/app.ts), against
 * DynamoDB Local, with KMS and Secrets Manager replaced at their network edge: a real P-256 key
 * that answers Sign with DER (as KMS does) and GetPublicKey with SPKI, and a fixed secret.
 */
function fakeKms() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let signs = 0;
  const kms: KmsSender = {
    async send(command) {
      const input = command.input as { KeyId?: string; Message?: Uint8Array; MessageType?: string; SigningAlgorithm?: string };
      if (input.KeyId !== 'signing-key') throw Object.assign(new Error('NotFoundException'), { name: 'NotFoundException' });
      if (input.Message) {
        if (input.MessageType !== 'RAW' || input.SigningAlgorithm !== 'ECDSA_SHA_256') throw new Error('unexpected Sign request');
        signs += 1;
        return { Signature: new Uint8Array(sign('sha256', input.Message, privateKey)) };
      }
      return {
        KeySpec: 'ECC_NIST_P256',
        KeyUsage: 'SIGN_VERIFY',
        PublicKey: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
      };
    },
  };
  return { kms, signs: () => signs };
}

/** What CloudFront adds to every request it forwards (the origin-verify header). */
const EDGE_VALUE = 'e'.repeat(48);
const fromEdge = { 'x-origin-verify': EDGE_VALUE };

const json = (body: unknown, token?: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...fromEdge, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

describe('the cloud apps: identity signs with KMS, the request function only verifies', () => {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `manabi-cloud-${randomUUID().slice(0, 8)}`;
  let data: DataAccess;

  beforeAll(async () => {
    await ensureTable(endpoint, tableName);
    data = createDataAccess({ tableName, endpoint });
  });
  afterAll(async () => {
    data?.destroy();
    await dropTable(endpoint, tableName);
  });

  /** The environment the stack gives both functions, and Secrets Manager's answers for its two secrets. */
  function cloudSetup() {
    const env = {
      TABLE_NAME: tableName,
      OBJECT_BUCKET: 'manabi-test-objects',
      PUBLIC_URL: 'https://learn.example.test',
      SCORM_CONTENT_ORIGIN: 'https://content.example.test',
      APP_SECRET_ARN: 'arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:app',
      SIGNING_KEY_ID: 'signing-key',
      ORIGIN_VERIFY_SECRET_ARN: 'arn:aws:secretsmanager:ap-northeast-1:111111111111:secret:origin-verify',
    };
    const secrets = {
      send: async (command: { input: { SecretId?: string } }) => ({
        SecretString: command.input.SecretId === env.ORIGIN_VERIFY_SECRET_ARN ? JSON.stringify({ current: EDGE_VALUE }) : 'k'.repeat(64),
      }),
    };
    return { env, secrets };
  }

  it('signs the session of a verified sign-up with the KMS key, which the request function accepts and cannot mint itself', async () => {
    const { kms, signs } = fakeKms();
    const { env, secrets } = cloudSetup();
    const logged: string[] = [];
    const identity = await cloudApp('identity', env, { kms, secrets, data, writeLog: (text) => logged.push(text) });
    const api = await cloudApp('api', env, { kms, secrets, data });
    const email = uniqueEmail('cloud');
    const password = 'correct horse battery';

    const signup = await identity.request(
      '/api/signup',
      json({ companyName: '株式会社クラウド', adminName: '人事 花子', email, password, locale: 'ja' }),
    );
    // Sign-up says the same for any address; the emailed link signs the new HR admin in.
    expect(signup.status).toBe(202);
    expect(signs()).toBe(0);
    const login = (await findLogin(data.platform, email))!;
    const mail = (await listOutboxOfTenant(data.clientFor({ tenantId: login.tenantId }))).find(
      (m) => m.to === email && m.kind === 'verify_email',
    )!;
    const token = new URL(mail.link!).searchParams.get('token')!;
    // The mail is logged as sent, but its address and its one-time link never reach the logs.
    expect(logged.some((text) => JSON.parse(text).msg === 'outbox')).toBe(true);
    expect(logged.filter((text) => text.includes(email) || text.includes(token))).toEqual([]);
    const verified = await identity.request('/api/auth/verify-email', json({ token }));
    expect(verified.status).toBe(200);
    const { accessToken } = (await verified.json()) as { accessToken: string };
    expect(JSON.parse(Buffer.from(accessToken.split('.')[0]!, 'base64url').toString('utf8'))).toMatchObject({ alg: 'ES256', typ: 'JWT' });
    expect(signs()).toBe(2); // the access and the refresh token

    const me = await api.request('/api/me', { headers: { ...fromEdge, authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(email);

    // The request function holds no signing path: a sign-in that reaches it fails without a KMS call.
    const signin = await api.request('/api/auth/signin', json({ email, password }));
    expect(signin.status).toBe(500);
    expect(signs()).toBe(2);
    const viaIdentity = await identity.request('/api/auth/signin', json({ email, password }));
    expect(viaIdentity.status).toBe(200);
    expect(signs()).toBe(4);
  });

  it('refuses requests that did not come through CloudFront, and counts failed sign-ins against the viewer’s address', async () => {
    const { kms } = fakeKms();
    const { env, secrets } = cloudSetup();
    const identity = await cloudApp('identity', env, { kms, secrets, data, writeLog: () => undefined });
    const api = await cloudApp('api', env, { kms, secrets, data, writeLog: () => undefined });
    const email = uniqueEmail('edge');
    const body = JSON.stringify({ email, password: 'not the password' });
    // Straight at the API Gateway endpoint: no header, or a guessed one.
    for (const app of [identity, api]) {
      for (const headers of [{}, { 'x-origin-verify': 'f'.repeat(48) }] as Record<string, string>[]) {
        const direct = await app.request('/api/auth/signin', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        expect(direct.status).toBe(403);
        expect(((await direct.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      }
      expect((await app.request('/api/health', { headers: fromEdge })).status).toBe(200);
    }
    const before = Date.now();
    const viewer = '2001:db8:4a::17';
    const failed = await identity.request('/api/auth/signin', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...fromEdge,
        'cloudfront-viewer-address': `${viewer}:50123`,
        'x-forwarded-for': '192.0.2.1',
      },
      body,
    });
    expect(failed.status).toBe(401);
    const after = Date.now();
    // The failure lands in the 15-minute window of the moment it was counted: before or after it.
    const counted = async (value: string) =>
      Math.max(
        ...(await Promise.all(
          [before, after].map(async (at) => (await countFailures(data.platform, [{ kind: 'ip', value }], at, 900))[0]!),
        )),
      );
    expect(await counted(viewer)).toBe(1);
    expect(await counted('192.0.2.1')).toBe(0);
  });
});
