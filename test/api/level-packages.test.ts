import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEVELS } from '@manabi/core';
import { packageStoredIdOf } from '@manabi/content';
import { getQuestionHead, getQuestionVersion } from '@manabi/data';
import type { Question } from '@manabi/questions';
import { publishCatalogFolder } from '../../functions/api/src/local/catalog.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { clientAs, createVendor, platformAdmin } from '../support/vendors.js';

/**
 * The level packages of content/packages over HTTP, in a table of their own (so the catalog holds
 * exactly what the content folders publish): a new company finds six, copies and assigns one, and
 * its learner reads a lesson, passes a module quiz and takes the placement test.
 */
let server: TestServer;
let hr: SignedUpCompany;
const CATALOG = { kind: 'catalog' } as const;

beforeAll(async () => {
  server = await startTestServer({ tableName: `manabi-levels-${randomUUID().slice(0, 8)}` });
  const published = await publishCatalogFolder(server.data.platform, new Date().toISOString());
  expect(published?.packages).toEqual({ created: 6, updated: 0, unchanged: 0 });
  hr = await signUpCompany(server.url, '株式会社階層別研修');
}, 600_000);
afterAll(() => server.stop());

async function learnerAt(level: string): Promise<{ client: Client; id: string }> {
  const email = uniqueEmail('level-learner');
  const created = await hr.client.post('/api/users', {
    name: '若手 太郎',
    email,
    role: 'learner',
    departmentId: null,
    level,
    sendInvite: true,
  });
  expect(created.status).toBe(201);
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
  const client = new Client(server.url);
  client.token = (
    await client.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: 'learner password' })
  ).body.accessToken;
  return { client, id: created.body.id };
}

/** The catalog question as stored (the test reads the key, as a learner who studied would know it). */
async function catalogQuestion(id: string): Promise<{ level: string | null; content: Question }> {
  const head = (await getQuestionHead(server.data.platform, CATALOG, id))!;
  return { level: head.level, content: (await getQuestionVersion(server.data.platform, CATALOG, id, head.publishedVersion!)) as Question };
}

function rightResponse(q: Question): Record<string, unknown> {
  switch (q.type) {
    case 'single_choice':
      return { type: q.type, optionId: q.correctOptionIds[0] };
    case 'multiple_response':
      return { type: q.type, optionIds: q.correctOptionIds };
    case 'true_false':
      return { type: q.type, value: q.answer };
    case 'ordering':
      return { type: q.type, order: q.order };
    case 'numeric':
      return { type: q.type, value: q.answer.value };
    case 'short_text':
      return { type: q.type, text: q.accepted[0] };
    default:
      throw new Error(`The catalog holds no ${q.type} items`);
  }
}

interface Module {
  id: string;
  kind: string;
  body?: { ja: string; en: string };
  assessmentId?: string;
  template?: { adaptive?: { levels: string[] }; draws: { level?: string }[] };
}

describe('the level packages', () => {
  it('are six, one per level, each opening with its placement test; publishing them again changes nothing', async () => {
    const packages: { id: string; owner: string; level: string; audience: { levels: string[] } }[] = (await hr.client.get('/api/packages'))
      .body.items;
    const catalog = packages.filter((p) => p.owner === 'catalog');
    expect(catalog.map((p) => p.level).sort()).toEqual([...LEVELS].sort());
    for (const p of catalog) {
      expect(p.id).toBe(packageStoredIdOf(p.level as (typeof LEVELS)[number]));
      expect(p.audience.levels).toEqual([p.level]);
    }
    const junior = (await hr.client.get(`/api/catalog/packages/${packageStoredIdOf('junior')}`)).body.package;
    const [first, ...rest] = junior.modules as Module[];
    expect(first).toMatchObject({ id: 'placement', kind: 'quiz', template: { adaptive: { levels: ['new_hire', 'junior', 'mid'] } } });
    for (const m of rest.filter((x) => x.kind === 'quiz')) for (const d of m.template!.draws) expect(d.level).toBe('junior');

    expect(await publishCatalogFolder(server.data.platform, new Date().toISOString())).toBeNull();
    const forced = await publishCatalogFolder(server.data.platform, new Date().toISOString(), undefined, undefined, { force: true });
    expect(forced?.packages).toEqual({ created: 0, updated: 0, unchanged: 6 });
  });

  it('are copied and assigned by HR; the learner reads a lesson, passes a quiz and takes a placement test of adjacent levels only', async () => {
    const copy = await hr.client.post(`/api/catalog/packages/${packageStoredIdOf('junior')}/clone`);
    expect(copy.status).toBe(201);
    const modules = copy.body.package.modules as Module[];
    // Every quiz of the company's copy, the placement test included, is a test of the company at once.
    for (const m of modules.filter((x) => x.kind === 'quiz')) expect(m.assessmentId).toMatch(/^[0-9a-z]{16}$/);
    const placementId = modules[0]!.assessmentId!;
    const placement = (await hr.client.get(`/api/assessments/${placementId}`)).body;
    expect(placement).toMatchObject({ mode: 'adaptive', adaptive: { levels: ['new_hire', 'junior', 'mid'] }, passMark: 1 });

    const learner = await learnerAt('junior');
    const assigned = await hr.client.post(`/api/packages/${copy.body.id}/assignments`, { userIds: [learner.id], dueDate: '2099-03-31' });
    expect(assigned.body).toMatchObject({ created: 1 });
    const mine = (await learner.client.get('/api/me/assignments')).body.items;
    const assignment = mine.find((a: { packageId: string }) => a.packageId === copy.body.id);
    expect(assignment.progress).toMatchObject({ done: 0, total: modules.length });

    // A lesson, in both languages, read to its end.
    const lesson = (assignment.package.modules as Module[]).find((m) => m.kind === 'lesson')!;
    expect(lesson.body!.ja).toContain('## ');
    expect(lesson.body!.en).toContain('## ');
    const read = await learner.client.post(`/api/me/assignments/${copy.body.id}/modules/${lesson.id}/end-reached`);
    expect(read.body.progress.done).toBe(1);

    // The first module quiz: junior items only, passed with the right answers.
    const quiz = modules.find((m) => m.kind === 'quiz' && m.id !== 'placement')!;
    let attempt = (await learner.client.post(`/api/assessments/${quiz.assessmentId}/attempts`)).body;
    while (attempt.current) {
      const q = await catalogQuestion(attempt.current.questionId);
      expect(q.level).toBe('junior');
      attempt = (
        await learner.client.post(`/api/attempts/${attempt.id}/answers`, {
          questionId: attempt.current.questionId,
          response: rightResponse(q.content),
        })
      ).body.attempt;
    }
    expect(attempt.result.passed).toBe(true);

    // The placement test serves items of 新入社員, 若手 and 中堅 only, whichever way the learner answers.
    let test = (await learner.client.post(`/api/assessments/${placementId}/attempts`)).body;
    const served: string[] = [];
    while (test.current) {
      const q = await catalogQuestion(test.current.questionId);
      served.push(q.level!);
      // Right, right, wrong…: the ability estimate moves both ways, and so do the levels it reaches for.
      const answered = await learner.client.post(`/api/attempts/${test.id}/answers`, {
        questionId: test.current.questionId,
        response: served.length % 3 === 0 ? wrongResponse(q.content) : rightResponse(q.content),
      });
      test = answered.body.attempt;
    }
    expect(served.length).toBeGreaterThanOrEqual(10);
    expect(served.length).toBeLessThanOrEqual(20);
    for (const level of served) expect(['new_hire', 'junior', 'mid']).toContain(level);
    expect(test.result.passed).toBe(true);

    const after = (await learner.client.get('/api/me/assignments')).body.items.find(
      (a: { packageId: string }) => a.packageId === copy.body.id,
    );
    // The lesson, the quiz and the placement test are done; the rest waits.
    expect(after.progress).toMatchObject({ done: 3, status: 'in_progress' });
  }, 300_000);
});

describe('a company whose plan leaves out adaptive tests', () => {
  it('copies a level package without its placement test, the rest alike', async () => {
    const vendor = await createVendor(server, await platformAdmin(server), '適応型なしの販売パートナー');
    const created = await vendor.client.post('/api/vendor/tenants', {
      name: '株式会社基本プラン',
      adminName: '人事',
      adminEmail: uniqueEmail('basic-plan-hr'),
      plan: { seatLimit: null, features: { adaptive: false, reportsExport: true } },
    });
    expect(created.status).toBe(201);
    const basicHr = await clientAs(server, created.body.adminUserId, created.body.tenant.id, vendor.id, 'tenant_admin');
    const source = (await basicHr.get(`/api/catalog/packages/${packageStoredIdOf('mid')}`)).body.package.modules as Module[];
    const copy = await basicHr.post(`/api/catalog/packages/${packageStoredIdOf('mid')}/clone`);
    expect(copy.status).toBe(201);
    expect((copy.body.package.modules as Module[]).map((m) => m.id)).toEqual(source.filter((m) => m.id !== 'placement').map((m) => m.id));
    const tests: { mode: string }[] = (await basicHr.get('/api/assessments')).body.items;
    expect(tests.map((t) => t.mode)).toEqual(['fixed', 'fixed', 'fixed']);
  }, 120_000);
});

/** A response of the right shape that is wrong. */
function wrongResponse(q: Question): Record<string, unknown> {
  switch (q.type) {
    case 'single_choice':
      return { type: q.type, optionId: q.options.find((o) => !q.correctOptionIds.includes(o.id))!.id };
    case 'multiple_response':
      return { type: q.type, optionIds: q.options.filter((o) => !q.correctOptionIds.includes(o.id)).map((o) => o.id) };
    case 'true_false':
      return { type: q.type, value: !q.answer };
    case 'ordering':
      return { type: q.type, order: [...q.order].reverse() };
    case 'numeric':
      return { type: q.type, value: q.answer.value + q.answer.tolerance + 1000 };
    case 'short_text':
      return { type: q.type, text: 'まったく違う答え' };
    default:
      throw new Error(`The catalog holds no ${q.type} items`);
  }
}
