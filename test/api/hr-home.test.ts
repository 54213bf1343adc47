import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ aggregate: true });
});
afterAll(() => server.stop());

const utf8 = (s: string) => new TextEncoder().encode(s);
const inDays = (n: number) => new Date(Date.now() + 9 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);

/** Applies the stream until it is quiet (assignment states and standings are records too). */
async function settle() {
  for (let i = 0; i < 10 && (await server.drainStream()) > 0; i++);
}

type Step = { id: string; done: boolean };
const doneSteps = (home: { checklist: { steps: Step[] } }) => home.checklist.steps.filter((s) => s.done).map((s) => s.id);

describe("HR's home", () => {
  it('starts a new company at 0/5 with no figures, and flips each step from the real state', async () => {
    const hr = await signUpCompany(server.url, '株式会社はじめて');
    const fresh = await hr.client.get('/api/admin/home');
    expect(fresh.status).toBe(200);
    expect(fresh.body.checklist).toMatchObject({ done: 0, total: 5 });
    expect(fresh.body.checklist.steps.map((s: Step) => s.id)).toEqual([
      'importPeople',
      'reviewFramework',
      'assignPackages',
      'publishTest',
      'firstResults',
    ]);
    expect(fresh.body.hasData).toBe(false);
    expect(fresh.body.kpis.completion).toMatchObject({ assigned: 0, onTimeRate: null });
    expect(fresh.body.kpis.overdueByDepartment).toEqual([]);

    // Import people: the first step is done.
    const domain = `${hr.tenantId.toLowerCase()}.home.test`;
    const csv = [
      '氏名,メールアドレス,ロール,部署,階層',
      `山田 一郎,ichiro@${domain},受講者,営業部,新入社員`,
      `田中 次郎,jiro@${domain},受講者,開発部,新入社員`,
    ].join('\r\n');
    expect((await hr.client.upload('/api/users/import?mode=commit', utf8(csv))).status).toBe(200);
    expect(doneSteps((await hr.client.get('/api/admin/home')).body)).toEqual(['importPeople']);

    // Assign a package (one of them already late): the package step flips once the stream counted it.
    const people = (await hr.client.get('/api/users?pageSize=50')).body.items.filter((u: { role: string }) => u.role === 'learner');
    const pkg = (
      await hr.client.post('/api/packages', {
        title: { ja: '新人研修' },
        description: { ja: '最初の一歩' },
        level: 'new_hire',
        modules: [{ id: 'm1', kind: 'lesson', title: { ja: '講義' }, estimatedMinutes: 5, body: { ja: '本文' } }],
      })
    ).body;
    const sales = people.find((u: { email: string }) => u.email.startsWith('ichiro'));
    const dev = people.find((u: { email: string }) => u.email.startsWith('jiro'));
    expect((await hr.client.post(`/api/packages/${pkg.id}/assignments`, { userIds: [sales.id], dueDate: inDays(10) })).status).toBe(200);
    expect((await hr.client.post(`/api/packages/${pkg.id}/assignments`, { userIds: [dev.id], dueDate: inDays(-1) })).status).toBe(200);
    await settle();
    const assigned = (await hr.client.get('/api/admin/home')).body;
    expect(doneSteps(assigned)).toEqual(['importPeople', 'assignPackages']);
    expect(assigned.checklist.done).toBe(2);
    expect(assigned.hasData).toBe(true);
    expect(assigned.kpis.completion).toMatchObject({ assigned: 2, completed: 0 });
    expect(assigned.kpis.overdueByDepartment).toEqual([{ departmentId: dev.departmentId, name: '開発部', assigned: 1, overdue: 1 }]);

    // Save the framework, publish a test, and a first result: every step is done.
    const framework = (await hr.client.get('/api/skills/framework')).body;
    expect(
      (await hr.client.request('PUT', '/api/skills/framework', { framework: framework.framework, expectedRev: framework.rev })).status,
    ).toBe(200);
    const bankId = await seedBank(hr.client, ['論理的思考'], 2);
    const a = (await hr.client.post('/api/assessments', fixedAssessment(bankId, [{ skill: '論理的思考', count: 2 }]))).body;
    expect((await hr.client.post(`/api/assessments/${a.id}/publish`)).status).toBe(200);
    expect(doneSteps((await hr.client.get('/api/admin/home')).body)).toEqual([
      'importPeople',
      'reviewFramework',
      'assignPackages',
      'publishTest',
    ]);
    const learner = new Client(server.url);
    learner.token = await server.deps.signer.signAccess(
      { userId: sales.id, tenantId: hr.tenantId, vendorId: null, role: 'learner' },
      new Date(),
    );
    let v = (await learner.post(`/api/assessments/${a.id}/attempts`)).body;
    while (v.current)
      v = (await learner.post(`/api/attempts/${v.id}/answers`, { questionId: v.current.questionId, response: { optionId: 'a' } })).body
        .attempt;
    await settle();
    const running = (await hr.client.get('/api/admin/home')).body;
    expect(running.checklist.done).toBe(5);
    expect(running.kpis.passRate).toMatchObject({ count: 1, passRate: 1, thisWeek: { count: 1, passRate: 1 } });
    // The attempt made the learner active this month (the usage counter the vendor bills by).
    expect(running.kpis.activeLearners.count).toBeGreaterThanOrEqual(1);
    expect(running.kpis.skillGaps.people).toBeGreaterThanOrEqual(2);
    // The passed test may already have lifted the learner on its skill: count from here.
    const closedBefore = running.kpis.skillGaps.thisWeek.closed as number;

    // A rating that lifts the new employee to a skill their level requires closes a gap this week,
    // counted by the stream aggregator from the change of their standing.
    type Skill = { id: string; required: Record<string, number> };
    const skills = (framework.framework.categories as { skills: Skill[] }[]).flatMap((c) => c.skills);
    const required = skills.find((k) => (k.required['new_hire'] ?? 0) > 0)!;
    const before = running.kpis.skillGaps.open;
    expect((await hr.client.post(`/api/users/${dev.id}/ratings`, { skillId: required.id, value: 5 })).status).toBe(201);
    await settle();
    const closing = (await hr.client.get('/api/admin/home')).body.kpis.skillGaps;
    expect(closing.thisWeek).toMatchObject({ closed: closedBefore + 1, opened: 0 });
    expect(closing.lastWeek).toMatchObject({ closed: 0, opened: 0 });
    expect(closing.open).toBe(before - 1);
    // Redelivering the stream changes nothing: each record was claimed once.
    await settle();
    expect((await hr.client.get('/api/admin/home')).body.kpis.skillGaps.thisWeek.closed).toBe(closedBefore + 1);
  });

  it('is HR only, and shows only the own company', async () => {
    const hr = await signUpCompany(server.url, '株式会社ほか');
    const other = await signUpCompany(server.url, '株式会社となり');
    const email = uniqueEmail('mgr');
    const mgr = (await hr.client.post('/api/users', { name: 'マネージャー', email, role: 'manager', sendInvite: false })).body;
    const manager = new Client(server.url);
    manager.token = await server.deps.signer.signAccess(
      { userId: mgr.id, tenantId: hr.tenantId, vendorId: null, role: 'manager' },
      new Date(),
    );
    expect((await manager.get('/api/admin/home')).status).toBe(403);
    expect((await new Client(server.url).get('/api/admin/home')).status).toBe(401);
    // The other company's home knows nothing of this one's people.
    expect(doneSteps((await other.client.get('/api/admin/home')).body)).toEqual([]);
    expect(doneSteps((await hr.client.get('/api/admin/home')).body)).toEqual(['importPeople']);
  });
});
