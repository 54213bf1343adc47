import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTenantIds } from '@manabi/data';
import {
  inProcessJobQueue,
  planTenantJobs,
  runTenantJob,
  scheduleTenantJobs,
  type TenantJob,
} from '../../functions/api/src/jobs/tenant-jobs.js';
import { sqsJobQueue, type SqsBatchSender } from '../../functions/api/src/jobs/sqs-job-queue.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';

let server: TestServer;
let first: SignedUpCompany;
let second: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  first = await signUpCompany(server.url, '株式会社ファンアウト');
  second = await signUpCompany(server.url, '株式会社ファンアウト二');
});
afterAll(() => server.stop());

const inDays = (n: number) => new Date(Date.now() + 9 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);

/** A learner of `company` who joined (set a password) and has an overdue package. */
async function overdueLearner(company: SignedUpCompany): Promise<string> {
  const email = uniqueEmail('fanout');
  await company.client.post('/api/users', {
    name: `受講者 ${email.slice(7, 12)}`,
    email,
    role: 'learner',
    level: 'junior',
    sendInvite: true,
  });
  const invite = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
  const joined = await new Client(server.url).post('/api/auth/set-password', {
    token: new URL(invite.link).searchParams.get('token'),
    password: 'learner password',
  });
  expect(joined.status).toBe(200);
  const pkg = (
    await company.client.post('/api/packages', {
      title: { ja: '期限切れの研修' },
      description: { ja: '振り分けの確認' },
      level: 'junior',
      modules: [{ id: 'l1', kind: 'lesson', title: { ja: '読む' }, estimatedMinutes: 5, body: { ja: '本文' } }],
    })
  ).body;
  const users = (await company.client.get('/api/users')).body.items as { id: string; email: string }[];
  const learnerId = users.find((u) => u.email === email)!.id;
  expect((await company.client.post(`/api/packages/${pkg.id}/assignments`, { userIds: [learnerId], dueDate: inDays(-2) })).status).toBe(
    200,
  );
  return email;
}

const overdueMailsTo = async (email: string) =>
  (await new Client(server.url).get('/api/dev/outbox')).body.items.filter(
    (m: { to: string; kind: string }) => m.to === email && m.kind === 'assignment_overdue',
  ).length;

describe('the daily jobs fan out: one message per company, one company per worker run', () => {
  it('plans one job per company from the tenant registry, and one for a named company', async () => {
    const jobs = await planTenantJobs(server.deps, { job: 'digest' });
    expect(jobs.map((j) => j.tenantId).sort()).toEqual((await listTenantIds(server.data.platform)).sort());
    expect(jobs).toContainEqual({ job: 'digest', tenantId: first.tenantId });
    expect(jobs).toContainEqual({ job: 'digest', tenantId: second.tenantId });
    // The schedule without input is the reminders; a rebuild may repair; anything else is refused.
    expect(await planTenantJobs(server.deps, { tenantId: first.tenantId })).toEqual([{ job: 'reminders', tenantId: first.tenantId }]);
    expect(await planTenantJobs(server.deps, { job: 'rebuild', repair: true, tenantId: second.tenantId })).toEqual([
      { job: 'rebuild', tenantId: second.tenantId, repair: true },
    ]);
    await expect(planTenantJobs(server.deps, { job: 'everything' })).rejects.toThrow();
    await expect(planTenantJobs(server.deps, { job: 'reminders', tenantIds: ['x'] })).rejects.toThrow();
  });

  it('the worker reminds only its own company, once however often its message is delivered', async () => {
    const firstLearner = await overdueLearner(first);
    const secondLearner = await overdueLearner(second);
    const message: TenantJob = { job: 'reminders', tenantId: first.tenantId };
    expect(await runTenantJob(server.deps, message)).toMatchObject({ job: 'reminders', tenantId: first.tenantId, tenants: 1, sent: 1 });
    expect(await overdueMailsTo(firstLearner)).toBe(1);
    expect(await overdueMailsTo(secondLearner)).toBe(0);
    // SQS delivers at least once: the same message again sends nothing more.
    expect(await runTenantJob(server.deps, message)).toMatchObject({ sent: 0, skipped: 1 });
    expect(await overdueMailsTo(firstLearner)).toBe(1);
    await expect(runTenantJob(server.deps, { job: 'reminders' })).rejects.toThrow();

    // The local server's path: the scheduler with the in-process queue runs the worker per company.
    const logged: Record<string, unknown>[] = [];
    expect(
      await scheduleTenantJobs(
        server.deps,
        { tenantId: second.tenantId },
        inProcessJobQueue(server.deps, (l) => logged.push(l)),
        'run-1',
      ),
    ).toBe(1);
    expect(await overdueMailsTo(secondLearner)).toBe(1);
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'tenant job', tenantId: second.tenantId, sent: 1 }));
  });

  it('a rebuild job recounts one company’s reports', async () => {
    expect(await runTenantJob(server.deps, { job: 'rebuild', tenantId: first.tenantId })).toMatchObject({
      job: 'rebuild',
      tenantId: first.tenantId,
      cells: expect.any(Number),
      mismatches: expect.any(Number),
      repaired: 0,
    });
  });

  it('enqueues to SQS FIFO in batches of 10, grouped by company and deduplicated per run', async () => {
    // SQS replaced at its network edge: the commands are kept, every entry accepted.
    const sent: Parameters<SqsBatchSender['send']>[0][] = [];
    const queue = sqsJobQueue({ send: async (command) => (sent.push(command), { Failed: [] }) }, 'https://sqs.example/queue.fifo');
    const jobs = Array.from({ length: 23 }, (_, i) => ({ job: 'digest' as const, tenantId: `t${i}` }));
    await queue.send(jobs, 'run-7');
    expect(sent.map((c) => c.input.Entries!.length)).toEqual([10, 10, 3]);
    const entries = sent.flatMap((c) => c.input.Entries!);
    expect(entries[12]).toEqual({
      Id: '12',
      MessageBody: JSON.stringify({ job: 'digest', tenantId: 't12' }),
      MessageGroupId: 't12',
      MessageDeduplicationId: 'run-7:digest:t12',
    });
    expect(sent.every((c) => c.input.QueueUrl === 'https://sqs.example/queue.fifo')).toBe(true);
    const refusing = sqsJobQueue({ send: async () => ({ Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] }) }, 'q');
    await expect(refusing.send(jobs.slice(0, 1), 'run-8')).rejects.toThrow(/refused 1/);
  });
});
