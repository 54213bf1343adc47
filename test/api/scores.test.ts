import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { seedBank } from '../support/content.js';

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社スコア');
});
afterAll(() => server.stop());

async function learner(level: string): Promise<{ client: Client; id: string }> {
  const email = uniqueEmail('learner');
  const created = await hr.client.post('/api/users', {
    name: `受講者 ${email.slice(8, 14)}`,
    email,
    role: 'learner',
    level,
    sendInvite: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
  const client = new Client(server.url);
  client.token = (
    await client.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: 'learner password' })
  ).body.accessToken;
  return { client, id: created.body.id };
}

/** Keys that name the psychometric detail; none may reach a learner. */
const PSYCHOMETRIC = /"(theta|se|scaledScore)"\s*:/;

describe('adaptive results a learner understands', () => {
  it('rates each skill from its own answers, shows learners bands without θ/SE, and keeps θ/SE for HR', async () => {
    // Two framework skills with the same item difficulties; the learner knows one and not the other.
    const bankId = await seedBank(hr.client, ['論理的思考', 'ビジネス基礎'], 12, (i) => -2 + (4 * i) / 11);
    const created = await hr.client.post('/api/assessments', {
      title: { ja: '適応型スキルチェック', en: 'Adaptive skill check' },
      mode: 'adaptive',
      bankIds: [bankId],
      // A target SE it cannot reach in 10 items: the test runs to its maximum, 5 items per skill.
      adaptive: { skills: ['論理的思考', 'ビジネス基礎'], minItems: 4, maxItems: 10, seTarget: 0.1 },
      passMark: 3,
      reviewPolicy: 'after_submit',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await hr.client.post(`/api/assessments/${created.body.id}/publish`)).status).toBe(200);

    const me = await learner('new_hire');
    let view = (await me.client.post(`/api/assessments/${created.body.id}/attempts`)).body;
    const shown: { min: number; max: number; percent: number }[] = [];
    while (view.current) {
      expect(JSON.stringify(view)).not.toMatch(PSYCHOMETRIC);
      shown.push({ ...view.progress.left, percent: view.progress.percent });
      // Right on 論理的思考, wrong on ビジネス基礎 ('a' is the key of every seeded item).
      const knows = (view.current.stem.ja as string).startsWith('論理的思考');
      const res = await me.client.post(`/api/attempts/${view.id}/answers`, {
        questionId: view.current.questionId,
        response: { optionId: knows ? 'a' : 'b' },
      });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toMatch(PSYCHOMETRIC);
      view = res.body.attempt;
    }
    expect(view.status).toBe('finished');

    // The items-left range never jumps up and the progress never goes back, over HTTP too.
    expect(shown.length).toBe(10);
    for (let k = 1; k < shown.length; k++) {
      expect(shown[k]!.max, JSON.stringify(shown)).toBeLessThanOrEqual(shown[k - 1]!.max);
      expect(shown[k]!.min, JSON.stringify(shown)).toBeLessThanOrEqual(shown[k - 1]!.min);
      expect(shown[k]!.percent, JSON.stringify(shown)).toBeGreaterThanOrEqual(shown[k - 1]!.percent);
      expect(shown[k]!.min).toBeLessThanOrEqual(shown[k]!.max);
    }

    // The learner's result: the band and per-skill bands, different per skill, and what to study next.
    const result = (await me.client.get(`/api/attempts/${view.id}`)).body.result;
    expect(JSON.stringify(result)).not.toMatch(PSYCHOMETRIC);
    expect(result).not.toHaveProperty('theta');
    expect(result).not.toHaveProperty('se');
    expect(result).not.toHaveProperty('scaledScore');
    expect(result.band).toBeGreaterThanOrEqual(1);
    const skill = (tag: string) => result.bySkill.find((s: { skill: string }) => s.skill === tag);
    expect(skill('論理的思考')).toMatchObject({
      skillId: 'logical-thinking',
      name: { ja: '論理的思考', en: 'Logical thinking' },
      correct: 5,
      answered: 5,
      evidence: 'enough',
    });
    expect(skill('ビジネス基礎')).toMatchObject({ skillId: 'business-basics', correct: 0, answered: 5, evidence: 'enough' });
    expect(skill('論理的思考').band).toBeGreaterThanOrEqual(4);
    expect(skill('ビジネス基礎').band).toBeLessThanOrEqual(2);
    expect(result.focus).toMatchObject({ skill: 'ビジネス基礎', skillId: 'business-basics' });

    // The skill map records each skill's own level, not the whole test's.
    const skills = (await me.client.get('/api/me/skills')).body.skills as { skillId: string; current: number; source: string }[];
    const current = (id: string) => skills.find((s) => s.skillId === id);
    expect(current('logical-thinking')).toMatchObject({ source: 'assessment', current: skill('論理的思考').band });
    expect(current('business-basics')).toMatchObject({ source: 'assessment', current: skill('ビジネス基礎').band });

    // Everything else the learner can read about it carries no θ/SE either.
    expect(JSON.stringify((await me.client.get('/api/me/attempts')).body)).not.toMatch(PSYCHOMETRIC);
    const ownHistory = await me.client.get(`/api/reports/learners/${me.id}`);
    expect(ownHistory.status).toBe(200);
    expect(JSON.stringify(ownHistory.body.attempts)).not.toMatch(PSYCHOMETRIC);

    // HR keeps the psychometric detail: θ, SE, scaled score, and each skill's own estimate.
    const report = await hr.client.get(`/api/reports/learners/${me.id}`);
    expect(report.status).toBe(200);
    const hrResult = report.body.attempts.find((a: { id: string }) => a.id === view.id).result;
    expect(typeof hrResult.theta).toBe('number');
    expect(hrResult.se).toBeGreaterThan(0);
    expect(typeof hrResult.scaledScore).toBe('number');
    const hrSkill = (tag: string) => hrResult.bySkill.find((s: { skill: string }) => s.skill === tag);
    expect(hrSkill('論理的思考').theta).toBeGreaterThan(hrSkill('ビジネス基礎').theta);
    expect(hrSkill('ビジネス基礎').se).toBeGreaterThan(0);
    const csv = await fetch(`${server.url}/api/reports/assessments/${created.body.id}/results.csv`, {
      headers: { authorization: `Bearer ${hr.client.token}` },
    });
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toContain(',θ,SE,スケールスコア,');
    expect(lines.find((l) => l.startsWith(view.id))).toContain(`,${hrResult.theta},${hrResult.se},${hrResult.scaledScore},`);
  });

  it('says "not enough evidence" for a skill the adaptive test asked too little about', async () => {
    const bankId = await seedBank(hr.client, ['問題解決', 'チームワーク'], 8, (i) => -1.5 + (3 * i) / 7);
    const created = await hr.client.post('/api/assessments', {
      title: { ja: '短い適応型テスト' },
      mode: 'adaptive',
      bankIds: [bankId],
      // Four items over two skills: two each, below the three a skill needs for a level of its own.
      adaptive: { skills: ['問題解決', 'チームワーク'], minItems: 4, maxItems: 4, seTarget: 0.1 },
      passMark: 3,
    });
    expect((await hr.client.post(`/api/assessments/${created.body.id}/publish`)).status).toBe(200);
    const me = await learner('junior');
    let view = (await me.client.post(`/api/assessments/${created.body.id}/attempts`)).body;
    while (view.current)
      view = (
        await me.client.post(`/api/attempts/${view.id}/answers`, { questionId: view.current.questionId, response: { optionId: 'a' } })
      ).body.attempt;
    expect(view.result.bySkill).toHaveLength(2);
    for (const s of view.result.bySkill) expect(s).toMatchObject({ answered: 2, band: null, evidence: 'too_few_items' });
    expect(view.result.focus).toBeNull();
    // No level without evidence: the skill map does not take one from this attempt.
    const skills = (await me.client.get('/api/me/skills')).body.skills as { skillId: string; source: string | null }[];
    expect(skills.find((s) => s.skillId === 'problem-solving')?.source ?? null).not.toBe('assessment');
  });
});
