import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOutbox } from '@manabi/data';
import { runReminders } from '@manabi/api/jobs';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, completeSignup, uniqueEmail } from '../support/client.js';
import { clientAs, createVendor, ICO, platformAdmin, PNG_1x1, requestWithHost } from '../support/vendors.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const brand = (host: string, over: Record<string, unknown> = {}) => ({
  productName: 'Aラーニング',
  primaryColor: '#aa3300',
  accentColor: '#0055aa',
  signInText: { ja: 'A社の研修へようこそ' },
  supportEmail: 'support@a-training.example',
  emailSenderName: 'A社研修事務局',
  domains: [host],
  selfSignup: true,
  allowTenantBranding: true,
  ...over,
});

const outboxTo = async (email: string) => (await listOutbox(server.data.platform, 200)).find((m) => m.to === email);

describe('white-label at runtime', () => {
  it('serves a vendor’s uploaded logo and favicon, checked and cached by content', async () => {
    const platform = await platformAdmin(server);
    const a = await createVendor(server, platform, '画像のA社');
    const b = await createVendor(server, platform, '画像のB社');
    const host = `learn-${a.id}.images.example`;
    expect((await a.client.put('/api/vendor/branding', brand(host))).status).toBe(200);

    const logo = await a.client.putFile('/api/vendor/branding/logo', PNG_1x1, 'image/png');
    expect(logo.status).toBe(200);
    expect(logo.body.logoUrl).toMatch(new RegExp(`^/api/assets/brand/v/${a.id}/logo-[0-9a-f]+\\.png$`));
    const favicon = await a.client.putFile('/api/vendor/branding/favicon', ICO, 'image/x-icon');
    expect(favicon.body.faviconUrl).toMatch(/\.ico$/);

    // Anyone (the sign-in page) can fetch it; it never changes under its name.
    const image = await fetch(`${server.url}${logo.body.logoUrl}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toContain('immutable');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG_1x1);
    expect((await requestWithHost(server, 'GET', '/api/branding', host)).body).toMatchObject({
      productName: 'Aラーニング',
      accentColor: '#0055aa',
      logoUrl: logo.body.logoUrl,
      faviconUrl: favicon.body.faviconUrl,
      selfSignup: true,
    });

    // Bad files are refused with a reason, and nothing changes.
    expect((await a.client.put('/api/vendor/branding', brand(host, { accentColor: 'blue' }))).body.error.details).toEqual([
      { path: 'accentColor', message: '色は #rrggbb の形で入力してください' },
    ]);
    const notPng = await a.client.putFile('/api/vendor/branding/logo', new TextEncoder().encode('hello'), 'image/png');
    expect(notPng.status).toBe(400);
    expect(notPng.body.error).toMatchObject({ code: 'invalid_image', details: [{ path: 'logo' }] });
    const script = await a.client.putFile('/api/vendor/branding/logo', new TextEncoder().encode('<svg onload="x()"/>'), 'image/svg+xml');
    expect(script.body.error.code).toBe('invalid_image');
    const big = new Uint8Array(300 * 1024);
    big.set(PNG_1x1);
    const tooBig = await a.client.putFile('/api/vendor/branding/logo', big, 'image/png');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error.code).toBe('image_too_large');
    expect((await a.client.putFile('/api/vendor/branding/favicon', PNG_1x1, 'image/jpeg')).body.error.code).toBe('invalid_image');
    expect((await a.client.get('/api/vendor/branding')).body.logoUrl).toBe(logo.body.logoUrl);

    // Only the vendor's own admins change its images; other paths under /api/assets are not served.
    expect((await b.client.get('/api/vendor/branding')).body.logoUrl).toBeNull();
    expect((await fetch(`${server.url}/api/assets/brand/v/${a.id}/secret.txt`)).status).toBe(404);

    // Removing the logo removes the file too.
    expect((await a.client.delete('/api/vendor/branding/logo')).body.logoUrl).toBeNull();
    expect((await fetch(`${server.url}${logo.body.logoUrl}`)).status).toBe(404);
  });

  it('signs a company up under the vendor whose host it came from, only if the vendor allows it', async () => {
    const platform = await platformAdmin(server);
    const a = await createVendor(server, platform, '自己登録のA社');
    const b = await createVendor(server, platform, '招待制のB社');
    const hostA = `learn-${a.id}.signup.example`;
    const hostB = `learn-${b.id}.signup.example`;
    // A sets the plan self-signed-up companies start with (a trial: five seats, no adaptive testing).
    const trial = { seatLimit: 5, features: { adaptive: false, reportsExport: true }, catalogPackageIds: null };
    const unknownPackage = await a.client.put(
      '/api/vendor/branding',
      brand(hostA, { selfSignupPlan: { ...trial, catalogPackageIds: ['nope'] } }),
    );
    expect(unknownPackage.body.error.details).toEqual([
      { path: 'selfSignupPlan.catalogPackageIds.0', message: 'カタログにない研修パッケージです' },
    ]);
    expect((await a.client.put('/api/vendor/branding', brand(hostA, { selfSignupPlan: trial }))).body.selfSignupPlan).toEqual(trial);
    // Saving the brand without it keeps it.
    expect((await a.client.put('/api/vendor/branding', brand(hostA))).body.selfSignupPlan).toEqual(trial);
    await b.client.put('/api/vendor/branding', brand(hostB, { productName: 'Bラーニング', selfSignup: false }));
    const signup = (email: string) => ({
      companyName: '株式会社自己登録',
      adminName: '人事 一郎',
      email,
      password: 'correct horse battery',
      locale: 'ja',
    });

    const email = uniqueEmail('self');
    const created = await requestWithHost(server, 'POST', '/api/signup', hostA, signup(email));
    expect(created.status).toBe(202);
    const tenantId = (await completeSignup(server.url, email)).tenant.id;
    expect((await a.client.get('/api/vendor/tenants')).body.items.map((t: { id: string }) => t.id)).toContain(tenantId);
    expect((await b.client.get(`/api/vendor/tenants/${tenantId}`)).status).toBe(404);
    expect((await a.client.get(`/api/vendor/tenants/${tenantId}`)).body).toMatchObject({ plan: trial, seatsUsed: 1 });

    // Its email comes from the vendor, with a link on the vendor's host.
    const mail = await outboxTo(email);
    expect(mail).toMatchObject({
      fromName: 'A社研修事務局',
      link: expect.stringMatching(new RegExp(`^http://${hostA}:\\d+/verify-email`)),
    });
    // The same address again on A's host: the same answer, and its owner is told under A's brand.
    const again = await requestWithHost(server, 'POST', '/api/signup', hostA, signup(email.toUpperCase()));
    expect(again).toEqual(created);
    const told = (await listOutbox(server.data.platform, 200)).find((m) => m.to === email && m.kind === 'signup_existing');
    expect(told).toMatchObject({
      fromName: 'A社研修事務局',
      subject: expect.stringContaining('新規登録のお知らせ'),
      link: expect.stringMatching(new RegExp(`^http://${hostA}:\\d+/signin$`)),
    });

    const refused = await requestWithHost(server, 'POST', '/api/signup', hostB, signup(uniqueEmail('refused')));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('signup_disabled');
    expect((await requestWithHost(server, 'GET', '/api/branding', hostB)).body.selfSignup).toBe(false);
    // A suspended vendor's host takes no sign-ups either.
    await platform.post(`/api/platform/vendors/${a.id}/suspend`);
    expect((await requestWithHost(server, 'POST', '/api/signup', hostA, signup(uniqueEmail('late')))).body.error.code).toBe(
      'signup_disabled',
    );
    // Its host keeps its brand (never the platform's), without sign-up.
    expect((await requestWithHost(server, 'GET', '/api/branding', hostA)).body).toMatchObject({
      productName: 'Aラーニング',
      selfSignup: false,
    });
  });

  it('lets a company put its own name, colour and logo over the vendor’s brand where the vendor allows', async () => {
    const platform = await platformAdmin(server);
    const a = await createVendor(server, platform, '上書きのA社');
    const host = `learn-${a.id}.override.example`;
    await a.client.put('/api/vendor/branding', brand(host));
    const vendorLogo = (await a.client.putFile('/api/vendor/branding/logo', PNG_1x1, 'image/png')).body.logoUrl;
    const hrEmail = uniqueEmail('override-hr');
    const created = await a.client.post('/api/vendor/tenants', {
      name: '株式会社上書き',
      adminName: '人事 花子',
      adminEmail: hrEmail,
      plan: { seatLimit: null, features: { adaptive: true, reportsExport: true } },
    });
    const tenantId = created.body.tenant.id;
    const hr = await clientAs(server, created.body.adminUserId, tenantId, a.id, 'tenant_admin');

    // The HR admin's invitation comes from the vendor and opens on the vendor's host.
    expect(await outboxTo(hrEmail)).toMatchObject({
      fromName: 'A社研修事務局',
      link: expect.stringMatching(new RegExp(`^http://${host}:\\d+/set-password`)),
    });

    expect((await hr.get('/api/branding/mine')).body).toMatchObject({ productName: 'Aラーニング', logoUrl: vendorLogo });
    const own = await hr.put('/api/tenant/branding', { productName: '上書きアカデミー', primaryColor: '#112233' });
    expect(own.body).toMatchObject({ allowed: true, productName: '上書きアカデミー', effective: { productName: '上書きアカデミー' } });
    const tenantLogo = (await hr.putFile('/api/tenant/branding/logo', PNG_1x1, 'image/png')).body.logoUrl;
    expect(tenantLogo).toMatch(new RegExp(`^/api/assets/brand/t/${tenantId}/logo-`));
    expect((await hr.get('/api/branding/mine')).body).toMatchObject({
      productName: '上書きアカデミー',
      primaryColor: '#112233',
      logoUrl: tenantLogo,
      supportEmail: 'support@a-training.example',
    });
    expect(
      (await hr.put('/api/tenant/branding', { productName: '', primaryColor: 'red' })).body.error.details.map(
        (d: { path: string }) => d.path,
      ),
    ).toEqual(['productName', 'primaryColor']);

    // People the company invites hear from the vendor too.
    const learnerEmail = uniqueEmail('override-learner');
    expect((await hr.post('/api/users', { name: '受講 太郎', email: learnerEmail, role: 'learner', sendInvite: true })).status).toBe(201);
    expect((await outboxTo(learnerEmail))?.fromName).toBe('A社研修事務局');

    // The vendor withdraws the permission: the vendor's brand shows again and changes are refused.
    await a.client.put('/api/vendor/branding', brand(host, { allowTenantBranding: false }));
    expect((await hr.get('/api/branding/mine')).body).toMatchObject({ productName: 'Aラーニング', logoUrl: vendorLogo });
    const locked = await hr.put('/api/tenant/branding', { productName: 'x', primaryColor: null });
    expect(locked.status).toBe(403);
    expect(locked.body.error.code).toBe('branding_locked');
    // Learners read the brand but cannot change it.
    expect((await (await clientAs(server, created.body.adminUserId, tenantId, a.id, 'learner')).get('/api/tenant/branding')).status).toBe(
      403,
    );
  });

  it('sends a vendor company’s reminders under the vendor’s name, and none while it is suspended', async () => {
    const platform = await platformAdmin(server);
    const a = await createVendor(server, platform, '催促のA社');
    const host = `learn-${a.id}.remind.example`;
    await a.client.put('/api/vendor/branding', brand(host, { emailSenderName: '催促A事務局' }));
    const created = await a.client.post('/api/vendor/tenants', {
      name: '株式会社催促',
      adminName: '人事',
      adminEmail: uniqueEmail('remind-hr'),
      plan: { seatLimit: null, features: { adaptive: true, reportsExport: true } },
    });
    const tenantId = created.body.tenant.id;
    const hr = await clientAs(server, created.body.adminUserId, tenantId, a.id, 'tenant_admin');
    const learnerEmail = uniqueEmail('remind-l');
    const learner = (await hr.post('/api/users', { name: '受講', email: learnerEmail, role: 'learner', sendInvite: true })).body;
    // Reminders go to people who have joined: the learner sets a password from the invitation.
    const token = new URL((await outboxTo(learnerEmail))!.link!).searchParams.get('token');
    expect((await new Client(server.url).post('/api/auth/set-password', { token, password: 'remind learner 1' })).status).toBe(200);
    const pkg = (
      await hr.post('/api/packages', {
        title: { ja: '期限切れ研修' },
        description: { ja: '…' },
        level: 'junior',
        modules: [{ id: 'l1', kind: 'lesson', title: { ja: '読む' }, estimatedMinutes: 10, body: { ja: '本文' } }],
      })
    ).body;
    await hr.post(`/api/packages/${pkg.id}/assignments`, { userIds: [learner.id], dueDate: '2020-01-01' });

    await a.client.post(`/api/vendor/tenants/${tenantId}/suspend`);
    expect(await runReminders(server.deps, [tenantId])).toMatchObject({ tenants: 0, sent: 0 });
    await a.client.post(`/api/vendor/tenants/${tenantId}/reactivate`);
    expect((await runReminders(server.deps, [tenantId])).sent).toBe(1);
    const reminder = (await listOutbox(server.data.platform, 200)).find((m) => m.to === learnerEmail && m.kind === 'assignment_overdue');
    expect(reminder).toMatchObject({
      fromName: '催促A事務局',
      link: expect.stringMatching(new RegExp(`^http://${host}:\\d+/me$`)),
    });
  });

  it('shows the platform brand to a company without a vendor', async () => {
    const company = new Client(server.url);
    const email = uniqueEmail('direct');
    const res = await company.post('/api/signup', {
      companyName: '株式会社直販',
      adminName: '人事',
      email,
      password: 'correct horse battery',
      locale: 'ja',
    });
    expect(res.status).toBe(202);
    await completeSignup(server.url, email, company);
    expect((await company.get('/api/branding/mine')).body.productName).toBe('Manabi');
  });
});
