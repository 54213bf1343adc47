import { randomId } from '@manabi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUpCompany, type SignedUpCompany } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { singleChoice } from '../support/content.js';

let server: TestServer;
let hr: SignedUpCompany;
let other: SignedUpCompany;
beforeAll(async () => {
  // The change stream is consumed here: the graded attempt must reach the reports.
  server = await startTestServer({ aggregate: true });
  hr = await signUpCompany(server.url, '株式会社記述');
  other = await signUpCompany(server.url, '株式会社よそ');
});
afterAll(() => server.stop());

async function person(role: 'learner' | 'manager', departmentId: string, name: string): Promise<{ client: Client; id: string }> {
  const created = await hr.client.post('/api/users', {
    name,
    email: `${role}-${randomId()}@essay.test`,
    role,
    departmentId,
    level: 'junior',
    sendInvite: false,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const client = new Client(server.url);
  client.token = await server.deps.signer.signAccess({ userId: created.body.id, tenantId: hr.tenantId, vendorId: null, role }, new Date());
  return { client, id: created.body.id };
}

const essayQuestion = {
  type: 'essay',
  stem: { ja: '最近の会議の結論を、理由とともに説明してください。', en: 'Explain the conclusion of a recent meeting, with the reasons.' },
  rubric: [
    { id: 'content', criterion: { ja: '内容', en: 'Content' }, maxPoints: 6 },
    { id: 'logic', criterion: { ja: '論理', en: 'Logic' }, maxPoints: 4 },
  ],
  maxWords: 60,
  graderNotes: { ja: '結論・理由・次の行動の三点があれば満点', en: 'Full marks: conclusion, reasons and next step' },
  skillTags: ['論理的思考'],
  status: 'published',
};

/** A fixed form of three: an information block, a choice question (key "a") and the essay, in that order. */
async function essayTest(): Promise<string> {
  const bank = (await hr.client.post('/api/banks', { name: `記述 ${randomId()}` })).body;
  const add = async (q: unknown) => {
    const res = await hr.client.post(`/api/banks/${bank.id}/questions`, q);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const intro = await add({
    type: 'description',
    stem: { ja: 'ここからは会議についての問題です。' },
    skillTags: ['論理的思考'],
    status: 'published',
  });
  const choice = await add(singleChoice('論理的思考', 1));
  const essay = await add(essayQuestion);
  const created = await hr.client.post('/api/assessments', {
    title: { ja: '記述式テスト', en: 'Written test' },
    mode: 'fixed',
    bankIds: [bank.id],
    fixed: { questionIds: [intro, choice, essay], draws: [], shuffleQuestions: false, shuffleOptions: false },
    passMark: 60,
    reviewPolicy: 'after_submit',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await hr.client.post(`/api/assessments/${created.body.id}/publish`)).status).toBe(200);
  return created.body.id;
}

/** Takes the test: reads the description, answers the choice right, writes `text`. Returns the last view. */
async function take(client: Client, assessmentId: string, text: string) {
  let view = (await client.post(`/api/assessments/${assessmentId}/attempts`)).body;
  expect(view.current.type).toBe('description');
  view = (await client.post(`/api/attempts/${view.id}/answers`, { questionId: view.current.questionId, response: {} })).body.attempt;
  expect(view.current.type).toBe('single_choice');
  const answered = await client.post(`/api/attempts/${view.id}/answers`, {
    questionId: view.current.questionId,
    response: { optionId: 'a' },
  });
  view = answered.body.attempt;
  expect(view.current.type).toBe('essay');
  // The player gets the limits and the criteria, never the graders' notes.
  expect(view.current.essay).toEqual({
    minWords: null,
    maxWords: 60,
    rubric: [
      { id: 'content', criterion: { ja: '内容', en: 'Content' }, maxPoints: 6 },
      { id: 'logic', criterion: { ja: '論理', en: 'Logic' }, maxPoints: 4 },
    ],
  });
  expect(JSON.stringify(view)).not.toContain('満点');
  const sent = await client.post(`/api/attempts/${view.id}/answers`, { questionId: view.current.questionId, response: { text } });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  expect(sent.body.answer.correct).toBeNull();
  return { view: sent.body.attempt, essayId: view.current.questionId as string };
}

describe('essays graded by a person', () => {
  it('queues a submitted essay for HR and the learner’s manager, grades it once, and gives the attempt its result', async () => {
    const sales = (await hr.client.post('/api/departments', { name: '営業部' })).body.id;
    const dev = (await hr.client.post('/api/departments', { name: '開発部' })).body.id;
    const learner = await person('learner', sales, '記述 花子');
    const manager = await person('manager', sales, '営業 課長');
    const otherManager = await person('manager', dev, '開発 課長');
    const assessmentId = await essayTest();

    // Over the word limit: refused with a message that says what to do; nothing is stored.
    let view = (await learner.client.post(`/api/assessments/${assessmentId}/attempts`)).body;
    view = (await learner.client.post(`/api/attempts/${view.id}/answers`, { questionId: view.current.questionId, response: {} })).body
      .attempt;
    view = (
      await learner.client.post(`/api/attempts/${view.id}/answers`, { questionId: view.current.questionId, response: { optionId: 'a' } })
    ).body.attempt;
    const tooLong = await learner.client.post(`/api/attempts/${view.id}/answers`, {
      questionId: view.current.questionId,
      response: { text: 'word '.repeat(61) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details).toEqual([{ path: 'response.text', message: '60 語（字）以内で書いてください' }]);

    const text = '結論は来期の予算を増やすことです。理由は二つあります。';
    const sent = await learner.client.post(`/api/attempts/${view.id}/answers`, { questionId: view.current.questionId, response: { text } });
    expect(sent.status).toBe(200);
    const attemptId = sent.body.attempt.id as string;
    const essayId = view.current.questionId as string;
    // Submitted, awaiting grading: no score yet (a score without the essay would mislead).
    expect(sent.body.attempt).toMatchObject({ status: 'awaiting_grading', result: null, grading: { essays: 1, graded: 0 } });

    // In HR's queue and in the learner's manager's; not in another department's manager's.
    const queueOf = async (c: Client) => (await c.get('/api/essay-grading')).body;
    const hrQueue = await queueOf(hr.client);
    expect(hrQueue.count).toBe(1);
    expect(hrQueue.items).toEqual([
      {
        attemptId,
        questionId: essayId,
        learner: { id: learner.id, name: '記述 花子' },
        assessment: { id: assessmentId, title: { ja: '記述式テスト', en: 'Written test' } },
        question: { title: null, stem: essayQuestion.stem },
        submittedAt: expect.any(String),
      },
    ]);
    expect((await queueOf(manager.client)).items.map((i: { attemptId: string }) => i.attemptId)).toEqual([attemptId]);
    expect(await queueOf(otherManager.client)).toEqual({ items: [], count: 0, nextCursor: null });
    expect((await learner.client.get('/api/essay-grading')).status).toBe(403);

    // Out of reach is a 404: another department's manager, another company's HR.
    const path = `/api/essay-grading/${attemptId}/${essayId}`;
    expect((await otherManager.client.get(path)).status).toBe(404);
    expect((await other.client.get(path)).status).toBe(404);
    expect((await other.client.post(`${path}/grade`, { points: { content: 1, logic: 1 } })).status).toBe(404);
    expect((await otherManager.client.post(`${path}/grade`, { points: { content: 1, logic: 1 } })).status).toBe(404);

    // The grading page: question, rubric, graders' notes and the learner's text.
    const page = (await manager.client.get(path)).body;
    expect(page).toMatchObject({
      state: 'pending',
      text,
      learner: { name: '記述 花子' },
      question: { rubric: essayQuestion.rubric, graderNotes: essayQuestion.graderNotes, maxWords: 60 },
      grade: null,
    });

    // Points outside the rubric are refused per criterion.
    const bad = await manager.client.post(`${path}/grade`, { points: { content: 7, logic: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'points.content', message: '0〜6 の整数で入力してください' }]);

    const graded = await manager.client.post(`${path}/grade`, { points: { content: 3, logic: 4 }, comment: '理由が明確です。' });
    expect(graded.status, JSON.stringify(graded.body)).toBe(200);
    expect(graded.body).toMatchObject({
      state: 'graded',
      attemptStatus: 'finished',
      grade: { points: { content: 3, logic: 4 }, total: 7, max: 10, score: 0.7, comment: '理由が明確です。', gradedBy: manager.id },
    });

    // A second grader changes nothing: 409 with a message that says what to do instead.
    const twice = await hr.client.post(`${path}/grade`, { points: { content: 6, logic: 4 } });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      code: 'essay_already_graded',
      message: 'この記述式の回答は、ほかの採点者がすでに採点しました。点数を変えるときは「再採点」を使ってください',
    });
    expect((await queueOf(hr.client)).count).toBe(0);
    expect((await queueOf(manager.client)).items).toEqual([]);

    // The learner's result: the description does not count; 1 (choice) + 0.7 (essay) of 2 = 85 %.
    const mine = (await learner.client.get(`/api/attempts/${attemptId}`)).body;
    expect(mine.status).toBe('finished');
    expect(mine.result).toMatchObject({ score: 85, passed: true });
    const reviewed = mine.result.review.find((r: { questionId: string }) => r.questionId === essayId);
    expect(reviewed).toMatchObject({
      type: 'essay',
      response: { type: 'essay', text },
      grade: { points: { content: 3, logic: 4 }, total: 7, max: 10, comment: '理由が明確です。' },
    });
    expect(JSON.stringify(mine)).not.toContain('満点');
    expect(JSON.stringify(mine)).not.toContain('gradedBy');

    // The learner is told once; the result is skill evidence.
    const inbox = (await learner.client.get('/api/me/inbox')).body.items;
    expect(inbox.filter((m: { kind: string }) => m.kind === 'essay_graded')).toHaveLength(1);
    expect(inbox.find((m: { kind: string }) => m.kind === 'essay_graded').link).toContain(`/attempts/${attemptId}/result`);
    const skills = (await learner.client.get('/api/me/skills')).body.skills;
    expect(skills.find((s: { skillId: string }) => s.skillId === 'logical-thinking')).toMatchObject({ source: 'assessment' });

    // The reports count the attempt once it has its result, through the change stream.
    await server.drainStream();
    const report = (await hr.client.get(`/api/reports/assessments/${assessmentId}`)).body;
    expect(report.results.count).toBe(1);
    expect(report.results.score.mean).toBeCloseTo(85, 5);

    // A regrade is explicit and recorded with who and when; the result follows.
    const regraded = await hr.client.post(`${path}/regrade`, { points: { content: 6, logic: 4 } });
    expect(regraded.status, JSON.stringify(regraded.body)).toBe(200);
    expect(regraded.body.regrades).toEqual([
      { by: hr.adminId, byName: expect.any(String), at: expect.any(String), previous: { total: 7, max: 10 } },
    ]);
    expect((await learner.client.get(`/api/attempts/${attemptId}`)).body.result.score).toBe(100);
    expect((await learner.client.get('/api/me/inbox')).body.items.filter((m: { kind: string }) => m.kind === 'essay_graded')).toHaveLength(
      1,
    );
  });

  it('two graders at once: exactly one grade is stored, the other gets 409', async () => {
    const dept = (await hr.client.post('/api/departments', { name: '総務部' })).body.id;
    const learner = await person('learner', dept, '同時 太郎');
    const manager = await person('manager', dept, '総務 課長');
    const { view, essayId } = await take(learner.client, await essayTest(), '結論と理由です。');
    const path = `/api/essay-grading/${view.id}/${essayId}/grade`;
    const [a, b] = await Promise.all([
      manager.client.post(path, { points: { content: 1, logic: 1 } }),
      hr.client.post(path, { points: { content: 5, logic: 3 } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a.body.grade : b.body.grade;
    const stored = (await hr.client.get(`/api/essay-grading/${view.id}/${essayId}`)).body.grade;
    expect(stored.points).toEqual(winner.points);
    const expected = a.status === 200 ? 50 + 10 : 50 + 40;
    expect((await learner.client.get(`/api/attempts/${view.id}`)).body.result.score).toBe(expected);
  });
});
