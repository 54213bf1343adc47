import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@manabi/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { activePerson, enrolDuringSignIn, latestMail, tokenOf, totpCode } from '../support/accounts.js';
import { platformAdmin } from '../support/vendors.js';

let server: TestServer;
let company: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  company = await signUpCompany(server.url, '株式会社二段階');
});
afterAll(() => server.stop());

/** A signed-in person who turned TOTP on from their own settings: their seed and recovery codes. */
async function enrolledPerson() {
  const person = await activePerson(company.client);
  const client = new Client(server.url);
  client.token = (await client.post('/api/auth/signin', { email: person.email, password: person.password })).body.accessToken;
  const setup = await client.post('/api/me/mfa/totp/start');
  expect(setup.status).toBe(200);
  expect(setup.body.otpauthUrl).toContain(`secret=${setup.body.secret}`);
  expect(setup.body.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  const confirmed = await client.post('/api/me/mfa/totp/confirm', { code: await totpCode(setup.body.secret) });
  expect(confirmed.status).toBe(200);
  return { ...person, client, secret: setup.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

const passwordStep = async (email: string, password: string) => {
  const res = await new Client(server.url).post('/api/auth/signin', { email, password });
  expect(res.status).toBe(200);
  return res.body as { mfa?: 'verify' | 'enrol'; challengeToken: string; accessToken?: string };
};

describe('MFA with TOTP', () => {
  it('enrols, then signs in in two steps; a wrong code and a replayed code are refused', async () => {
    const p = await enrolledPerson();
    expect(p.recoveryCodes).toHaveLength(10);
    expect((await p.client.get('/api/me/mfa')).body).toMatchObject({ enabled: true, required: false, recoveryCodesLeft: 10 });

    const first = await passwordStep(p.email, p.password);
    expect(first).toMatchObject({ mfa: 'verify' });
    expect(first.accessToken).toBeUndefined();
    const c = new Client(server.url);
    const code = await totpCode(p.secret, 'next');
    const wrong = await c.post('/api/auth/mfa/verify', {
      challengeToken: first.challengeToken,
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_mfa_code');
    const right = await c.post('/api/auth/mfa/verify', { challengeToken: first.challengeToken, code });
    expect(right.status).toBe(200);
    expect(right.body.user.email).toBe(p.email);
    // One challenge, one session.
    expect((await c.post('/api/auth/mfa/verify', { challengeToken: first.challengeToken, code })).status).toBe(401);

    // The same code again, within its window, on a new sign-in: a replay.
    const second = await passwordStep(p.email, p.password);
    const replay = await new Client(server.url).post('/api/auth/mfa/verify', { challengeToken: second.challengeToken, code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('invalid_mfa_code');
  });

  it('takes each recovery code once', async () => {
    const p = await enrolledPerson();
    const [recovery] = p.recoveryCodes;
    const a = await passwordStep(p.email, p.password);
    expect(
      (await new Client(server.url).post('/api/auth/mfa/verify', { challengeToken: a.challengeToken, code: recovery!.toUpperCase() }))
        .status,
    ).toBe(200);
    const b = await passwordStep(p.email, p.password);
    const reused = await new Client(server.url).post('/api/auth/mfa/verify', { challengeToken: b.challengeToken, code: recovery });
    expect(reused.status).toBe(401);
    expect((await p.client.get('/api/me/mfa')).body.recoveryCodesLeft).toBe(9);
  });

  it('ends a challenge after five wrong codes, even for a right one after them', async () => {
    const p = await enrolledPerson();
    const { challengeToken } = await passwordStep(p.email, p.password);
    const c = new Client(server.url);
    for (let i = 0; i < 5; i++) expect((await c.post('/api/auth/mfa/verify', { challengeToken, code: 'zzzzz-zzzzz' })).status).toBe(401);
    const limited = await c.post('/api/auth/mfa/verify', { challengeToken, code: p.recoveryCodes[0] });
    expect(limited.status).toBe(429);
    expect((await c.post('/api/auth/mfa/verify', { challengeToken, code: p.recoveryCodes[0] })).body.error.code).toBe(
      'mfa_challenge_expired',
    );
  });

  it('keeps the seed encrypted at rest and writes every MFA event to the audit log', async () => {
    const p = await enrolledPerson();
    const raw = await server.data.platform.doc.send(
      new GetCommand({ TableName: server.data.platform.table, Key: keys.userSecurity(company.tenantId, p.id) }),
    );
    expect(JSON.stringify(raw.Item)).not.toContain(p.secret);
    expect(String(raw.Item?.totpSecret)).toMatch(/^v1\./);
    expect(JSON.stringify(raw.Item)).not.toContain(p.recoveryCodes[0]!.replace('-', ''));

    const { challengeToken } = await passwordStep(p.email, p.password);
    await new Client(server.url).post('/api/auth/mfa/verify', { challengeToken, code: 'zzzzz-zzzzz' });
    await new Client(server.url).post('/api/auth/mfa/verify', { challengeToken, code: p.recoveryCodes[1] });
    expect((await p.client.post('/api/me/mfa/disable', { code: p.recoveryCodes[2] })).status).toBe(200);
    expect((await p.client.get('/api/me/mfa')).body.enabled).toBe(false);
    // Off: the password alone signs in again.
    expect((await passwordStep(p.email, p.password)).accessToken).toBeTruthy();

    const audit = await company.client.get('/api/audit-log');
    const actions = audit.body.items
      .filter((e: { detail: { userId?: string } }) => e.detail.userId === p.id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['mfa.enrolled', 'mfa.failed', 'mfa.recovery_code_used', 'mfa.disabled']));
  });
});

describe('MFA policy', () => {
  it('a company requiring MFA makes its managers enrol at sign-in, and they cannot turn it off', async () => {
    const hr = await signUpCompany(server.url, '株式会社必須');
    const manager = await activePerson(hr.client, 'manager');
    expect((await hr.client.put('/api/security-settings', { requireMfaForAdmins: true })).status).toBe(200);
    expect((await hr.client.get('/api/security-settings')).body).toEqual({ requireMfaForAdmins: true });

    const step = await passwordStep(manager.email, manager.password);
    expect(step.mfa).toBe('enrol');
    // No session without the second factor: the challenge is not an access token.
    const c = new Client(server.url);
    c.token = step.challengeToken;
    expect((await c.get('/api/me')).status).toBe(401);
    const { session, secret } = await enrolDuringSignIn(c, step.challengeToken);
    expect(session.user.role).toBe('manager');
    expect(session.recoveryCodes).toHaveLength(10);
    expect((await c.get('/api/me/mfa')).body).toMatchObject({ enabled: true, required: true });
    const off = await c.post('/api/me/mfa/disable', { code: await totpCode(secret, 'next') });
    expect(off.status).toBe(409);
    expect(off.body.error.code).toBe('mfa_required');
    // Learners are not asked.
    const learner = await activePerson(hr.client, 'learner');
    expect((await passwordStep(learner.email, learner.password)).accessToken).toBeTruthy();
    const audit = await hr.client.get('/api/audit-log');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['security_settings.updated', 'mfa.enrolled']),
    );
  });

  it('a new vendor admin accepting the invitation enrols before any session', async () => {
    const platform = await platformAdmin(server);
    const adminEmail = uniqueEmail('vendor');
    expect((await platform.post('/api/platform/vendors', { name: 'MFA Partner', adminName: '販売 管理者', adminEmail })).status).toBe(201);
    const invitation = await latestMail(server.url, adminEmail, 'invitation');
    const c = new Client(server.url);
    const set = await c.post('/api/auth/set-password', { token: tokenOf(invitation!.link), password: 'vendor password 123' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ mfa: 'enrol' });
    expect(set.body.accessToken).toBeUndefined();
    const { session } = await enrolDuringSignIn(c, set.body.challengeToken);
    expect(session.user.role).toBe('vendor_admin');
  });
});
