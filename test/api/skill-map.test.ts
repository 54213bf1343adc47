import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社スキルマップ');
});
afterAll(() => server.stop());

async function member(
  departmentId: string | null,
  role: 'learner' | 'manager',
  level: string | null,
): Promise<{ client: Client; id: string }> {
  const email = uniqueEmail(role);
  const created = await hr.client.post('/api/users', {
    name: `${role} ${email.slice(0, 12)}`,
    email,
    role,
    departmentId,
    level,
    sendInvite: true,
  });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
  const client = new Client(server.url);
  client.token = (
    await client.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: 'member password' })
  ).body.accessToken;
  return { client, id: created.body.id };
}

const row = (skills: { skillId: string }[], id: string) => skills.find((s) => s.skillId === id) as Record<string, unknown> | undefined;

describe('skill map', () => {
  it('turns assessment results, manager and self ratings into current proficiency and gaps', async () => {
    const sales = (await hr.client.post('/api/departments', { name: '営業部' })).body;
    const other = (await hr.client.post('/api/departments', { name: '経理部' })).body;
    const learner = await member(sales.id, 'learner', 'new_hire');
    const manager = await member(sales.id, 'manager', 'manager');
    const outsider = await member(other.id, 'manager', 'manager');

    // Nothing yet: every required skill shows its whole requirement as gap, with the reason.
    const empty = (await learner.client.get('/api/me/skills')).body;
    expect(empty.level).toBe('new_hire');
    const logic0 = row(empty.skills, 'logical-thinking')!;
    expect(logic0).toMatchObject({ current: null, source: null });
    expect(logic0.gap).toBe(logic0.required);

    // A self rating counts while there is nothing else, flagged.
    await learner.client.post('/api/me/ratings', { skillId: 'logical-thinking', value: 2 });
    expect(row((await learner.client.get('/api/me/skills')).body.skills, 'logical-thinking')).toMatchObject({
      current: 2,
      source: 'self_rating',
      selfReported: true,
    });

    // An assessment result (fixed form, 2 of 2 right on 論理的思考) becomes evidence at once.
    const bankId = await seedBank(hr.client, ['論理的思考'], 2);
    const a = (await hr.client.post('/api/assessments', fixedAssessment(bankId, [{ skill: '論理的思考', count: 2 }]))).body;
    await hr.client.post(`/api/assessments/${a.id}/publish`);
    let v = (await learner.client.post(`/api/assessments/${a.id}/attempts`)).body;
    while (v.current)
      v = (await learner.client.post(`/api/attempts/${v.id}/answers`, { questionId: v.current.questionId, response: { optionId: 'a' } }))
        .body.attempt;
    const afterTest = row((await learner.client.get('/api/me/skills')).body.skills, 'logical-thinking')!;
    expect(afterTest).toMatchObject({ current: 5, source: 'assessment', selfReported: false, gap: 0 });
    expect((afterTest.explanation as { ja: string }).ja.length).toBeGreaterThan(0);

    // A later manager rating wins over the older assessment.
    // The rating must be stamped after the test's evidence: wait for the clock to move on.
    for (const before = Date.now(); Date.now() <= before;) await new Promise((r) => setImmediate(r));
    const rated = await manager.client.post(`/api/users/${learner.id}/ratings`, {
      skillId: '論理的思考',
      value: 3,
      date: '2099-01-01',
      comment: 'OJTでの様子から',
    });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ skillId: 'logical-thinking', current: 3, source: 'manager_rating' });

    // Bad ratings are refused clearly.
    expect(
      (await manager.client.post(`/api/users/${learner.id}/ratings`, { skillId: 'logical-thinking', value: 7 })).body.error.details[0].path,
    ).toBe('value');
    expect(
      (await manager.client.post(`/api/users/${learner.id}/ratings`, { skillId: 'juggling', value: 3 })).body.error.details[0].path,
    ).toBe('skillId');
    // A manager of another department does not see this person.
    expect((await outsider.client.get(`/api/users/${learner.id}/skills`)).status).toBe(404);
    expect((await outsider.client.post(`/api/users/${learner.id}/ratings`, { skillId: 'logical-thinking', value: 1 })).status).toBe(404);
    // Learners cannot rate others or read the map.
    expect((await learner.client.post(`/api/users/${manager.id}/ratings`, { skillId: 'logical-thinking', value: 1 })).status).toBe(403);
    expect((await learner.client.get('/api/skills/map')).status).toBe(403);

    // HR's heatmap: people × skills, and averages per department and level.
    const map = (await hr.client.get(`/api/skills/map?departmentId=${sales.id}`)).body;
    expect(map.rows.map((r: { user: { id: string } }) => r.user.id).sort()).toEqual([learner.id, manager.id].sort());
    const cell = map.rows
      .find((r: { user: { id: string } }) => r.user.id === learner.id)
      .cells.find((x: { skillId: string }) => x.skillId === 'logical-thinking');
    expect(cell).toMatchObject({ current: 3, source: 'manager_rating' });
    expect(map.aggregates.byDepartment[0]).toMatchObject({ key: sales.id, name: '営業部', users: 2 });
    expect(map.aggregates.byLevel.map((g: { key: string }) => g.key)).toEqual(['new_hire', 'manager']);
    // The manager's map is their own department, whatever they ask for.
    const managersMap = (await manager.client.get(`/api/skills/map?departmentId=${other.id}`)).body;
    expect(managersMap.rows.every((r: { user: { departmentId: string } }) => r.user.departmentId === sales.id)).toBe(true);
  });
});
