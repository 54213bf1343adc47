import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, uniqueEmail } from '../support/client.js';
import { clientAs, createVendor, platformAdmin, requestWithHost } from '../support/vendors.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const as = (userId: string, tenantId: string, vendorId: string | null, role: 'platform_admin' | 'vendor_admin' | 'tenant_admin') =>
  clientAs(server, userId, tenantId, vendorId, role);
const getWithHost = (path: string, host: string) => requestWithHost(server, 'GET', path, host);
const vendor = (platform: Client, name: string) => createVendor(server, platform, name);

describe('vendors and white-label reselling', () => {
  it('isolates vendors, enforces seats, suspends at once and brands by host', async () => {
    const platform = await platformAdmin(server);
    const a = await vendor(platform, '研修のA社');
    const b = await vendor(platform, 'SIerのB社');

    // Vendor A creates a client company with a two-seat plan.
    const created = await a.client.post('/api/vendor/tenants', {
      // A name a spreadsheet would run as a formula: the usage export must keep it text.
      name: '=株式会社クライアント',
      adminName: '人事 花子',
      adminEmail: uniqueEmail('client-hr'),
      plan: { seatLimit: 2, features: { adaptive: true, reportsExport: false } },
    });
    expect(created.status).toBe(201);
    const t = created.body.tenant;
    expect(t).toMatchObject({ status: 'active', seatsUsed: 1, plan: { seatLimit: 2 } });
    expect((await a.client.get('/api/vendor/tenants')).body.items.map((x: { id: string }) => x.id)).toEqual([t.id]);
    expect((await a.client.post('/api/vendor/tenants', { name: '', adminName: 'x', adminEmail: 'bad', plan: {} })).status).toBe(400);

    // Vendor B can neither see nor touch it.
    expect((await b.client.get('/api/vendor/tenants')).body.items).toEqual([]);
    expect((await b.client.get(`/api/vendor/tenants/${t.id}`)).status).toBe(404);
    expect(
      (await b.client.patch(`/api/vendor/tenants/${t.id}`, { plan: { seatLimit: 9, features: { adaptive: true, reportsExport: true } } }))
        .status,
    ).toBe(404);
    expect((await b.client.post(`/api/vendor/tenants/${t.id}/suspend`)).status).toBe(404);
    // A vendor admin is not the company's HR: its people are out of reach.
    expect((await a.client.get('/api/users')).status).toBe(403);
    expect((await platform.get('/api/vendor/tenants')).status).toBe(403);

    // Seats: the HR admin holds one; one more fits, then creation and import are refused clearly.
    const hr = await as(created.body.adminUserId, t.id, a.id, 'tenant_admin');
    const person = (email: string) => ({ name: '受講 太郎', email, role: 'learner', sendInvite: false });
    expect((await hr.post('/api/users', person(uniqueEmail('seat')))).status).toBe(201);
    const full = await hr.post('/api/users', person(uniqueEmail('seat')));
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('seat_limit_reached');
    const csv = new TextEncoder().encode(`name,email\n一郎,${uniqueEmail('csv')}\n二郎,${uniqueEmail('csv')}\n`);
    const imported = await hr.upload('/api/users/import?mode=commit&locale=en', csv);
    expect(imported.status).toBe(409);
    expect(imported.body.error).toMatchObject({ code: 'seat_limit_reached', message: expect.stringContaining('空き席は 0 名分') });
    expect(
      (await a.client.patch(`/api/vendor/tenants/${t.id}`, { plan: { seatLimit: 1, features: { adaptive: true, reportsExport: true } } }))
        .body.error.code,
    ).toBe('seat_limit_below_usage');
    expect(
      (await a.client.patch(`/api/vendor/tenants/${t.id}`, { plan: { seatLimit: 3, features: { adaptive: true, reportsExport: true } } }))
        .body,
    ).toMatchObject({
      seatsUsed: 2,
      plan: { seatLimit: 3 },
    });
    expect((await hr.post('/api/users', person(uniqueEmail('seat')))).status).toBe(201);

    // The company's people see what their plan includes (the SPA hides the rest); the plan was changed above.
    expect((await hr.get('/api/me')).body.tenant).toMatchObject({
      features: { adaptive: true, reportsExport: true },
      seats: { used: 3, limit: 3 },
    });

    // Suspension takes effect on the very next request of an existing token.
    expect((await hr.get('/api/me')).status).toBe(200);
    expect((await a.client.post(`/api/vendor/tenants/${t.id}/suspend`)).body.status).toBe('suspended');
    const blocked = await hr.get('/api/me');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('account_suspended');
    await a.client.post(`/api/vendor/tenants/${t.id}/reactivate`);
    expect((await hr.get('/api/me')).status).toBe(200);
    // A suspended vendor: its admins and every company under it.
    await platform.post(`/api/platform/vendors/${a.id}/suspend`);
    expect((await hr.get('/api/me')).status).toBe(403);
    expect((await a.client.get('/api/vendor/tenants')).status).toBe(403);
    await platform.post(`/api/platform/vendors/${a.id}/reactivate`);
    expect((await hr.get('/api/me')).status).toBe(200);
    // The platform adds a second admin to vendor A (invited by email); emails stay unique.
    const second = uniqueEmail('vendor-2');
    const added = await platform.post(`/api/platform/vendors/${a.id}/admins`, { name: 'A社 二人目', email: second });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ email: second, status: 'invited' });
    expect((await platform.post(`/api/platform/vendors/${a.id}/admins`, { name: 'x', email: second })).body.error.code).toBe('email_taken');
    const admins = (await platform.get(`/api/platform/vendors/${a.id}/admins`)).body.items;
    expect(admins.map((x: { email: string }) => x.email)).toContain(second);
    expect(admins).toHaveLength(2);
    expect((await platform.get('/api/platform/vendors/0000000000000000/admins')).status).toBe(404);
    expect((await a.client.post(`/api/platform/vendors/${a.id}/admins`, { name: 'x', email: uniqueEmail('x') })).status).toBe(403);
    const vendors = (await platform.get('/api/platform/vendors')).body.items;
    expect(vendors.find((v: { id: string }) => v.id === a.id)).toMatchObject({ status: 'active', tenants: 1 });

    // Usage for billing: CSV with BOM, one row per company per month (this server counts no activity).
    const usage = await fetch(`${server.url}/api/vendor/usage.csv?months=2`, { headers: { authorization: `Bearer ${a.client.token}` } });
    const bytes = new Uint8Array(await usage.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('month,tenant_id,name,status,seat_limit,seats_used,active_learners,attempts');
    expect(lines[2]).toMatch(new RegExp(`^\\d{4}-\\d{2},${t.id},'=株式会社クライアント,active,3,3,0,0$`));

    // Branding by host: A's domain shows A's brand; B cannot take the same host.
    const host = `learn-${a.id}.a-training.example`;
    const branding = {
      productName: 'Aラーニング',
      primaryColor: '#aa3300',
      signInText: { ja: 'A社の研修へようこそ' },
      supportEmail: 'support@a-training.example',
      emailSenderName: 'A社研修事務局',
      domains: [host],
      selfSignup: false,
    };
    expect((await a.client.put('/api/vendor/branding', branding)).body).toMatchObject({ productName: 'Aラーニング', domains: [host] });
    const taken = await b.client.put('/api/vendor/branding', { ...branding, productName: 'B', domains: ['b.example', host] });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'domain_taken', details: [{ path: 'domains.1' }] });
    expect((await getWithHost('/api/branding', `${host}:443`)).body).toMatchObject({ productName: 'Aラーニング', primaryColor: '#aa3300' });
    expect((await getWithHost('/api/branding', 'localhost')).body.productName).toBe('Manabi');
    expect((await b.client.put('/api/vendor/branding', { ...branding, domains: ['bad host'] })).status).toBe(400);
  });
});
