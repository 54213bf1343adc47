import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomId } from '@manabi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signUpCompany, type SignedUpCompany } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Where the two new type families meet: a fixed form holding a description, a matching, a cloze
// and an essay scores the partial-credit items at once, waits for the essay's grade, and then
// takes its percent from all three scored items (the description never counts). Images sit in a
// matching prompt, a cloze stem and an essay's graders' notes: the learner gets signed URLs for
// the first two only, the grader for the notes' image.

const IMAGES = join(import.meta.dirname, '../fixtures/questions/images');
const png = (name: string) => new Uint8Array(readFileSync(join(IMAGES, name)));

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社混在');
});
afterAll(() => server.stop());

async function learner(): Promise<Client> {
  const departmentId = (await hr.client.post('/api/departments', { name: `研修部 ${randomId()}` })).body.id;
  const created = await hr.client.post('/api/users', {
    name: '混在 次郎',
    email: `learner-${randomId()}@mixed.test`,
    role: 'learner',
    departmentId,
    level: 'new_hire',
    sendInvite: false,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const client = new Client(server.url);
  client.token = await server.deps.signer.signAccess(
    { userId: created.body.id, tenantId: hr.tenantId, vendorId: null, role: 'learner' },
    new Date(),
  );
  return client;
}

async function uploadImage(name: string): Promise<{ id: string; bytes: Uint8Array }> {
  const bytes = png(name);
  const up = await hr.client.request('POST', `/api/question-images?name=${name}`, undefined, {
    raw: new Blob([bytes.slice()], { type: 'image/png' }),
    headers: { 'content-type': 'image/png' },
  });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  return { id: up.body.id as string, bytes };
}

const common = { skillTags: ['報連相'], level: null, difficultyPrior: 0, status: 'published' };
const contents = (green: string, red: string, blue: string) => ({
  description: { ...common, type: 'description', stem: { ja: 'ここからは報連相の問題です。' } },
  matching: {
    ...common,
    type: 'matching',
    stem: { ja: '言葉と意味を組み合わせなさい。' },
    prompts: [
      { id: 'p1', text: { ja: `報告 ![緑の標識](file:${green})` } },
      { id: 'p2', text: { ja: '連絡' } },
      { id: 'p3', text: { ja: '相談' } },
    ],
    choices: [
      { id: 'a', text: { ja: '結果を伝える' } },
      { id: 'b', text: { ja: '事実を共有する' } },
      { id: 'c', text: { ja: '意見を求める' } },
    ],
    key: { p1: 'a', p2: 'b', p3: 'c' },
  },
  cloze: {
    ...common,
    type: 'cloze',
    stem: { ja: `![赤い矢印](file:${red}) 報告は{{1}}から、{{2}}分以内に。` },
    blanks: [
      { id: '1', kind: 'text', accepted: ['結論'], caseSensitive: false },
      { id: '2', kind: 'numeric', value: 5, tolerance: 0 },
    ],
  },
  essay: {
    ...common,
    type: 'essay',
    stem: { ja: '最近の報告で工夫したことを書いてください。' },
    rubric: [{ id: 'overall', criterion: { ja: '全体' }, maxPoints: 4 }],
    graderNotes: { ja: `採点者だけのメモ：具体例があれば満点 ![青い図](file:${blue})` },
  },
});

describe('a fixed form with matching, cloze, essay and description', () => {
  it('scores the partial-credit items at once, awaits the essay’s grade, then takes the percent from all three', async () => {
    const [green, red, blue] = [
      await uploadImage('green-sign.png'),
      await uploadImage('red-arrow.png'),
      await uploadImage('blue-chart.png'),
    ];
    const bank = (await hr.client.post('/api/banks', { name: `混在 ${randomId()}` })).body;
    const ids: Record<string, string> = {};
    for (const [type, content] of Object.entries(contents(green.id, red.id, blue.id))) {
      const res = await hr.client.post(`/api/banks/${bank.id}/questions`, content);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids[type] = res.body.id;
    }
    const order = ['description', 'matching', 'cloze', 'essay'];
    const assessment = await hr.client.post('/api/assessments', {
      title: { ja: '混在テスト' },
      mode: 'fixed',
      bankIds: [bank.id],
      fixed: { questionIds: order.map((t) => ids[t]), draws: [], shuffleQuestions: false, shuffleOptions: false },
      passMark: 60,
      reviewPolicy: 'after_submit',
    });
    expect(assessment.status, JSON.stringify(assessment.body)).toBe(201);
    expect((await hr.client.post(`/api/assessments/${assessment.body.id}/publish`)).status).toBe(200);

    const me = await learner();
    const responses: Record<string, unknown> = {
      description: {},
      matching: { pairs: { p1: 'a', p2: 'b', p3: 'a' } }, // 2 of 3
      cloze: { blanks: { '1': '結論', '2': '6' } }, // 1 of 2
      essay: { text: '結論を先に書き、数字を添えました。' },
    };
    let view = (await me.post(`/api/assessments/${assessment.body.id}/attempts`)).body;
    const answers: Record<string, { correct: boolean | null }> = {};
    for (const type of order) {
      expect(view.current.type).toBe(type);
      const served = JSON.stringify(view.current);
      for (const secret of ['"key"', 'accepted', '採点者だけのメモ', '"value"', blue.id]) expect(served, secret).not.toContain(secret);
      // Signed URLs for exactly the images this item shows, and they load.
      const shown = { matching: [green], cloze: [red] }[type] ?? [];
      const links = view.current.images as { id: string; url: string }[];
      expect(links.map((l) => l.id)).toEqual(shown.map((i) => i.id));
      for (const [i, link] of links.entries()) {
        const res = await fetch(link.url.startsWith('http') ? link.url : `${server.url}${link.url}`);
        expect(res.status).toBe(200);
        expect(new Uint8Array(await res.arrayBuffer())).toEqual(shown[i]!.bytes);
      }
      const res = await me.post(`/api/attempts/${view.id}/answers`, { questionId: view.current.questionId, response: responses[type] });
      expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200);
      answers[type] = res.body.answer;
      view = res.body.attempt;
    }
    // Partial credit is not "correct"; an essay is neither until graded, a description never.
    expect(answers['matching']!.correct).toBe(false);
    expect(answers['cloze']!.correct).toBe(false);
    expect(answers['essay']!.correct).toBeNull();
    expect(answers['description']!.correct).toBeNull();

    // Closed with an essay: no score yet, however much of the rest was right.
    expect(view).toMatchObject({ status: 'awaiting_grading', result: null, grading: { essays: 1, graded: 0 } });
    expect((await me.get(`/api/attempts/${view.id}`)).body).toMatchObject({ status: 'awaiting_grading', result: null });

    const queue = (await hr.client.get('/api/essay-grading')).body;
    expect(queue.items.map((i: { attemptId: string; questionId: string }) => [i.attemptId, i.questionId])).toEqual([
      [view.id, ids['essay']],
    ]);
    // The grader sees the notes' image.
    const page = (await hr.client.get(`/api/essay-grading/${view.id}/${ids['essay']}`)).body;
    expect(page.images.map((i: { id: string }) => i.id)).toEqual([blue.id]);
    const graded = await hr.client.post(`/api/essay-grading/${view.id}/${ids['essay']}/grade`, { points: { overall: 3 } });
    expect(graded.status, JSON.stringify(graded.body)).toBe(200);
    expect(graded.body).toMatchObject({ attemptStatus: 'finished', grade: { total: 3, max: 4, score: 0.75 } });

    // (2/3 + 1/2 + 3/4) / 3 = 63.9 %: the description is neither answered nor in the form's length.
    const done = (await me.get(`/api/attempts/${view.id}`)).body;
    expect(done.status).toBe('finished');
    expect(done.result).toMatchObject({ score: 63.9, correct: 1.9, passed: true });
    const review = Object.fromEntries(
      (done.result.review as { type: string }[]).map((r) => [r.type, r as Record<string, unknown> & { type: string }]),
    );
    expect(Object.keys(review).sort()).toEqual(['cloze', 'description', 'essay', 'matching']);
    expect(review['matching']).toMatchObject({ correctAnswer: { pairs: { p1: 'a', p2: 'b', p3: 'c' } } });
    expect(review['cloze']).toMatchObject({ response: { blanks: { '1': '結論', '2': '6' } } });
    expect(review['essay']).toMatchObject({
      response: { type: 'essay', text: '結論を先に書き、数字を添えました。' },
      grade: { points: { overall: 3 }, total: 3, max: 4 },
    });
    expect(review['matching']!['images']).toEqual([{ id: green.id, url: expect.any(String) }]);
    expect(review['cloze']!['images']).toEqual([{ id: red.id, url: expect.any(String) }]);
    expect(JSON.stringify(done)).not.toContain('採点者だけのメモ');
    expect(JSON.stringify(done)).not.toContain(blue.id);
  });
});
