import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildTenant } from '@manabi/api/rebuild';
import { DEMO_PASSWORD } from '../../functions/api/src/local/seed.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client } from '../support/client.js';
import { startDynamoLocal, type DynamoLocal } from '@manabi/data/local';

/**
 * The demo company's three months of history, seeded as `npm start` seeds it (in a table of its
 * own, with the stream aggregator), then read over HTTP the way HR, a manager and a learner see it.
 */
const tableName = `manabi-demo-history-${randomUUID().slice(0, 8)}`;
let server: TestServer;
// A DynamoDB Local of its own: late in a full run the shared one holds every other file's
// stream-enabled tables, and its stream reads slow the history's 27,000 records down tenfold.
let dynamo: DynamoLocal;
const start = () => startTestServer({ seed: true, demoHistory: true, aggregate: true, tableName, dynamoEndpoint: dynamo.endpoint });
beforeAll(async () => {
  dynamo = await startDynamoLocal();
  server = await start();
}, 900_000); // Budget: ~90 s alone on a quiet 2-core machine, several times that under load
afterAll(async () => {
  await server?.stop();
  await dynamo?.stop();
});

async function signIn(email: string): Promise<Client> {
  const client = new Client(server.url);
  const res = await client.post('/api/auth/signin', { email, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  client.token = res.body.accessToken;
  return client;
}

const monthsOf = (weeks: { week: string; count: number }[]) => new Set(weeks.filter((w) => w.count > 0).map((w) => w.week.slice(0, 7)));

describe('the demo history', () => {
  it('was seeded once, through the app, with about fifty people and their three months', async () => {
    expect(server.seeded).toBe('seeded');
    expect(server.history).toMatchObject({ people: 44 });
    expect(server.history!.attempts).toBeGreaterThan(100);
    expect(server.history!.streamRecords).toBeGreaterThan(0);
    const hr = await signIn('hr@demo.manabi.example');
    const people = (await hr.get('/api/users?pageSize=100')).body;
    expect(people.total).toBeGreaterThanOrEqual(50);
  });

  it('gives HR an overview with results, a trend over several months, completions on time, late and overdue, and goals', async () => {
    const hr = await signIn('hr@demo.manabi.example');
    const overview = (await hr.get('/api/reports/overview')).body;
    expect(overview.results.count).toBeGreaterThan(100);
    expect(overview.results.passRate).toBeGreaterThan(0);
    expect(overview.completion).toMatchObject({
      completedOnTime: expect.any(Number),
      completedLate: expect.any(Number),
      overdue: expect.any(Number),
    });
    expect(overview.completion.completedOnTime).toBeGreaterThan(0);
    expect(overview.completion.completedLate).toBeGreaterThan(0);
    expect(overview.completion.overdue).toBeGreaterThan(0);
    expect(overview.completion.inProgress).toBeGreaterThan(0);
    expect(overview.goals.total).toBeGreaterThan(10);
    expect(overview.byDepartment.filter((d: any) => d.results.count > 0).length).toBe(4);
    expect(monthsOf(overview.trend).size).toBeGreaterThanOrEqual(3);

    const assessments = (await hr.get('/api/assessments')).body.items;
    const fixed = assessments.find((a: any) => a.title.ja === '新入社員 基礎確認テスト');
    const trend = (await hr.get(`/api/reports/assessments/${fixed.id}/trend?weeks=13`)).body.weeks;
    expect(monthsOf(trend).size).toBeGreaterThanOrEqual(3);
    // Most people improve: the last month's mean is above the first's.
    const active = trend.filter((w: any) => w.count > 0);
    const mean = (ws: any[]) => ws.reduce((n, w) => n + w.mean * w.count, 0) / ws.reduce((n, w) => n + w.count, 0);
    expect(mean(active.slice(-3))).toBeGreaterThan(mean(active.slice(0, 3)));

    const items = (await hr.get(`/api/assessments/${fixed.id}/statistics`)).body;
    expect(items.attempts).toBeGreaterThan(30);
    expect(items.items.length).toBeGreaterThan(10);
    expect(items.items.every((i: any) => i.exposureCount > 0)).toBe(true);
    // Easy and hard items, told apart by the people who know more. The test draws 12 of the
    // catalog's ~260 new-employee items, so each has a handful of answers and many no figure yet:
    // of those with one, most discriminate the right way.
    const pValues = items.items.map((i: any) => i.pValue);
    expect(Math.max(...pValues) - Math.min(...pValues)).toBeGreaterThan(0.2);
    const judged = items.items.map((i: any) => i.pointBiserial).filter((r: number | null) => r !== null);
    expect(judged.length).toBeGreaterThan(items.items.length / 4);
    expect(judged.filter((r: number) => r > 0).length).toBeGreaterThan(judged.length / 2);
    expect(judged.reduce((sum: number, r: number) => sum + r, 0) / judged.length).toBeGreaterThan(0.1);
  });

  it('shows a skill-gap heatmap that is not all red', async () => {
    const hr = await signIn('hr@demo.manabi.example');
    const map = (await hr.get('/api/reports/skill-gaps?by=department')).body;
    const cells = map.rows.flatMap((r: any) => r.cells).filter((c: any) => c.people > 0);
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.filter((c: any) => c.assessed > 0).length).toBeGreaterThan(cells.length * 0.9);
    // Closed gaps and small ones next to the larger: most cells are under one step from the requirement.
    expect(cells.filter((c: any) => c.meanGap < 1).length).toBeGreaterThan(cells.length / 2);
    expect(cells.some((c: any) => c.meanGap >= 0.5)).toBe(true);
  });

  it('has goals in every state and check-ins with reflections and comments', async () => {
    const hr = await signIn('hr@demo.manabi.example');
    const goals = (await hr.get('/api/goals/overview')).body;
    for (const status of ['draft', 'agreed', 'in_progress', 'achieved', 'missed']) expect(goals.counts[status]).toBeGreaterThan(0);

    const juniors = (await hr.get('/api/users?level=junior&pageSize=100')).body.items;
    let reflections = 0;
    let comments = 0;
    for (const u of juniors) {
      const items = (await hr.get(`/api/users/${u.id}/checkins`)).body.items;
      reflections += items.filter((c: any) => c.reflection).length;
      comments += items.filter((c: any) => c.comment).length;
    }
    expect(reflections).toBeGreaterThan(0);
    expect(comments).toBeGreaterThan(0);
  });

  it('shows the sales manager a team with history, and a history learner their own results', async () => {
    const manager = await signIn('manager@demo.manabi.example');
    const team = (await manager.get('/api/reports/overview')).body;
    expect(team.results.count).toBeGreaterThan(10);
    const map = (await manager.get('/api/skills/map')).body;
    expect(JSON.stringify(map)).toContain('current');

    const hr = await signIn('hr@demo.manabi.example');
    const someone = (await hr.get('/api/users?level=new_hire&pageSize=100')).body.items.find((u: any) => !u.email.startsWith('learner'));
    const learner = await signIn(someone.email);
    const attempts = (await learner.get('/api/me/attempts')).body.items;
    expect(attempts.length).toBeGreaterThan(0);
    expect((await learner.get('/api/me/assignments')).body.items.length).toBeGreaterThan(0);
  });

  it('has report aggregates equal to a recount from the raw data', async () => {
    const hr = await signIn('hr@demo.manabi.example');
    const me = (await hr.get('/api/me')).body;
    const report = await rebuildTenant({ data: server.data }, me.tenant.id);
    expect(report.mismatches).toEqual([]);
    // A recount reads every attempt and answer of the history: ~20 s alone, minutes on a loaded machine.
  }, 600_000);

  it('is not seeded again on the next start', async () => {
    const again = await start();
    try {
      expect(again.seeded).toBe('already');
      expect(again.history).toBeNull();
    } finally {
      await again.stop();
    }
  });
});
