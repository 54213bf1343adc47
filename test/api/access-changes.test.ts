import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUser, setTenantStatus, updateUser } from '@manabi/data';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { activePerson, latestMail, tokenOf } from '../support/accounts.js';
import { fixedAssessment, seedBank } from '../support/content.js';
import { createVendor, platformAdmin } from '../support/vendors.js';
import { ACCESS_RECHECK_MS } from '../../functions/api/src/auth/access-gate.js';

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社即時反映');
});
afterAll(() => server.stop());

/** A person HR added, signed in with their password (an access token and the refresh cookie). */
async function signedIn(role: 'learner' | 'manager' | 'tenant_admin' = 'learner') {
  const person = await activePerson(hr.client, role);
  const client = new Client(server.url);
  const res = await client.post('/api/auth/signin', { email: person.email, password: person.password });
  expect(res.status).toBe(200);
  client.token = res.body.accessToken;
  return { ...person, client };
}

describe('changes to a person take effect at their next request', () => {
  it('refuses a deactivated person’s existing token at once, and their refresh', async () => {
    const learner = await signedIn();
    expect((await learner.client.get('/api/me')).status).toBe(200);
    expect((await hr.client.post(`/api/users/${learner.id}/deactivate`)).status).toBe(200);

    const refused = await learner.client.get('/api/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('account_deactivated');
    expect(refused.body.error.message).toBe('このアカウントは無効化されています。人事担当者にお問い合わせください');
    expect((await learner.client.request('GET', '/api/me', undefined, { headers: { 'accept-language': 'en' } })).body.error.message).toBe(
      'This account has been deactivated; contact your HR team',
    );
    expect((await learner.client.post('/api/auth/refresh')).status).toBe(401);
  });

  it('re-evaluates a demoted person: the old token is refused, a refreshed one carries the new role', async () => {
    const admin = await signedIn('tenant_admin');
    expect((await admin.client.get('/api/users')).status).toBe(200);
    expect((await hr.client.patch(`/api/users/${admin.id}`, { role: 'learner' })).status).toBe(200);

    const old = await admin.client.get('/api/users');
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('access_changed');
    const refreshed = await admin.client.post('/api/auth/refresh');
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.role).toBe('learner');
    admin.client.token = refreshed.body.accessToken;
    expect((await admin.client.get('/api/users')).status).toBe(403);
    expect((await admin.client.get('/api/me')).status).toBe(200);
  });

  it('applies a change made by another process within the recheck window', async () => {
    const learner = await signedIn();
    expect((await learner.client.get('/api/me')).status).toBe(200);
    // Written straight to the table, as another Lambda instance would: this process is not told.
    const db = server.data.clientFor({ tenantId: hr.tenantId });
    const record = (await getUser(db, learner.id))!;
    await updateUser(db, record, { status: 'deactivated' }, new Date().toISOString());
    const changedAt = performance.now();
    let status = 200;
    // Each request is a real round trip; the loop ends on the first refusal (or the budget).
    while (status === 200 && performance.now() - changedAt < ACCESS_RECHECK_MS + 20_000)
      status = (await learner.client.get('/api/me')).status;
    expect(status).toBe(401);
    expect(performance.now() - changedAt).toBeLessThan(ACCESS_RECHECK_MS + 20_000);
  });

  it('refuses sign-in and refresh of a suspended vendor’s people with a clear answer', async () => {
    const platform = await platformAdmin(server);
    const vendor = await createVendor(server, platform, '停止テスト販売店');
    const email = uniqueEmail('suspended-hr');
    const created = await vendor.client.post('/api/vendor/tenants', {
      name: '株式会社停止先',
      adminName: '人事 停止',
      adminEmail: email,
      plan: { seatLimit: 5, features: { adaptive: true, reportsExport: true } },
    });
    expect(created.status).toBe(201);
    // The company's HR admin sets a password through the invitation and signs in.
    const invitation = await latestMail(server.url, email, 'invitation');
    const password = 'company hr password 1';
    const clientHr = new Client(server.url);
    expect((await clientHr.post('/api/auth/set-password', { token: tokenOf(invitation!.link), password })).status).toBe(200);
    expect((await clientHr.post('/api/auth/signin', { email, password })).status).toBe(200);

    expect((await platform.post(`/api/platform/vendors/${vendor.id}/suspend`)).status).toBe(200);
    for (const locale of ['ja', 'en'] as const) {
      const again = await new Client(server.url).request(
        'POST',
        '/api/auth/signin',
        { email, password },
        { headers: { 'accept-language': locale } },
      );
      expect(again.status).toBe(403);
      expect(again.body.error.code).toBe('account_suspended');
      expect(again.body.error.message).toBe(
        locale === 'ja'
          ? 'この企業の利用は停止されています。ご契約の販売パートナーにお問い合わせください'
          : 'Access for this company is suspended; contact your provider',
      );
    }
    const refresh = await clientHr.post('/api/auth/refresh');
    expect(refresh.status).toBe(403);
    expect(refresh.body.error.code).toBe('account_suspended');
    // A wrong password still says only that the credentials are wrong.
    expect((await new Client(server.url).post('/api/auth/signin', { email, password: 'not the password' })).body.error.code).toBe(
      'invalid_credentials',
    );
    // Lifted: the same session refreshes again.
    await platform.post(`/api/platform/vendors/${vendor.id}/reactivate`);
    expect((await clientHr.post('/api/auth/refresh')).status).toBe(200);
  });
});

describe('the answer path', () => {
  // Servers of their own whose access memory never helps (0 ms) or always would (10 min): an answer
  // reads its attempt with the access check either way, so neither the count nor the freshness
  // depends on the window.
  let quick: TestServer;
  let slow: TestServer;
  beforeAll(async () => {
    [quick, slow] = await Promise.all([
      startTestServer({ config: { accessRecheckMs: 0 } }),
      startTestServer({ config: { accessRecheckMs: 600_000 } }),
    ]);
  });
  afterAll(() => Promise.all([quick.stop(), slow.stop()]));

  /** A company with a published 4-item fixed test on `on`, and a signed-in learner of it. */
  async function testAndLearner(on: TestServer, name: string) {
    const company = await signUpCompany(on.url, name);
    const bankId = await seedBank(company.client, ['論理的思考'], 4);
    const created = await company.client.post('/api/assessments', fixedAssessment(bankId, [{ skill: '論理的思考', count: 4 }]));
    expect((await company.client.post(`/api/assessments/${created.body.id}/publish`)).status).toBe(200);
    const person = await activePerson(company.client);
    const learner = new Client(on.url);
    learner.token = (await learner.post('/api/auth/signin', { email: person.email, password: person.password })).body.accessToken;
    return { company, person, learner, assessmentId: created.body.id as string };
  }

  /** DynamoDB calls of one request, from its own log line (the data layer counts per request). */
  const callsOf = (on: TestServer, requestId: string | null) => {
    const line = on.logs.find((l) => l.msg === 'request' && l.requestId === requestId);
    expect(line).toBeDefined();
    return line!.ddbCalls as number;
  };

  it('is 2 DynamoDB calls per answer, however long since the last request', async () => {
    const { company, learner, assessmentId } = await testAndLearner(quick, '株式会社回答経路');
    const take = async (client: Client, count: (calls: number, last: boolean) => void) => {
      let view = (await client.post(`/api/assessments/${assessmentId}/attempts`)).body;
      while (view.current) {
        const res = await client.post(`/api/attempts/${view.id}/answers`, {
          questionId: view.current.questionId,
          response: { optionId: 'a' },
        });
        expect(res.status).toBe(200);
        count(callsOf(quick, res.headers.get('x-request-id')), !res.body.attempt.current);
        view = res.body.attempt;
      }
    };
    // The first taker warms the process (immutable question versions are cached, as in bench:answer).
    await take(company.client, () => undefined);
    const calls: number[] = [];
    // The last answer also closes the attempt (a transaction): count the answers before it.
    await take(learner, (n, last) => !last && calls.push(n));
    expect(calls).toEqual([2, 2, 2]);
    // Any other request with a window of 0 reads the access state first: the plain path's count.
    expect(callsOf(quick, (await learner.get('/api/me')).headers.get('x-request-id'))).toBeGreaterThan(1);
  });

  it('applies a suspension or a deactivation made by another process at the very next answer', async () => {
    const { company, person, learner, assessmentId } = await testAndLearner(slow, '株式会社即時停止');
    let view = (await learner.post(`/api/assessments/${assessmentId}/attempts`)).body;
    const answer = () =>
      learner.post(`/api/attempts/${view.id}/answers`, { questionId: view.current.questionId, response: { optionId: 'a' } });
    const first = await answer();
    expect(first.status).toBe(200);
    view = first.body.attempt;
    // Written straight to the table, as another Lambda instance would: this process is not told,
    // and its access memory (10 minutes here) still holds "active".
    const platformDb = slow.data.platform;
    await setTenantStatus(platformDb, company.tenantId, 'suspended');
    const refused = await answer();
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('account_suspended');
    // The refused answer was not recorded; lifted, the same item is answered once.
    await setTenantStatus(platformDb, company.tenantId, 'active');
    const again = await answer();
    expect(again.status).toBe(200);
    expect(again.body.attempt.progress.answered).toBe(2);

    view = again.body.attempt;
    const db = slow.data.clientFor({ tenantId: company.tenantId });
    await updateUser(db, (await getUser(db, person.id))!, { status: 'deactivated' }, new Date().toISOString());
    const deactivated = await answer();
    expect(deactivated.status).toBe(401);
    expect(deactivated.body.error.code).toBe('account_deactivated');
  });

  it('answers 404 for an attempt id of another company or a malformed one, after the access check', async () => {
    const a = await testAndLearner(quick, '株式会社他社回答A');
    const b = await testAndLearner(quick, '株式会社他社回答B');
    const view = (await a.learner.post(`/api/assessments/${a.assessmentId}/attempts`)).body;
    const body = { questionId: view.current.questionId, response: { optionId: 'a' } };
    expect((await b.learner.post(`/api/attempts/${view.id}/answers`, body)).status).toBe(404);
    expect((await b.learner.post('/api/attempts/NOT-AN-ID/answers', body)).status).toBe(404);
    // Another person's attempt in the same company is not theirs either.
    expect((await a.company.client.post(`/api/attempts/${view.id}/answers`, body)).status).toBe(404);
    expect((await a.learner.post(`/api/attempts/${view.id}/answers`, body)).status).toBe(200);
  });
});
