import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { activePerson, latestMail, NEW_PASSWORD, tokenOf } from '../support/accounts.js';

let server: TestServer;
let company: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer({
    config: { trustProxy: true, resetRateLimit: { perEmail: 3, perIp: 12, windowSeconds: 3600 } },
  });
  company = await signUpCompany(server.url, '株式会社リセット');
});
afterAll(() => server.stop());

/** Each test asks from an IP of its own, so the per-IP limit of one test does not reach another. */
const anonymous = (ip: string) => Object.assign(new Client(server.url), { ip });

describe('password reset: the request', () => {
  it('answers the same for an unknown address as for a real one, in about the same time, and mails only the real one', async () => {
    const person = await activePerson(company.client);
    const client = anonymous('198.51.100.1');
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await client.post('/api/auth/password-reset/request', { email });
      return { res, ms: performance.now() - started };
    };
    const known = await timed(person.email);
    const unknown = await timed(uniqueEmail('nobody'));
    expect(known.res.status).toBe(202);
    expect(unknown.res.status).toBe(202);
    expect(unknown.res.body).toEqual(known.res.body);
    // Both answers wait out the same floor (400 ms), so the work behind a real address does not show.
    expect(known.ms).toBeGreaterThanOrEqual(390);
    expect(unknown.ms).toBeGreaterThanOrEqual(390);
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(300);

    const mail = await latestMail(server.url, person.email, 'password_reset');
    expect(mail?.link).toMatch(new RegExp(`^${server.url}/reset-password\\?token=`));
    expect(mail?.body).toContain('60');
  });

  it('limits requests per address and per IP with 429 and a clear message', async () => {
    const person = await activePerson(company.client);
    const client = anonymous('198.51.100.2');
    for (let i = 0; i < 3; i++) expect((await client.post('/api/auth/password-reset/request', { email: person.email })).status).toBe(202);
    const limited = await client.request(
      'POST',
      '/api/auth/password-reset/request',
      { email: person.email },
      { headers: { 'accept-language': 'en' } },
    );
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(limited.body.error.message).toBe('Too many password reset requests. Please wait a while and try again.');

    const ipClient = anonymous('198.51.100.3');
    for (let i = 0; i < 12; i++)
      expect((await ipClient.post('/api/auth/password-reset/request', { email: uniqueEmail('x') })).status).toBe(202);
    const ipLimited = await ipClient.post('/api/auth/password-reset/request', { email: uniqueEmail('y') });
    expect(ipLimited.status).toBe(429);
    expect(ipLimited.body.error.message).toBe('パスワード再設定の依頼が多すぎます。しばらく待ってからもう一度お試しください。');
  });
});

describe('password reset: the link', () => {
  it('works once, ends every session of the person, and the new password signs in', async () => {
    const person = await activePerson(company.client);
    // Two sessions (two devices) before the reset.
    const devices = [new Client(server.url), new Client(server.url)];
    for (const d of devices)
      expect((await d.post('/api/auth/signin', { email: person.email, password: person.password })).status).toBe(200);

    await anonymous('198.51.100.4').post('/api/auth/password-reset/request', { email: person.email });
    const token = tokenOf((await latestMail(server.url, person.email, 'password_reset'))!.link);
    expect((await new Client(server.url).get(`/api/auth/password-reset?token=${token}`)).body).toEqual({ email: person.email });

    const done = await new Client(server.url).post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD });
    expect(done.status).toBe(200);
    const again = await new Client(server.url).post('/api/auth/password-reset/complete', { token, password: 'yet another password' });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_token');

    for (const d of devices) expect((await d.post('/api/auth/refresh')).status).toBe(401);
    expect((await new Client(server.url).post('/api/auth/signin', { email: person.email, password: person.password })).status).toBe(401);
    const fresh = new Client(server.url);
    expect((await fresh.post('/api/auth/signin', { email: person.email, password: NEW_PASSWORD })).status).toBe(200);
    // A session begun after the reset refreshes as usual.
    expect((await fresh.post('/api/auth/refresh')).status).toBe(200);

    const audit = await company.client.get('/api/audit-log');
    const actions = audit.body.items
      .filter((e: { detail: { userId?: string } }) => e.detail.userId === person.id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['password_reset.requested', 'password_reset.completed']));
  });

  it('dies when a newer link is issued', async () => {
    const person = await activePerson(company.client);
    const client = anonymous('198.51.100.5');
    await client.post('/api/auth/password-reset/request', { email: person.email });
    const first = tokenOf((await latestMail(server.url, person.email, 'password_reset'))!.link);
    await client.post('/api/auth/password-reset/request', { email: person.email });
    const second = tokenOf((await latestMail(server.url, person.email, 'password_reset'))!.link);
    expect(second).not.toBe(first);

    expect((await new Client(server.url).get(`/api/auth/password-reset?token=${first}`)).status).toBe(404);
    const old = await new Client(server.url).post('/api/auth/password-reset/complete', { token: first, password: NEW_PASSWORD });
    expect(old.status).toBe(400);
    expect(old.body.error.code).toBe('invalid_token');
    expect((await new Client(server.url).post('/api/auth/password-reset/complete', { token: second, password: NEW_PASSWORD })).status).toBe(
      200,
    );
  });

  it('sends an invited person a fresh invitation instead, and nothing to a deactivated one', async () => {
    const invitedEmail = uniqueEmail('invited');
    const created = await company.client.post('/api/users', { name: '招待 中', email: invitedEmail, role: 'learner', sendInvite: true });
    const firstInvite = tokenOf((await latestMail(server.url, invitedEmail, 'invitation'))!.link);
    await anonymous('198.51.100.6').post('/api/auth/password-reset/request', { email: invitedEmail });
    const secondInvite = tokenOf((await latestMail(server.url, invitedEmail, 'invitation'))!.link);
    expect(secondInvite).not.toBe(firstInvite);
    expect(await latestMail(server.url, invitedEmail, 'password_reset')).toBeNull();
    // Only the newest invitation works.
    expect((await new Client(server.url).post('/api/auth/set-password', { token: firstInvite, password: NEW_PASSWORD })).status).toBe(400);
    expect((await new Client(server.url).post('/api/auth/set-password', { token: secondInvite, password: NEW_PASSWORD })).status).toBe(200);
    // Accepted: no invitation link works on the now active account.
    expect((await new Client(server.url).get(`/api/auth/invitation?token=${secondInvite}`)).status).toBe(404);
    expect(created.status).toBe(201);

    const gone = await activePerson(company.client);
    expect((await company.client.post(`/api/users/${gone.id}/deactivate`)).status).toBe(200);
    await anonymous('198.51.100.7').post('/api/auth/password-reset/request', { email: gone.email });
    expect(await latestMail(server.url, gone.email, 'password_reset')).toBeNull();
  });
});

describe('password reset and invitations by HR', () => {
  it('HR sends a reset link to an active person (audited), and not to an invited one', async () => {
    const person = await activePerson(company.client);
    const sent = await company.client.post(`/api/users/${person.id}/password-reset`);
    expect(sent.status).toBe(202);
    const token = tokenOf((await latestMail(server.url, person.email, 'password_reset'))!.link);
    expect((await new Client(server.url).post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD })).status).toBe(200);
    const audit = await company.client.get('/api/audit-log');
    expect(
      audit.body.items.some(
        (e: { action: string; detail: { userId?: string } }) => e.action === 'password_reset.sent' && e.detail.userId === person.id,
      ),
    ).toBe(true);

    const invited = await company.client.post('/api/users', {
      name: '未 設定',
      email: uniqueEmail('inv'),
      role: 'learner',
      sendInvite: false,
    });
    const refused = await company.client.post(`/api/users/${invited.body.id}/password-reset`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('not_active');
    // Another company's person is not found.
    const other = await signUpCompany(server.url, '株式会社よそ');
    expect((await other.client.post(`/api/users/${person.id}/password-reset`)).status).toBe(404);
  });

  it('re-invites a department’s invited people, then everyone still invited, once per request key, with counts', async () => {
    const hr = (await signUpCompany(server.url, '株式会社再招待')).client;
    const dept = await hr.post('/api/departments', { name: '営業部' });
    const other = await hr.post('/api/departments', { name: '開発部' });
    const add = (departmentId: string) =>
      hr.post('/api/users', { name: '再 招待', email: uniqueEmail('re'), role: 'learner', departmentId, sendInvite: true });
    const inSales = [await add(dept.body.id), await add(dept.body.id)];
    await add(other.body.id);
    await activePerson(hr, 'learner', { departmentId: dept.body.id });

    const key = randomUUID();
    const first = await hr.post('/api/users/reinvite', { departmentId: dept.body.id, requestKey: key });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ invited: 2, alreadySent: 0, matched: 2 });
    // The retried request sends nothing again.
    expect((await hr.post('/api/users/reinvite', { departmentId: dept.body.id, requestKey: key })).body).toEqual({
      invited: 0,
      alreadySent: 2,
      matched: 2,
    });
    const mails = (await new Client(server.url).get('/api/dev/outbox')).body.items.filter(
      (m: { to: string; kind: string }) => m.kind === 'invitation' && m.to === inSales[0]!.body.email,
    );
    expect(mails).toHaveLength(2);

    const everyone = await hr.post('/api/users/reinvite', { departmentId: null, requestKey: randomUUID() });
    expect(everyone.body).toEqual({ invited: 3, alreadySent: 0, matched: 3 });
    expect((await hr.post('/api/users/reinvite', { departmentId: 'nope', requestKey: randomUUID() })).status).toBe(404);
  });
});
