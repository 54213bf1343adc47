import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { uniqueEmail } from '../support/client.js';
import { fixedAssessment, seedBank, singleChoice } from '../support/content.js';
import { clientAs, createVendor, platformAdmin } from '../support/vendors.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const plan = (over: Record<string, unknown> = {}) => ({ seatLimit: null, features: { adaptive: true, reportsExport: true }, ...over });

const vendorPackage = (bankRef: string, over: Record<string, unknown> = {}) => ({
  title: { ja: 'A社 営業基礎パック' },
  description: { ja: 'A社オリジナル' },
  level: 'junior',
  modules: [
    { id: 'intro', kind: 'lesson', title: { ja: '営業の基本' }, estimatedMinutes: 10, skillTags: ['営業'], body: { ja: '…' } },
    {
      id: 'quiz',
      kind: 'quiz',
      title: { ja: '営業確認テスト' },
      estimatedMinutes: 10,
      skillTags: ['営業'],
      template: { bankIds: [bankRef], draws: [{ skill: '営業', count: 2 }], passMark: 60, timeLimitMinutes: null },
    },
  ],
  ...over,
});

describe('vendor-authored banks and packages', () => {
  it('a vendor writes banks and packages its companies read, copy and take — and nobody else sees', async () => {
    const platform = await platformAdmin(server);
    const a = await createVendor(server, platform, 'コンテンツのA社');
    const b = await createVendor(server, platform, 'コンテンツのB社');

    // The vendor admin authors a bank with the same endpoints HR uses; it is the vendor's.
    const bankId = await seedBank(a.client, ['営業'], 3);
    const banks = (await a.client.get('/api/banks')).body.items;
    expect(banks.find((x: { id: string }) => x.id === bankId)).toMatchObject({ owner: 'vendor', editable: true, ref: `vendor:${bankId}` });

    // Its package: quizzes are templates on its banks (a company's assessment or an unknown bank is refused).
    const bad = await a.client.post(
      '/api/packages',
      vendorPackage('nope', { modules: [{ ...vendorPackage(bankId).modules[1], assessmentId: 'x'.repeat(16) }] }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['modules.0.assessmentId']);
    expect((await a.client.post('/api/packages', vendorPackage('unknownbank00000'))).body.error.details).toEqual([
      { path: 'modules.1.template.bankIds.0', message: '自社またはカタログの問題バンクではありません' },
    ]);
    // A draw its banks cannot meet is refused when the vendor saves, naming the rule.
    const short = vendorPackage(bankId);
    short.modules[1]!.template!.draws = [{ skill: '営業', count: 4 }];
    const shortfall = await a.client.post('/api/packages', short);
    expect(shortfall.status).toBe(400);
    expect(shortfall.body.error).toMatchObject({ code: 'draw_shortfall', details: [{ path: 'modules.1.template.fixed.draws.0' }] });
    const pkg = await a.client.post('/api/packages', vendorPackage(bankId));
    expect(pkg.status).toBe(201);
    expect(pkg.body).toMatchObject({ owner: 'vendor' });
    expect(pkg.body.package.modules[1].template.bankIds).toEqual([`vendor:${bankId}`]);
    expect((await a.client.get('/api/vendor/catalog')).body.items).toContainEqual(
      expect.objectContaining({ id: pkg.body.id, source: 'vendor' }),
    );

    // A client company of A reads them, cannot change them, and copies the package into its own.
    const created = await a.client.post('/api/vendor/tenants', {
      name: '株式会社読み手',
      adminName: '人事',
      adminEmail: uniqueEmail('content-hr'),
      plan: plan(),
    });
    const tenantId = created.body.tenant.id;
    const hr = await clientAs(server, created.body.adminUserId, tenantId, a.id, 'tenant_admin');
    expect((await hr.get('/api/banks')).body.items.find((x: { id: string }) => x.id === bankId)).toMatchObject({
      owner: 'vendor',
      editable: false,
      ref: `vendor:${bankId}`,
    });
    expect((await hr.get(`/api/catalog/banks/${bankId}/questions`)).body.items).toHaveLength(3);
    expect((await hr.get(`/api/banks/${bankId}/questions`)).status).toBe(404);
    expect((await hr.post(`/api/banks/${bankId}/questions`, singleChoice('営業', 9))).status).toBe(404);
    const listed = (await hr.get('/api/packages')).body.items.find((p: { id: string }) => p.id === pkg.body.id);
    expect(listed).toMatchObject({ owner: 'vendor' });
    expect((await hr.request('PUT', `/api/packages/${pkg.body.id}`, { package: vendorPackage(bankId), expectedRev: 1 })).status).toBe(404);
    const copy = await hr.post(`/api/catalog/packages/${pkg.body.id}/clone`);
    expect(copy.status).toBe(201);
    const assessmentId = copy.body.package.modules[1].assessmentId;
    expect(assessmentId).toEqual(expect.any(String));

    // Its people take the quiz: the questions come from the vendor's bank.
    const started = await hr.post(`/api/assessments/${assessmentId}/attempts`);
    expect(started.status).toBe(201);
    expect(started.body.current.stem.ja).toMatch(/^営業の問題/);
    // HR can also draw from the vendor's bank in an assessment of its own.
    const own = await hr.post('/api/assessments', fixedAssessment(`vendor:${bankId}`, [{ skill: '営業', count: 3 }]));
    expect((await hr.post(`/api/assessments/${own.body.id}/publish`)).status).toBe(200);

    // The vendor's plan can leave its own package out of a company's catalog.
    await a.client.patch(`/api/vendor/tenants/${tenantId}`, { plan: plan({ catalogPackageIds: [] }) });
    expect((await hr.get('/api/packages')).body.items.some((p: { id: string }) => p.id === pkg.body.id)).toBe(false);
    expect((await hr.get(`/api/catalog/packages/${pkg.body.id}`)).status).toBe(404);

    // Vendor B and B's companies see none of A's content.
    const bCompany = await b.client.post('/api/vendor/tenants', {
      name: 'B顧客',
      adminName: '人事',
      adminEmail: uniqueEmail('b-hr'),
      plan: plan(),
    });
    const bHr = await clientAs(server, bCompany.body.adminUserId, bCompany.body.tenant.id, b.id, 'tenant_admin');
    for (const who of [b.client, bHr]) {
      expect((await who.get('/api/banks')).body.items.some((x: { id: string }) => x.id === bankId)).toBe(false);
      expect((await who.get(`/api/catalog/banks/${bankId}/questions`)).status).toBe(404);
      expect((await who.get(`/api/catalog/packages/${pkg.body.id}`)).status).toBe(404);
    }
    expect((await bHr.post(`/api/catalog/packages/${pkg.body.id}/clone`)).status).toBe(404);
    const stolen = await bHr.post('/api/assessments', fixedAssessment(`vendor:${bankId}`, [{ skill: '営業', count: 1 }]));
    // Naming another vendor's bank draws nothing from it: "vendor:" means the company's own vendor.
    expect(stolen.status).toBe(201);
    expect((await bHr.post(`/api/assessments/${stolen.body.id}/publish`)).status).toBe(400);
    // Vendor admins still cannot reach company-only features.
    expect((await a.client.get('/api/assessments')).status).toBe(403);
    expect((await a.client.post(`/api/catalog/packages/${pkg.body.id}/clone`)).status).toBe(403);
  });
});
