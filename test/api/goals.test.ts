import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社目標');
});
afterAll(() => server.stop());

async function member(departmentId: string, role: 'learner' | 'manager', level: string): Promise<{ client: Client; id: string }> {
  const email = uniqueEmail(role);
  const created = await hr.client.post('/api/users', { name: role, email, role, departmentId, level, sendInvite: true });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
  const client = new Client(server.url);
  client.token = (
    await client.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: 'member password' })
  ).body.accessToken;
  return { client, id: created.body.id };
}

const inDays = (n: number) => new Date(Date.now() + 9 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);

describe('SMART goals', () => {
  it('names the missing letter, warns when the time is too short, and moves draft → agreed → in progress → achieved', async () => {
    const dept = (await hr.client.post('/api/departments', { name: '企画部' })).body;
    const learner = await member(dept.id, 'learner', 'junior');
    const manager = await member(dept.id, 'manager', 'manager');

    const bad = await learner.client.post('/api/goals', {
      title: '',
      description: '短い',
      skillId: 'logical-thinking',
      reason: '',
      dueDate: '2020-01-01',
    });
    expect(bad.status).toBe(400);
    const letters = bad.body.error.details.map((d: { message: string }) => d.message.slice(0, 1));
    expect(letters).toEqual(expect.arrayContaining(['S', 'M', 'R', 'T']));
    expect(bad.body.error.details.find((d: { path: string }) => d.path === 'metric').message).toMatch(/^M（測定可能）/);

    const goal = {
      title: 'ロジカルに提案書を書けるようになる',
      description: '毎週1本の提案書をピラミッド構造で書き、上長のレビューを受ける',
      metric: { kind: 'proficiency', skillId: 'logical-thinking', target: 3 },
      skillId: 'logical-thinking',
      reason: '顧客提案の通過率を上げるため',
      dueDate: inDays(30),
    };
    const created = await learner.client.post('/api/goals', goal);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', userId: learner.id });
    // Two steps (from nothing) in 30 days: achievable is in doubt, so the A warning is shown.
    expect(created.body.warning.ja).toMatch(/^A（達成可能）/);

    // The learner cannot approve their own goal; the manager can.
    expect((await learner.client.post(`/api/goals/${created.body.id}/agree`)).status).toBe(403);
    await hr.client.post(`/api/users/${learner.id}/ratings`, { skillId: 'logical-thinking', value: 2 });
    const agreed = await manager.client.post(`/api/goals/${created.body.id}/agree`);
    expect(agreed.body).toMatchObject({ status: 'agreed', baseline: 2, agreedBy: manager.id });
    expect((await manager.client.post(`/api/goals/${created.body.id}/agree`)).status).toBe(409);
    const started = await learner.client.post(`/api/goals/${created.body.id}/start`);
    expect(started.body).toMatchObject({ status: 'in_progress', progress: 0 });

    // Progress follows the evidence by itself: a newer rating of 3 reaches the target.
    await manager.client.post(`/api/users/${learner.id}/ratings`, { skillId: 'logical-thinking', value: 3, date: inDays(1) });
    const mine = (await learner.client.get('/api/goals')).body.items;
    expect(mine[0]).toMatchObject({ id: created.body.id, status: 'achieved', current: 3, progress: 100 });

    const overview = (await hr.client.get('/api/goals/overview')).body;
    expect(overview.counts.achieved).toBeGreaterThanOrEqual(1);
    expect(overview.items.find((x: { goal: { id: string } }) => x.goal.id === created.body.id).user.id).toBe(learner.id);
    expect((await manager.client.get('/api/goals/overview')).status).toBe(403);

    // Someone outside the department sees nothing of it.
    const other = (await hr.client.post('/api/departments', { name: '総務部' })).body;
    const outsider = await member(other.id, 'manager', 'manager');
    expect((await outsider.client.get(`/api/goals?userId=${learner.id}`)).status).toBe(404);
    expect((await outsider.client.post(`/api/goals/${created.body.id}/evaluate`)).status).toBe(404);
    const foreign = await signUpCompany(server.url);
    expect((await foreign.client.post(`/api/goals/${created.body.id}/start`)).status).toBe(404);
  });
});
