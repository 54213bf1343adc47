import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '@manabi/core';
import { countUsage, putNewPackage } from '@manabi/data';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, completeSignup, uniqueEmail } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';
import { clientAs, createVendor, platformAdmin, requestWithHost } from '../support/vendors.js';

let server: TestServer;
let clock = Date.parse('2026-11-24T03:00:00Z');
beforeAll(async () => {
  server = await startTestServer({ aggregate: true, now: () => new Date(clock) });
});
afterAll(() => server.stop());

/** Audit entries are ordered by time: let a second pass between audited actions (the clock is fixed). */
const tick = () => (clock += 1000);

const settle = async () => {
  for (let i = 0; i < 10 && (await server.drainStream()) > 0; i++);
};

const plan = (over: Record<string, unknown> = {}) => ({ seatLimit: null, features: { adaptive: true, reportsExport: true }, ...over });

async function catalogPackage(title: string, level: string) {
  const id = randomId();
  const now = new Date(clock).toISOString();
  await putNewPackage(
    server.data.platform,
    { kind: 'catalog' },
    {
      id,
      package: {
        title: { ja: title },
        description: { ja: '…' },
        level,
        modules: [{ id: 'm1', kind: 'lesson', title: { ja: '講義' }, estimatedMinutes: 10, skillTags: ['基礎'], body: { ja: '…' } }],
      },
      clonedFrom: null,
      createdAt: now,
      updatedAt: now,
      rev: 1,
    },
  );
  return id;
}

describe('vendors: support access, usage, catalog and features', () => {
  it('counts monthly active people and attempts per company, vendor and platform — once each', async () => {
    const platform = await platformAdmin(server);
    const a = await createVendor(server, platform, '利用量のA社');
    const b = await createVendor(server, platform, '利用量のB社');
    const host = `learn-${a.id}.usage.example`;
    await a.client.put('/api/vendor/branding', {
      productName: 'A',
      primaryColor: '#123456',
      signInText: null,
      supportEmail: null,
      emailSenderName: null,
      domains: [host],
      selfSignup: true,
    });
    // A company signs up on A's host (a session: its HR admin is active this month).
    const hrEmail = uniqueEmail('usage-hr');
    const signup = await requestWithHost(server, 'POST', '/api/signup', host, {
      companyName: '株式会社利用',
      adminName: '人事',
      email: hrEmail,
      password: 'correct horse battery',
      locale: 'ja',
    });
    expect(signup.status).toBe(202);
    const hr = new Client(server.url);
    const tenantId = (await completeSignup(server.url, hrEmail, hr)).tenant.id;
    const bankId = await seedBank(hr, ['論理'], 3);
    const quiz = (await hr.post('/api/assessments', fixedAssessment(bankId, [{ skill: '論理', count: 2 }]))).body;
    expect((await hr.post(`/api/assessments/${quiz.id}/publish`)).status).toBe(200);
    const learners = [];
    for (const name of ['一郎', '二郎']) {
      const u = await hr.post('/api/users', { name, email: uniqueEmail('usage-l'), role: 'learner', sendInvite: false });
      learners.push(await clientAs(server, u.body.id, tenantId, a.id, 'learner'));
    }
    // 一郎 starts twice, 二郎 once: three attempts by two more people.
    for (const who of [learners[0]!, learners[0]!, learners[1]!]) {
      const started = await who.post(`/api/assessments/${quiz.id}/attempts`);
      expect(started.status).toBe(201);
      expect((await who.post(`/api/attempts/${started.body.id}/finish`)).status).toBe(200);
    }
    await settle();

    const usage = (await a.client.get('/api/vendor/usage?months=3')).body;
    expect(usage.months).toEqual(['2026-09', '2026-10', '2026-11']);
    const row = usage.tenants.find((t: { id: string }) => t.id === tenantId);
    expect(row.byMonth).toEqual([
      { month: '2026-09', activeLearners: 0, attempts: 0 },
      { month: '2026-10', activeLearners: 0, attempts: 0 },
      { month: '2026-11', activeLearners: 3, attempts: 3 },
    ]);
    expect(usage.totals.byMonth[2]).toEqual({ month: '2026-11', activeLearners: 3, attempts: 3 });
    expect(usage.totals.seatsUsed).toBe(3);
    // The same activity delivered again counts nothing.
    const db = server.data.clientFor({ tenantId });
    expect(await countUsage(db, { vendorId: a.id, month: '2026-11', kind: 'active', id: 'someone', now: new Date(clock) })).toBe(true);
    expect(await countUsage(db, { vendorId: a.id, month: '2026-11', kind: 'active', id: 'someone', now: new Date(clock) })).toBe(false);

    // B sees none of it; the platform sees both vendors.
    expect((await b.client.get('/api/vendor/usage')).body.tenants).toEqual([]);
    const all = (await platform.get('/api/platform/usage?months=1')).body;
    expect(all.vendors.find((v: { id: string }) => v.id === a.id)).toMatchObject({
      tenants: 1,
      seatsUsed: 3,
      byMonth: [{ month: '2026-11', activeLearners: 4, attempts: 3 }], // 3 + the one counted by hand above
    });
    expect(all.vendors.find((v: { id: string }) => v.id === b.id).byMonth).toEqual([{ month: '2026-11', activeLearners: 0, attempts: 0 }]);
    expect((await a.client.get('/api/platform/usage')).status).toBe(403);
    expect((await a.client.get('/api/vendor/usage?months=99')).status).toBe(400);
  }, 120_000); // Budget: sign-ups, attempts and stream passes on a loaded 2-core machine

  it('shows a company’s people to its vendor only under a time-limited grant, and logs every look', async () => {
    const platform = await platformAdmin(server);
    const a = await createVendor(server, platform, 'サポートのA社');
    const b = await createVendor(server, platform, 'サポートのB社');
    const created = await a.client.post('/api/vendor/tenants', {
      name: '株式会社サポート',
      adminName: '人事 花子',
      adminEmail: uniqueEmail('support-hr'),
      plan: plan(),
    });
    const tenantId = created.body.tenant.id;
    const hr = await clientAs(server, created.body.adminUserId, tenantId, a.id, 'tenant_admin');
    const learner = (
      await hr.post('/api/users', { name: '受講 三郎', email: uniqueEmail('support-l'), role: 'learner', sendInvite: false })
    ).body;

    const denied = await a.client.get(`/api/vendor/tenants/${tenantId}/users`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('support_access_required');
    expect((await a.client.get(`/api/vendor/tenants/${tenantId}/users/${learner.id}`)).status).toBe(403);
    expect((await a.client.get(`/api/vendor/tenants/${tenantId}`)).body.support).toBeNull();
    expect((await hr.get('/api/support-access')).body).toEqual({ vendorName: 'サポートのA社', grant: null });

    tick();
    const granted = await hr.post('/api/support-access', { hours: 2 });
    expect(granted.status).toBe(201);
    expect(granted.body.grant).toMatchObject({
      expiresAt: new Date(clock + 2 * 3_600_000).toISOString(),
      grantedBy: { name: '人事 花子' },
    });
    expect((await a.client.get(`/api/vendor/tenants/${tenantId}`)).body.support).toMatchObject({ expiresAt: granted.body.grant.expiresAt });
    tick();
    const people = (await a.client.get(`/api/vendor/tenants/${tenantId}/users`)).body.items;
    expect(people.map((p: { name: string }) => p.name).sort()).toEqual(['人事 花子', '受講 三郎'].sort());
    tick();
    expect((await a.client.get(`/api/vendor/tenants/${tenantId}/users/${learner.id}`)).body).toMatchObject({
      user: { id: learner.id, name: '受講 三郎' },
      attempts: [],
    });
    // Another vendor gets nothing, grant or not; an unknown person is 404.
    expect((await b.client.get(`/api/vendor/tenants/${tenantId}/users`)).status).toBe(404);
    expect((await a.client.get(`/api/vendor/tenants/${tenantId}/users/${randomId()}`)).status).toBe(404);

    // The grant ends by itself…
    clock += 2 * 3_600_000 + 1000;
    const later = await a.as();
    expect((await later.get(`/api/vendor/tenants/${tenantId}/users`)).body.error.code).toBe('support_access_required');
    // …or when HR ends it.
    const hrLater = await clientAs(server, created.body.adminUserId, tenantId, a.id, 'tenant_admin');
    expect((await hrLater.get('/api/support-access')).body.grant).toBeNull();
    tick();
    await hrLater.post('/api/support-access', { hours: 1 });
    tick();
    expect((await later.get(`/api/vendor/tenants/${tenantId}/users`)).status).toBe(200);
    tick();
    expect((await hrLater.delete('/api/support-access')).status).toBe(204);
    expect((await later.get(`/api/vendor/tenants/${tenantId}/users`)).status).toBe(403);
    expect((await hrLater.post('/api/support-access', { hours: 0 })).status).toBe(400);

    const log = (await hrLater.get('/api/audit-log')).body.items;
    expect(log.map((e: { action: string }) => e.action)).toEqual([
      'support_access.revoked',
      'support.users_viewed',
      'support_access.granted',
      'support.user_viewed',
      'support.users_viewed',
      'support_access.granted',
    ]);
    expect(log[1].actor).toMatchObject({ kind: 'vendor', name: 'サポートのA社 管理者 (サポートのA社)' });
    expect(log[3].detail).toMatchObject({ userId: learner.id, userName: '受講 三郎' });
    expect((await (await learnerClient(tenantId, learner.id, a.id)).get('/api/audit-log')).status).toBe(403);

    // A company without a vendor has nobody to grant access to.
    const directEmail = uniqueEmail('direct');
    const direct = await new Client(server.url).post('/api/signup', {
      companyName: '直販',
      adminName: '人事',
      email: directEmail,
      password: 'correct horse battery',
      locale: 'ja',
    });
    expect(direct.status).toBe(202);
    const directHr = new Client(server.url);
    await completeSignup(server.url, directEmail, directHr);
    expect((await directHr.post('/api/support-access', { hours: 1 })).body.error.code).toBe('no_vendor');
  });

  it('limits a company to the catalog packages and features of its plan', async () => {
    const platform = await platformAdmin(server);
    const a = await createVendor(server, platform, 'カタログのA社');
    const newHire = await catalogPackage('新入社員研修', 'new_hire');
    const leader = await catalogPackage('リーダー研修', 'leader');
    expect((await a.client.get('/api/vendor/catalog')).body.items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([newHire, leader]),
    );
    const unknown = await a.client.post('/api/vendor/tenants', {
      name: 'x',
      adminName: 'x',
      adminEmail: uniqueEmail('x'),
      plan: plan({ catalogPackageIds: [newHire, 'nope'] }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ path: 'plan.catalogPackageIds.1', message: 'カタログにない研修パッケージです' }]);

    const created = await a.client.post('/api/vendor/tenants', {
      name: '株式会社カタログ',
      adminName: '人事',
      adminEmail: uniqueEmail('catalog-hr'),
      plan: plan({ catalogPackageIds: [newHire], features: { adaptive: false, reportsExport: false } }),
    });
    expect(created.body.tenant.plan.catalogPackageIds).toEqual([newHire]);
    const tenantId = created.body.tenant.id;
    const hr = await clientAs(server, created.body.adminUserId, tenantId, a.id, 'tenant_admin');
    const catalogIds = async () =>
      (await hr.get('/api/packages')).body.items.filter((p: { owner: string }) => p.owner === 'catalog').map((p: { id: string }) => p.id);
    expect(await catalogIds()).toEqual([newHire]);
    expect((await hr.get(`/api/catalog/packages/${leader}`)).status).toBe(404);
    expect((await hr.post(`/api/catalog/packages/${leader}/clone`)).status).toBe(404);
    expect((await hr.post(`/api/catalog/packages/${newHire}/clone`)).status).toBe(201);

    // Features the plan leaves out are announced to the SPA and refused with a reason.
    expect((await hr.get('/api/me')).body.tenant.features).toEqual({ adaptive: false, reportsExport: false });
    const bankId = await seedBank(hr, ['論理'], 3);
    const adaptive = await hr.post('/api/assessments', {
      title: { ja: '適応型' },
      mode: 'adaptive',
      bankIds: [bankId],
      adaptive: { skills: ['論理'], minItems: 2, maxItems: 3, seTarget: 0.3 },
      passMark: 3,
      reviewPolicy: 'never',
    });
    expect(adaptive.status).toBe(403);
    expect(adaptive.body.error.code).toBe('feature_not_in_plan');
    const quiz = (await hr.post('/api/assessments', fixedAssessment(bankId, [{ skill: '論理', count: 2 }]))).body;
    expect((await hr.get(`/api/reports/assessments/${quiz.id}/results.csv`)).body.error.code).toBe('feature_not_in_plan');

    // The vendor opens the whole catalog and both features.
    await a.client.patch(`/api/vendor/tenants/${tenantId}`, { plan: plan({ catalogPackageIds: null }) });
    expect((await catalogIds()).sort()).toEqual([newHire, leader].sort());
    expect((await hr.get(`/api/reports/assessments/${quiz.id}/results.csv`)).status).toBe(200);
    expect(
      (
        await hr.post('/api/assessments', {
          title: { ja: '適応型' },
          mode: 'adaptive',
          bankIds: [bankId],
          adaptive: { skills: ['論理'], minItems: 2, maxItems: 3, seTarget: 0.3 },
          passMark: 3,
          reviewPolicy: 'never',
        })
      ).status,
    ).toBe(201);
    // The change is in the company's audit log.
    expect((await hr.get('/api/audit-log')).body.items[0]).toMatchObject({ action: 'vendor.plan_changed', actor: { kind: 'vendor' } });
  });
});

const learnerClient = (tenantId: string, userId: string, vendorId: string) => clientAs(server, userId, tenantId, vendorId, 'learner');
