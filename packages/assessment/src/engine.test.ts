import { describe, expect, it } from 'vitest';
import { assessmentInputSchema, type AssessmentSnapshot, type SnapshotItem } from './assessment.js';
import { BAND_CUTS, finishDecision, isFinished, nextItem, recordResponse, startCat } from '@manabi/irt';
import {
  adaptiveCatConfig,
  adaptiveProgressOf,
  adaptiveSelectionRng,
  nextAdaptiveItem,
  optionOrder,
  PLACEMENT_BAND_Z,
  planFixedForm,
  replayCat,
  scoreAttempt,
  type AnsweredItem,
} from './engine.js';

const item = (id: string, skills: string[], b = 0): SnapshotItem => ({
  id,
  owner: 'tenant',
  version: 1,
  type: 'single_choice',
  skills,
  level: null,
  irt: { a: 1.5, b, c: 0 },
});
const fixed = assessmentInputSchema.parse({
  title: { ja: 'テスト' },
  mode: 'fixed',
  bankIds: ['b'],
  fixed: {
    questionIds: ['X'],
    draws: [
      { skill: 's1', count: 2 },
      { skill: 's2', count: 1 },
    ],
  },
  passMark: 60,
});
const pool = [item('X', ['s9']), item('A1', ['s1']), item('A2', ['s1']), item('A3', ['s1']), item('B1', ['s2']), item('B2', ['s2'])];
const snapshot = (settings = fixed, p = pool): AssessmentSnapshot => ({ publishedVersion: 1, settings, pool: p });

describe('planFixedForm', () => {
  it('holds the explicit question plus the exact draws, distinct, and is reproducible by seed', () => {
    for (let seed = 1; seed < 200; seed++) {
      const form = planFixedForm(fixed, snapshot(), new Map(), seed);
      expect(form).toHaveLength(4);
      expect(new Set(form).size).toBe(4);
      expect(form).toContain('X');
      expect(form.filter((id) => id.startsWith('A'))).toHaveLength(2);
      expect(form.filter((id) => id.startsWith('B'))).toHaveLength(1);
      expect(planFixedForm(fixed, snapshot(), new Map(), seed)).toEqual(form);
    }
  });
  it('avoids questions seen in earlier attempts', () => {
    const seen = new Map([
      ['A1', 1],
      ['A2', 1],
      ['B1', 1],
    ]);
    const form = planFixedForm(fixed, snapshot(), seen, 5);
    expect(form.filter((id) => id.startsWith('A'))).toContain('A3');
    expect(form).toContain('B2');
  });
});

describe('optionOrder', () => {
  it('shuffles per learner and question reproducibly, or keeps the authored order', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const orders = new Set(Array.from({ length: 50 }, (_, s) => optionOrder(ids, s, 'q1', true).join('')));
    expect(orders.size).toBeGreaterThan(10);
    expect(optionOrder(ids, 3, 'q1', true)).toEqual(optionOrder(ids, 3, 'q1', true));
    expect(optionOrder(ids, 3, 'q1', true).sort()).toEqual(ids);
    expect(optionOrder(ids, 3, 'q1', false)).toEqual(ids);
  });
});

describe('adaptive', () => {
  const adaptive = assessmentInputSchema.parse({
    title: { en: 'CAT' },
    mode: 'adaptive',
    bankIds: ['b'],
    adaptive: { skills: ['s1', 's2'], minItems: 3, maxItems: 6, seTarget: 0.2 },
    passMark: 3,
  });
  const catPool = Array.from({ length: 40 }, (_, i) => item(`Q${i}`, [i % 2 ? 's1' : 's2'], -2 + i / 10));
  const snap = snapshot(adaptive, catPool);

  it('never repeats an item, balances skills and stops at the maximum', () => {
    const answered: AnsweredItem[] = [];
    for (;;) {
      const next = nextAdaptiveItem(adaptive, snap, answered, 11);
      if (!next) break;
      expect(answered.map((a) => a.questionId)).not.toContain(next);
      answered.push({ questionId: next, correct: true, score: 1 });
    }
    expect(answered).toHaveLength(6);
    const skills = answered.map((a) => catPool.find((p) => p.id === a.questionId)!.skills[0]);
    expect(skills.filter((s) => s === 's1')).toHaveLength(3);
  });

  it('moves to harder items after right answers', () => {
    const first = nextAdaptiveItem(adaptive, snap, [], 1)!;
    const afterRight = nextAdaptiveItem(adaptive, snap, [{ questionId: first, correct: true, score: 1 }], 1)!;
    const b = (id: string) => catPool.find((p) => p.id === id)!.irt.b;
    expect(b(afterRight)).toBeGreaterThan(b(first));
  });

  it('scores θ, band and scaled score, and passes at the pass band', () => {
    const all = catPool.slice(20, 26).map((p) => ({ questionId: p.id, correct: true, score: 1 }));
    const s = scoreAttempt(adaptive, snap, all, null);
    expect(s.theta).toBeGreaterThan(1);
    expect(s.band).toBeGreaterThanOrEqual(4);
    expect(s.passed).toBe(true);
    // The scaled score comes from the unrounded θ; θ is reported to 3 decimals (±0.05 on the scale).
    expect(Math.abs(s.scaledScore! - (500 + 100 * s.theta!))).toBeLessThanOrEqual(0.55);
  });

  it('rates each skill from its own answers: 1 of 3 right ranks below 3 of 3', () => {
    // Same difficulties for both skills, so only the answers differ.
    const items = ['s1', 's2'].flatMap((skill) => [-0.5, 0, 0.5].map((b, i) => item(`${skill}-${i}`, [skill], b)));
    const answers = items.map((p) => ({ questionId: p.id, correct: p.skills[0] === 's2' || p.id === 's1-0', score: 0 }));
    for (const x of answers) x.score = x.correct ? 1 : 0;
    const s = scoreAttempt(adaptive, snapshot(adaptive, items), answers, null);
    const [weak, strong] = s.bySkill;
    expect(weak).toMatchObject({ skill: 's1', correct: 1, answered: 3, evidence: 'enough' });
    expect(strong).toMatchObject({ skill: 's2', correct: 3, answered: 3, evidence: 'enough' });
    expect(weak!.band!).toBeLessThan(strong!.band!);
    // The whole test lands between them, so one level for both would misstate both.
    expect(weak!.band!).toBeLessThanOrEqual(s.band);
    expect(strong!.band!).toBeGreaterThanOrEqual(s.band);
  });

  it('runs the configuration adaptiveCatConfig states, with adaptiveSelectionRng (what bench:cat measures)', () => {
    const config = adaptiveCatConfig(adaptive, snap);
    expect(config.stopping).toEqual({ minItems: 3, maxItems: 6, targetSe: 0.2 });
    expect(config.selection).toEqual({ randomesque: 5, skillTargets: { s1: 1, s2: 1 } });
    for (const seed of [3, 17, 42]) {
      let state = startCat(config);
      const answered: AnsweredItem[] = [];
      while (!isFinished(state)) {
        const id = nextItem(state, adaptiveSelectionRng(seed, answered.length)).item!.id;
        expect(nextAdaptiveItem(adaptive, snap, answered, seed)).toBe(id);
        const correct = answered.length % 3 !== 1;
        answered.push({ questionId: id, correct, score: correct ? 1 : 0 });
        state = recordResponse(state, id, correct);
      }
      expect(nextAdaptiveItem(adaptive, snap, answered, seed)).toBeNull();
    }
  });

  it('stops a placement test once the band is decided, well before the maximum, and only when asked to', () => {
    const placement = assessmentInputSchema.parse({
      ...adaptive,
      adaptive: { ...adaptive.adaptive, maxItems: 20, seTarget: 0.1, stopWhenBandDecided: true },
    });
    const plain = assessmentInputSchema.parse({ ...placement, adaptive: { ...placement.adaptive, stopWhenBandDecided: undefined } });
    expect(adaptiveCatConfig(placement, snapshot(placement, catPool)).stopping.band).toEqual({ cuts: BAND_CUTS, z: PLACEMENT_BAND_Z });
    expect(adaptiveCatConfig(plain, snapshot(plain, catPool)).stopping.band).toBeUndefined();
    // A learner who solves exactly the items easier than 2.5 is a full logit above the top cut (1.5): the
    // band is decided once 1.96·SE < 1, long before the SE reaches 0.1.
    const widePool = Array.from({ length: 60 }, (_, i) => item(`W${i}`, [i % 2 ? 's1' : 's2'], -3 + i / 10));
    const run = (settings: typeof adaptive) => {
      const snap2 = snapshot(settings, widePool);
      const answered: AnsweredItem[] = [];
      for (let next = nextAdaptiveItem(settings, snap2, answered, 9); next; next = nextAdaptiveItem(settings, snap2, answered, 9)) {
        const correct = widePool.find((p) => p.id === next)!.irt.b < 2.5;
        answered.push({ questionId: next, correct, score: correct ? 1 : 0 });
      }
      return { answered, score: scoreAttempt(settings, snap2, answered, null) };
    };
    const decided = run(placement);
    expect(finishDecision(replayCat(placement, snapshot(placement, widePool), decided.answered)).reason).toBe('band_decided');
    expect(decided.answered.length).toBeLessThan(run(plain).answered.length);
    expect(decided.score.band).toBe(5);
  });

  it('reports the range and percent of a running test, and 100 % once it stops', () => {
    const answered: AnsweredItem[] = [];
    const first = adaptiveProgressOf(adaptive, snap, answered);
    expect(first.answered).toBe(0);
    expect(first.left.min).toBeGreaterThanOrEqual(3);
    expect(first.left.max).toBeLessThanOrEqual(6);
    for (;;) {
      const next = nextAdaptiveItem(adaptive, snap, answered, 5);
      if (!next) break;
      answered.push({ questionId: next, correct: answered.length % 2 === 0, score: answered.length % 2 === 0 ? 1 : 0 });
    }
    expect(adaptiveProgressOf(adaptive, snap, answered)).toEqual({ answered: answered.length, left: { min: 0, max: 0 }, percent: 100 });
  });
});

describe('scoreAttempt (fixed)', () => {
  it('scores against the whole form (unanswered count as wrong) with a per-skill breakdown', () => {
    const s = scoreAttempt(
      fixed,
      snapshot(),
      [
        { questionId: 'A1', correct: true, score: 1 },
        { questionId: 'B1', correct: false, score: 0 },
        { questionId: 'X', correct: true, score: 1 },
      ],
      4,
    );
    expect(s).toMatchObject({ score: 50, passed: false, correct: 2, answered: 3, band: 3 });
    const fixedSkill = { evidence: 'enough', theta: null, se: null };
    expect(s.bySkill).toEqual([
      { skill: 's1', correct: 1, answered: 1, percent: 100, band: 5, ...fixedSkill },
      { skill: 's2', correct: 0, answered: 1, percent: 0, band: 1, ...fixedSkill },
      { skill: 's9', correct: 1, answered: 1, percent: 100, band: 5, ...fixedSkill },
    ]);
  });
});

describe('scoreAttempt with partial credit (matching, cloze)', () => {
  it('takes the percent from the exact sum of scores, not from the rounded count', () => {
    const s = scoreAttempt(
      fixed,
      snapshot(),
      [
        { questionId: 'A1', correct: false, score: 2 / 3 },
        { questionId: 'B1', correct: false, score: 1 / 2 },
      ],
      2,
    );
    expect(s).toMatchObject({ score: 58.3, correct: 1.2, answered: 2 });
  });
});

describe('assessmentInputSchema', () => {
  it('names what is missing', () => {
    const r = assessmentInputSchema.safeParse({ title: {}, mode: 'adaptive', bankIds: [], passMark: 9 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['adaptive', 'bankIds', 'passMark', 'title']);
  });
});
