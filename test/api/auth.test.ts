import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail } from '../support/client.js';
import { latestMail, tokenOf } from '../support/accounts.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { trustProxy: true, rateLimit: { perEmail: 3, perIp: 6, windowSeconds: 900 } } });
});
afterAll(() => server.stop());

describe('signup', () => {
  it('creates the company and its HR admin, who is signed in by the emailed link (and not before)', async () => {
    const email = uniqueEmail('hr');
    const password = 'correct horse battery';
    const res = await new Client(server.url).post('/api/signup', {
      companyName: '株式会社サインアップ',
      adminName: '人事 太郎',
      email,
      password,
      locale: 'ja',
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'verification_sent' });
    expect(res.headers.get('set-cookie')).toBeNull();
    // Until the address is proven, the password signs nobody in (the same answer as a wrong one).
    expect((await new Client(server.url).post('/api/auth/signin', { email, password })).body.error.code).toBe('invalid_credentials');

    const mail = (await latestMail(server.url, email, 'verify_email'))!;
    expect(mail.link).toMatch(new RegExp(`^${server.url}/verify-email\\?token=`));
    const company = new Client(server.url);
    const verified = await company.post('/api/auth/verify-email', { token: tokenOf(mail.link) });
    expect(verified.status).toBe(200);
    company.token = verified.body.accessToken;
    const me = await company.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.tenant.name).toBe('株式会社サインアップ');
    expect(me.body.user).toMatchObject({ email, role: 'tenant_admin', status: 'active', emailVerified: true });
    expect(me.body.user).not.toHaveProperty('passwordHash');
    expect(me.body.user).not.toHaveProperty('accessGen');
    // A link works once; the password now signs in.
    expect((await new Client(server.url).post('/api/auth/verify-email', { token: tokenOf(mail.link) })).body.error.code).toBe(
      'invalid_token',
    );
    expect((await new Client(server.url).post('/api/auth/signin', { email, password })).status).toBe(200);
  });

  it('answers a registered address exactly as a new one, creates nothing, and tells the owner in their language', async () => {
    const first = await signUpCompany(server.url);
    // The owner reads English.
    expect((await first.client.patch('/api/me', { locale: 'en' })).status).toBe(200);
    const attempt = (email: string) =>
      new Client(server.url).post('/api/signup', {
        companyName: 'Dup Inc.',
        adminName: 'X',
        email,
        password: 'another password',
        locale: 'ja',
      });
    const fresh = await attempt(uniqueEmail('fresh'));
    const again = await attempt(first.email.toUpperCase());
    expect(again.status).toBe(fresh.status);
    expect(again.body).toEqual(fresh.body);
    expect(again.headers.get('set-cookie')).toBe(fresh.headers.get('set-cookie'));

    const told = (await latestMail(server.url, first.email, 'signup_existing'))!;
    expect(told.subject).toBe('Manabi: a sign-up with your email address');
    expect(told.body).toContain('No new account was created');
    expect(told.link).toBe(`${server.url}/signin`);
    // Nothing was created: the owner's company and password are as they were.
    expect((await new Client(server.url).post('/api/auth/signin', { email: first.email, password: 'another password' })).status).toBe(401);
    expect((await new Client(server.url).post('/api/auth/signin', { email: first.email, password: first.password })).status).toBe(200);
    expect((await first.client.get('/api/me')).body.tenant.name).toBe('株式会社テスト');
  });

  it('answers bad input with 400 and a detail per field', async () => {
    const res = await new Client(server.url).post('/api/signup', { companyName: '', email: 'nope', password: 'short', locale: 'fr' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'adminName',
      'companyName',
      'email',
      'locale',
      'password',
    ]);
  });

  it('answers malformed JSON with 400 in the same error shape', async () => {
    const res = await new Client(server.url).request('POST', '/api/signup', undefined, {
      raw: '{"companyName":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String), details: [] });
  });
});

describe('sign-in', () => {
  it('signs in with the right password and gets a 15-minute token plus a refresh cookie', async () => {
    const company = await signUpCompany(server.url);
    const client = new Client(server.url);
    client.ip = '10.0.0.1';
    const res = await client.post('/api/auth/signin', { email: company.email, password: company.password });
    expect(res.status).toBe(200);
    expect(res.body.expiresIn).toBe(900);
    const payload = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ tenantId: company.tenantId, userId: company.adminId, role: 'tenant_admin', vendorId: null });
    expect(payload.exp - payload.iat).toBe(900);
    expect(res.headers.get('set-cookie')).toMatch(/manabi_refresh=.+; Max-Age=\d+; Path=\/api\/auth; HttpOnly; SameSite=Strict/);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const company = await signUpCompany(server.url);
    const a = new Client(server.url);
    a.ip = '10.0.1.1';
    const wrong = await a.post('/api/auth/signin', { email: company.email, password: 'wrong password' });
    const unknown = await a.post('/api/auth/signin', { email: uniqueEmail('ghost'), password: 'wrong password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('rate-limits failed attempts per email (even from different IPs)', async () => {
    const company = await signUpCompany(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const c = new Client(server.url);
      c.ip = `10.1.0.${i}`;
      statuses.push((await c.post('/api/auth/signin', { email: company.email, password: 'wrong password' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Even the right password is refused while limited.
    const c = new Client(server.url);
    c.ip = '10.1.0.99';
    const right = await c.post('/api/auth/signin', { email: company.email, password: company.password });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('rate_limited');
  });

  it('rate-limits failed attempts per IP (across emails)', async () => {
    const c = new Client(server.url);
    c.ip = '10.2.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await c.post('/api/auth/signin', { email: uniqueEmail('spray'), password: 'guess guess' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    const other = new Client(server.url);
    other.ip = '10.2.0.2';
    expect((await other.post('/api/auth/signin', { email: uniqueEmail('x'), password: 'guess guess' })).status).toBe(401);
  });
});

describe('sessions', () => {
  it('refreshes with the cookie, rotates it, and revokes the session when an old cookie is replayed', async () => {
    const company = await signUpCompany(server.url);
    const client = company.client;
    const firstCookie = client.cookie;
    const refreshed = await client.post('/api/auth/refresh');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.id).toBe(company.adminId);
    expect(client.cookie).not.toBe(firstCookie);

    const thief = new Client(server.url);
    thief.cookie = firstCookie;
    expect((await thief.post('/api/auth/refresh')).status).toBe(401);
    // The replay ended the whole session: the rightful holder must sign in again too.
    expect((await client.post('/api/auth/refresh')).status).toBe(401);
  });

  it('answers an anonymous visit (no refresh cookie) with 204 and no cookie, and a forged cookie with 401', async () => {
    const anonymous = await new Client(server.url).post('/api/auth/refresh');
    expect(anonymous.status).toBe(204);
    expect(anonymous.headers.get('set-cookie')).toBeNull();
    const forged = new Client(server.url);
    forged.cookie = 'manabi_refresh=not-a-token';
    const rejected = await forged.post('/api/auth/refresh');
    expect(rejected.status).toBe(401);
    expect(rejected.headers.get('set-cookie')).toMatch(/manabi_refresh=;/);
  });

  it('signs out: the refresh cookie stops working', async () => {
    const company = await signUpCompany(server.url);
    const cookie = company.client.cookie;
    expect((await company.client.post('/api/auth/signout')).status).toBe(204);
    const again = new Client(server.url);
    again.cookie = cookie;
    expect((await again.post('/api/auth/refresh')).status).toBe(401);
  });

  it('rejects a tampered or missing token with 401', async () => {
    const company = await signUpCompany(server.url);
    const c = new Client(server.url);
    expect((await c.get('/api/me')).status).toBe(401);
    const [h, p, s] = company.client.token!.split('.');
    const forged = JSON.parse(Buffer.from(p!, 'base64url').toString());
    forged.tenantId = 'aaaaaaaaaaaaaaaa';
    c.token = `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`;
    expect((await c.get('/api/me')).status).toBe(401);
  });
});

describe('invitation', () => {
  it('lets an invited user set a password once and sign in', async () => {
    const company = await signUpCompany(server.url, '株式会社招待');
    const email = uniqueEmail('invitee');
    const created = await company.client.post('/api/users', { name: '新人 一郎', email, role: 'learner', sendInvite: true });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('invited');

    const outbox = await new Client(server.url).get('/api/dev/outbox');
    const mail = outbox.body.items.find((m: { to: string }) => m.to === email);
    expect(mail.subject).toBe('株式会社招待 への招待');
    const token = new URL(mail.link).searchParams.get('token')!;

    const invitee = new Client(server.url);
    const info = await invitee.get(`/api/auth/invitation?token=${token}`);
    expect(info.body).toEqual({ email, name: '新人 一郎', tenantName: '株式会社招待' });
    // Before setting a password the invited user cannot sign in.
    invitee.ip = '10.3.0.1';
    expect((await invitee.post('/api/auth/signin', { email, password: 'whatever pass' })).status).toBe(401);

    const set = await invitee.post('/api/auth/set-password', { token, password: 'my new password' });
    expect(set.status).toBe(200);
    expect(set.body.user).toMatchObject({ status: 'active', emailVerified: true, role: 'learner' });
    expect((await invitee.post('/api/auth/set-password', { token, password: 'second time pw' })).status).toBe(400);
    expect((await invitee.post('/api/auth/signin', { email, password: 'my new password' })).status).toBe(200);
  });
});

describe('every response', () => {
  it('carries a request id and the request is logged with its tenant', async () => {
    const company = await signUpCompany(server.url);
    const res = await company.client.get('/api/me');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = server.logs.find((l) => l.requestId === id && l.msg === 'request');
    expect(line).toMatchObject({ tenantId: company.tenantId, status: 200, path: '/api/me' });
    const next = await new Client(server.url).get('/api/health');
    const healthLine = server.logs.find((l) => l.requestId === next.headers.get('x-request-id'));
    expect(healthLine).not.toHaveProperty('tenantId');
    expect((await new Client(server.url).get('/api/nope')).headers.get('x-request-id')).toBeTruthy();
  });

  it('health answers 200 when the API and DynamoDB Local answer', async () => {
    const res = await new Client(server.url).get('/api/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok', dynamodb: 'ok' } });
  });
});
