import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { clientAs, createVendor, platformAdmin } from '../support/vendors.js';

let server: TestServer;
let hr: SignedUpCompany;
let other: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  [hr, other] = await Promise.all([signUpCompany(server.url, '株式会社インポート'), signUpCompany(server.url, '株式会社よそ')]);
});
afterAll(() => server.stop());

interface Job {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  total: number;
  done: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: { row: number; column: string | null; message: string }[];
  errorCount: number;
  newDepartments: string[];
  failure: { code: string; message: string } | null;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function commit(company: SignedUpCompany, csv: string, key: string | null, query = 'locale=ja') {
  const form = new FormData();
  form.set('file', new Blob([utf8(csv)], { type: 'text/csv' }), 'users.csv');
  return company.client.request<Job>('POST', `/api/import-jobs/users?${query}`, undefined, {
    raw: form,
    headers: key ? { 'idempotency-key': key } : {},
  });
}

/** Polls the job until it finishes, keeping every progress value seen on the way. */
async function waitForJob(company: SignedUpCompany, id: string): Promise<{ job: Job; seen: number[] }> {
  const seen: number[] = [];
  let job: Job | null = null;
  await expect
    .poll(
      async () => {
        const res = await company.client.get<Job>(`/api/import-jobs/users/${id}`);
        expect(res.status).toBe(200);
        job = res.body;
        seen.push(job.done);
        return job.status;
      },
      { timeout: 240_000, interval: 150 },
    )
    .toMatch(/^(completed|failed)$/);
  return { job: job!, seen };
}

const peopleCount = async (company: SignedUpCompany) => (await company.client.get('/api/users?pageSize=1')).body.total as number;

describe('user import as a background job', () => {
  const domain = `${randomUUID().slice(0, 8)}.jobs.test`;
  const rows = 1000;
  const csv = [
    '氏名,メールアドレス,部署,階層',
    ...Array.from({ length: rows }, (_, i) => `受講 ${i},p${i}@${domain},${i % 2 ? '営業部' : '開発部'},若手`),
  ].join('\n');
  const key = `import-${randomUUID()}`;
  let jobId = '';

  it('answers 202 with the job at once, then reports progress until every row is done, with correct counts', async () => {
    const started = Date.now();
    const res = await commit(hr, csv, key);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', done: 0, created: 0 });
    expect(res.body.id).toMatch(/^[0-9a-z]{16}$/);
    jobId = res.body.id;
    // Accepted before the work: far sooner than a 1,000-row import takes.
    expect(Date.now() - started).toBeLessThan(5000);

    const { job, seen } = await waitForJob(hr, jobId);
    expect(job).toMatchObject({
      status: 'completed',
      total: rows,
      done: rows,
      created: rows,
      updated: 0,
      skipped: 0,
      errorCount: 0,
      failure: null,
    });
    expect(job.newDepartments.sort()).toEqual(['営業部', '開発部']);
    // Progress only moves forward and ends at the total.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(rows);
    expect(await peopleCount(hr)).toBe(rows + 1);
    const latest = await hr.client.get<{ items: Job[] }>('/api/import-jobs/users');
    expect(latest.body.items[0]).toMatchObject({ id: jobId, status: 'completed' });
  }, 300_000);

  it('a retried commit with the same key answers the same job and imports nothing twice', async () => {
    const again = await commit(hr, csv, key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: jobId, status: 'completed', created: rows });
    expect(await peopleCount(hr)).toBe(rows + 1);
    expect((await hr.client.get<{ items: Job[] }>('/api/import-jobs/users')).body.items.filter((j) => j.id === jobId)).toHaveLength(1);

    const otherFile = await commit(hr, `${csv}\n追加 1,extra@${domain},,`, key);
    expect(otherFile.status).toBe(409);
    expect((otherFile.body as unknown as { error: { code: string } }).error.code).toBe('idempotency_key_reused');
  });

  it('the same file as a new job writes nobody twice: every row is unchanged', async () => {
    const res = await commit(hr, csv, `import-${randomUUID()}`);
    expect(res.status).toBe(202);
    const { job } = await waitForJob(hr, res.body.id);
    expect(job).toMatchObject({ status: 'completed', done: rows, created: 0, updated: 0, unchanged: rows });
    expect(await peopleCount(hr)).toBe(rows + 1);
  }, 300_000);

  it('reports every row it did not import, with its row, column and reason', async () => {
    const bad = [
      '氏名,メールアドレス,階層',
      `正しい 人,ok@${domain}x,新入社員`,
      `,noname@${domain}x,`,
      `階層 違い,level@${domain}x,部長`,
      `メール 不正,not-an-email,`,
    ].join('\n');
    const res = await commit(hr, bad, `import-${randomUUID()}`, 'locale=en');
    expect(res.status).toBe(202);
    const { job } = await waitForJob(hr, res.body.id);
    expect(job).toMatchObject({ status: 'completed', total: 4, done: 4, created: 1, skipped: 3, errorCount: 3 });
    expect(job.errors.map((e) => e.row)).toEqual([3, 4, 5]);
    expect(job.errors.find((e) => e.row === 4)).toMatchObject({ column: '階層' });
  }, 120_000);

  it('another company cannot read or list the job (404), and a learner may not start one', async () => {
    expect((await other.client.get(`/api/import-jobs/users/${jobId}`)).status).toBe(404);
    expect((await other.client.get<{ items: Job[] }>('/api/import-jobs/users')).body.items).toEqual([]);
    // The same key from another company is another job (keys are per company).
    const theirs = await commit(other, `氏名,メールアドレス\nよそ 一,one@${domain}.other`, key);
    expect(theirs.status).toBe(202);
    expect((await waitForJob(other, theirs.body.id)).job).toMatchObject({ created: 1 });
    const second = await commit(other, `氏名,メールアドレス\nよそ 二,two@${domain}.other`, `import-${randomUUID()}`);
    expect(second.status).toBe(202);
    expect((await hr.client.get(`/api/import-jobs/users/${second.body.id}`)).status).toBe(404);
    expect((await hr.client.get<{ items: Job[] }>('/api/import-jobs/users')).body.items.map((j) => j.id)).not.toContain(second.body.id);
    expect((await hr.client.get('/api/import-jobs/users/not-an-id')).status).toBe(404);
    await waitForJob(other, second.body.id);

    const email = uniqueEmail('learner');
    await hr.client.post('/api/users', { name: '受講 花子', email, role: 'learner', sendInvite: true });
    const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
    const learner = new Client(server.url);
    const set = await learner.post('/api/auth/set-password', {
      token: new URL(mail.link).searchParams.get('token'),
      password: 'learner password',
    });
    learner.token = set.body.accessToken;
    expect((await learner.get(`/api/import-jobs/users/${jobId}`)).status).toBe(403);
    expect((await learner.get('/api/import-jobs/users')).status).toBe(403);
    expect((await learner.request('POST', '/api/import-jobs/users', undefined, { raw: new FormData() })).status).toBe(403);
  }, 120_000);

  it('refuses a request without a file or with a malformed key (400, never 500)', async () => {
    const noFile = await hr.client.request('POST', '/api/import-jobs/users', undefined, { raw: new FormData() });
    expect(noFile.status).toBe(400);
    const badKey = await commit(hr, 'a,b', 'short');
    expect(badKey.status).toBe(400);
  });

  it('refuses a file that needs more seats than the plan has free: the job fails whole, with the reason, and imports no one', async () => {
    const platform = await platformAdmin(server);
    const vendor = await createVendor(server, platform, '研修のJ社');
    const created = await vendor.client.post('/api/vendor/tenants', {
      name: '株式会社少人数',
      adminName: '人事 花子',
      adminEmail: uniqueEmail('seats-hr'),
      plan: { seatLimit: 2, features: { adaptive: true, reportsExport: false } },
    });
    expect(created.status).toBe(201);
    const tenantHr = await clientAs(server, created.body.adminUserId, created.body.tenant.id, vendor.id, 'tenant_admin');
    const form = new FormData();
    form.set('file', new Blob([utf8(`name,email\n一郎,${uniqueEmail('s')}\n二郎,${uniqueEmail('s')}\n`)], { type: 'text/csv' }), 'u.csv');
    const res = await tenantHr.request<Job>('POST', '/api/import-jobs/users?locale=en', undefined, { raw: form });
    expect(res.status).toBe(202);
    let job: Job | null = null;
    await expect
      .poll(
        async () => {
          job = (await tenantHr.get<Job>(`/api/import-jobs/users/${res.body.id}`)).body;
          return job.status;
        },
        { timeout: 60_000, interval: 150 },
      )
      .toBe('failed');
    expect(job!).toMatchObject({ created: 0, failure: { code: 'seat_limit_reached', message: expect.stringContaining('1 free seats') } });
    expect((await tenantHr.get('/api/users?pageSize=1')).body.total).toBe(1);
  }, 120_000);
});
