import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { fixedAssessment } from '../support/content.js';

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社組み合わせ');
});
afterAll(() => server.stop());

async function learner(): Promise<Client> {
  const email = uniqueEmail('gaps');
  const created = await hr.client.post('/api/users', { name: '穴埋め 太郎', email, role: 'learner', level: 'new_hire', sendInvite: true });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
  const client = new Client(server.url);
  client.token = (
    await client.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: 'learner password' })
  ).body.accessToken;
  return client;
}

const common = { skillTags: ['報連相'], level: null, difficultyPrior: 0, status: 'published' };

const matching = {
  ...common,
  type: 'matching',
  title: 'MATCH-SECRET-TITLE',
  stem: { ja: '言葉と意味を組み合わせなさい。', en: 'Match each word with its meaning.' },
  prompts: [
    { id: 'p1', text: { ja: '報告' } },
    { id: 'p2', text: { ja: '連絡' } },
    { id: 'p3', text: { ja: '相談' } },
  ],
  choices: [
    { id: 'a', text: { ja: '結果を伝える' } },
    { id: 'b', text: { ja: '事実を共有する' } },
    { id: 'c', text: { ja: '意見を求める' } },
    { id: 'd', text: { ja: '黙っておく' } },
  ],
  key: { p1: 'a', p2: 'b', p3: 'c' },
  explanation: { ja: '報連相の基本です。' },
};

const cloze = {
  ...common,
  type: 'cloze',
  stem: { ja: '報告は{{1}}から、{{2}}分以内に。' },
  blanks: [
    { id: '1', kind: 'text', accepted: ['結論'], caseSensitive: false },
    { id: '2', kind: 'numeric', value: 5, tolerance: 0 },
  ],
};

describe('matching and cloze questions over HTTP', () => {
  it('are created and edited through the question routes, with per-field 400s (Japanese messages)', async () => {
    const bank = (await hr.client.post('/api/banks', { name: '新形式' })).body;
    const created = await hr.client.post(`/api/banks/${bank.id}/questions`, { ...matching, status: 'draft' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.content).toMatchObject({ type: 'matching', key: { p1: 'a', p2: 'b', p3: 'c' }, irt: { c: 0 } });
    const edited = await hr.client.request('PUT', `/api/questions/${created.body.id}`, {
      content: { ...created.body.content, key: { p1: 'a', p2: 'b', p3: 'd' } },
      expectedVersion: 1,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ latestVersion: 2, content: { key: { p3: 'd' } } });

    const badMatching = await hr.client.post(`/api/banks/${bank.id}/questions`, { ...matching, key: { p1: 'a', p2: 'zz' } });
    expect(badMatching.status).toBe(400);
    expect(badMatching.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'key.p2', message: '選択肢 ID「zz」はありません' },
        { path: 'key.p3', message: '問い 3 に対応する選択肢（正解）を選んでください' },
      ]),
    );
    const badCloze = await hr.client.post(`/api/banks/${bank.id}/questions`, { ...cloze, stem: { ja: '報告は{{1}}から。' } });
    expect(badCloze.status).toBe(400);
    expect(badCloze.body.error.details).toEqual([{ path: 'stem.ja', message: '問題文（ja）に空欄 2 の {{2}} がありません' }]);
  });

  it('are served without keys, scored with partial credit, and reviewed per prompt and blank', async () => {
    const bank = (await hr.client.post('/api/banks', { name: '新形式テスト' })).body;
    for (const content of [matching, cloze]) {
      const res = await hr.client.post(`/api/banks/${bank.id}/questions`, content);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const assessment = await hr.client.post(
      '/api/assessments',
      fixedAssessment(bank.id, [{ skill: '報連相', count: 2 }], { passMark: 50 }),
    );
    expect(assessment.status, JSON.stringify(assessment.body)).toBe(201);
    expect((await hr.client.post(`/api/assessments/${assessment.body.id}/publish`)).status).toBe(200);

    const me = await learner();
    let view = (await me.post(`/api/assessments/${assessment.body.id}/attempts`)).body;
    const seen: string[] = [];
    while (view.current) {
      const item = view.current;
      seen.push(item.type);
      const served = JSON.stringify(item);
      for (const secret of ['"key"', 'accepted', '結論', 'correctOptionId', '"value"', 'MATCH-SECRET-TITLE', '報連相の基本']) {
        expect(served, secret).not.toContain(secret);
      }
      let response: Record<string, unknown>;
      if (item.type === 'matching') {
        expect(item.prompts.map((p: { id: string }) => p.id)).toEqual(['p1', 'p2', 'p3']);
        expect(item.choices.map((c: { id: string }) => c.id).sort()).toEqual(['a', 'b', 'c', 'd']);
        // An unknown prompt is refused, not scored.
        const refused = await me.post(`/api/attempts/${view.id}/answers`, {
          questionId: item.questionId,
          response: { pairs: { p9: 'a' } },
        });
        expect(refused.status).toBe(400);
        response = { pairs: { p1: 'a', p2: 'b', p3: 'a' } }; // 2 of 3
      } else {
        expect(item.blanks).toEqual([
          { id: '1', kind: 'text' },
          { id: '2', kind: 'numeric' },
        ]);
        response = { blanks: { '1': ' 結論 ', '2': '６' } }; // 1 of 2 (full-width digits read as numbers)
      }
      const res = await me.post(`/api/attempts/${view.id}/answers`, { questionId: item.questionId, response });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.answer.correct).toBe(false);
      view = res.body.attempt;
    }
    expect(seen.sort()).toEqual(['cloze', 'matching']);
    expect(view.status).toBe('finished');
    // (2/3 + 1/2) / 2 = 58.3 %, from the exact sum (the count is shown rounded)
    expect(view.result).toMatchObject({ score: 58.3, correct: 1.2, answered: 2, passed: true });

    const review = view.result.review as { type: string; response: unknown; correctAnswer: unknown; correct: boolean }[];
    const byType = Object.fromEntries(review.map((r) => [r.type, r]));
    expect(byType['matching']).toMatchObject({
      correct: false,
      response: { pairs: { p1: 'a', p2: 'b', p3: 'a' } },
      correctAnswer: { pairs: { p1: 'a', p2: 'b', p3: 'c' } },
      prompts: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }],
    });
    expect(byType['cloze']).toMatchObject({
      correct: false,
      response: { blanks: { '1': ' 結論 ', '2': '６' } },
      correctAnswer: { blanks: { '1': { accepted: ['結論'] }, '2': { value: 5, tolerance: 0 } } },
    });
  });
});
