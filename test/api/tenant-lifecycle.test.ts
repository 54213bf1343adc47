import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectKeys } from '@manabi/data';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, completeSignup, uniqueEmail } from '../support/client.js';
import { activePerson } from '../support/accounts.js';
import { clientAs, createVendor, platformAdmin } from '../support/vendors.js';
import { FIXTURES, uploadFile } from '../support/files.js';

const plan = { seatLimit: null, features: { adaptive: true, reportsExport: true }, catalogPackageIds: null };

/** Polls a job until it leaves queued/running (the worker runs in the server's process). */
async function finished(client: Client, path: string): Promise<any> {
  for (;;) {
    const res = await client.get(path);
    expect(res.status).toBe(200);
    if (res.body.status !== 'queued' && res.body.status !== 'running') return res.body;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Every item of the shared table that belongs to the company or names it. A Scan, which the app
 * never does: this is the test's independent look at the whole table, not the app's own index.
 */
async function leftovers(server: TestServer, tenantId: string): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await server.data.platform.doc.send(new ScanCommand({ TableName: server.data.platform.table, ExclusiveStartKey: start }));
    for (const item of out.Items ?? [])
      if (
        Object.values(item).some((v) => typeof v === 'string' && v.includes(tenantId)) &&
        item.entity !== 'tenantJob' &&
        item.entity !== 'tenantTombstone'
      )
        found.push(item);
    start = out.LastEvaluatedKey;
  } while (start);
  return found;
}

describe('company data lifecycle: export and complete deletion', () => {
  let server: TestServer;
  let platform: Client;
  let v1: Awaited<ReturnType<typeof createVendor>>;
  let v2: Awaited<ReturnType<typeof createVendor>>;
  let tenantId: string;
  let hr: Client;
  let learner: { id: string; email: string; password: string };
  let invitedEmail: string;
  const companyName = `削除する企業-${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    server = await startTestServer();
    platform = await platformAdmin(server);
    v1 = await createVendor(server, platform, '販売店 甲');
    v2 = await createVendor(server, platform, '販売店 乙');
    const created = await v1.client.post('/api/vendor/tenants', {
      name: companyName,
      adminName: '人事 一郎',
      adminEmail: uniqueEmail('hr'),
      plan,
    });
    expect(created.status).toBe(201);
    tenantId = created.body.tenant.id;
    hr = await clientAs(server, created.body.adminUserId, tenantId, v1.id, 'tenant_admin');
    learner = await activePerson(hr);
    invitedEmail = uniqueEmail('invited');
    expect((await hr.post('/api/users', { name: '招待 次郎', email: invitedEmail, role: 'learner', sendInvite: true })).status).toBe(201);
    expect((await hr.post('/api/departments', { name: '営業部' })).status).toBe(201);
    expect((await uploadFile(hr, '手順書.pdf', FIXTURES.pdf)).status).toBe(200);
    // A SCIM token: its lookup is a platform item naming the company, which the deletion must remove too.
    expect((await hr.post('/api/scim-tokens', { name: 'Microsoft Entra ID' })).status).toBe(201);
  }, 120_000);

  afterAll(() => server?.stop());

  it('refuses another vendor (404), the company’s own people (403) and anonymous callers (401)', async () => {
    expect((await v2.client.post(`/api/vendor/tenants/${tenantId}/export`)).status).toBe(404);
    expect((await v2.client.post(`/api/vendor/tenants/${tenantId}/delete`, { confirmName: companyName })).status).toBe(404);
    expect((await v2.client.get(`/api/vendor/tenants/${tenantId}/jobs`)).status).toBe(404);
    expect((await hr.post(`/api/vendor/tenants/${tenantId}/export`)).status).toBe(403);
    expect((await hr.post(`/api/platform/tenants/${tenantId}/delete`, { confirmName: companyName })).status).toBe(403);
    expect((await new Client(server.url).post(`/api/platform/tenants/${tenantId}/export`)).status).toBe(401);
  });

  it('exports the company’s items as JSON and its files in a zip, without credentials; only its vendor sees the job', async () => {
    const started = await v1.client.post(`/api/vendor/tenants/${tenantId}/export`);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'export', tenantId, status: 'queued' });
    expect((await v2.client.get(`/api/vendor/tenant-jobs/${started.body.id}`)).status).toBe(404);
    const job = await finished(v1.client, `/api/vendor/tenant-jobs/${started.body.id}`);
    expect(job.status).toBe('done');
    const download = await fetch(new URL(job.downloadUrl, server.url));
    expect(download.status).toBe(200);
    const zip = unzipSync(new Uint8Array(await download.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(zip['manifest.json']!));
    const items = JSON.parse(strFromU8(zip['items.json']!)) as Record<string, unknown>[];
    expect(manifest).toMatchObject({ tenant: { id: tenantId, name: companyName }, items: items.length });
    expect(items.length).toBe(job.items);
    const emails = items.filter((i) => i.entity === 'user').map((i) => i.email);
    expect(emails).toEqual(expect.arrayContaining([learner.email, invitedEmail]));
    expect(items.some((i) => i.entity === 'department' && i.name === '営業部')).toBe(true);
    expect(items.some((i) => i.entity === 'tenant' && i.name === companyName)).toBe(true);
    // No password hash, seed, token hash or session leaves the platform.
    const text = strFromU8(zip['items.json']!);
    expect(text).not.toMatch(/passwordHash|tokenHash|totpSecret|"entity":"session"/);
    expect(text).not.toContain(learner.password);
    const files = Object.keys(zip).filter((n) => n.startsWith('files/'));
    expect(files.some((n) => n.startsWith(`files/${objectKeys.lessonFile({ tenantId }, 'x').replace(/x$/, '')}`))).toBe(true);
    expect(files.length).toBe(job.objects);
    const pdf = files.find((n) => n.includes('/files/t/'))!;
    expect(zip[pdf]).toEqual(FIXTURES.pdf);
  });

  it('does not delete without the company’s exact name, nor a vendor’s own home company', async () => {
    const wrong = await v1.client.post(`/api/vendor/tenants/${tenantId}/delete`, { confirmName: `${companyName} ` + 'x' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('confirmation_mismatch');
    expect(wrong.body.error.details[0].path).toBe('confirmName');
    expect((await hr.get('/api/users')).status).toBe(200);
    const vendors = await platform.get('/api/platform/tenants');
    const home = (vendors.body.items as { id: string; kind: string; name: string }[]).find((t) => t.kind === 'vendor_home')!;
    const refused = await platform.post(`/api/platform/tenants/${home.id}/delete`, { confirmName: home.name });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('tenant_not_deletable');
  });

  it('deletes every item, object, sign-in claim and link of the company, proves it, and frees its people’s emails', async () => {
    expect(await leftovers(server, tenantId)).not.toEqual([]);
    const started = await v1.client.post(`/api/vendor/tenants/${tenantId}/delete`, { confirmName: companyName });
    expect(started.status).toBe(202);
    const job = await finished(platform, `/api/platform/tenant-jobs/${started.body.id}`);
    expect(job).toMatchObject({ kind: 'deletion', status: 'done', remainingItems: 0, remainingObjects: 0 });
    expect(job.items).toBeGreaterThan(10);
    // The lesson file and the export's archive.
    expect(job.objects).toBeGreaterThanOrEqual(2);

    // The test's own look: no item of the table names the company (only the job's receipt and the tombstone).
    expect(await leftovers(server, tenantId)).toEqual([]);
    for (const prefix of objectKeys.tenantPrefixes(tenantId)) expect(await server.deps.objects.list(prefix)).toEqual([]);

    // Its people are gone: tokens are refused, the company is not found, sign-in fails.
    expect([401, 403]).toContain((await hr.get('/api/users')).status);
    expect((await v1.client.get(`/api/vendor/tenants/${tenantId}`)).status).toBe(404);
    const signIn = await new Client(server.url).post('/api/auth/signin', { email: learner.email, password: learner.password });
    expect(signIn.status).toBe(401);

    // Their emails can sign a new company up.
    for (const email of [learner.email, invitedEmail]) {
      const client = new Client(server.url);
      const res = await client.post('/api/signup', {
        companyName: '新しい会社',
        adminName: '再 登録',
        email,
        password: 'another passphrase 1',
        locale: 'ja',
      });
      expect(res.status).toBe(202);
      const session = await completeSignup(server.url, email, client);
      expect(session.tenant.id).not.toBe(tenantId);
    }
  }, 120_000);
});
