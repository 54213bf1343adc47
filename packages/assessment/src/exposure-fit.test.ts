import { describe, expect, it } from 'vitest';
import {
  type CatConfig,
  isFinished,
  mulberry32,
  nextItem,
  normalSampler,
  probability,
  recordResponse,
  simulateItemBank,
  startCat,
} from '@manabi/irt';
import { assessmentInputSchema, type AssessmentSnapshot } from './assessment.js';
import { adaptiveCatConfig, adaptiveSelectionRng, nextAdaptiveItem, type AnsweredItem } from './engine.js';
import { fitAdaptiveExposure } from './exposure-fit.js';

const skills = ['s1', 's2', 's3'];
const bank = simulateItemBank({ size: 60, skills }, mulberry32(5), normalSampler(mulberry32(6)));
const settings = assessmentInputSchema.parse({
  title: { en: 'CAT' },
  mode: 'adaptive',
  bankIds: ['b'],
  adaptive: { skills, minItems: 6, maxItems: 6, seTarget: 0.1 },
  passMark: 3,
});
const snapshot: AssessmentSnapshot = {
  publishedVersion: 1,
  settings,
  pool: bank.map((item) => ({
    id: item.id,
    owner: 'tenant',
    version: 1,
    type: 'single_choice',
    skills: [item.skill],
    level: null,
    irt: item,
  })),
};
// A smaller fit than the product's (5 rounds of 300 examinees, 9,000 CAT steps) keeps this file near a
// second when alone; the timeouts leave room for a loaded 2-core machine.
const fitted: AssessmentSnapshot = { ...snapshot, exposure: fitAdaptiveExposure(settings, snapshot, { rounds: 5, examinees: 300 }) };

/** Share of examinees who saw the most seen item, through the product's configuration and streams. */
function maxExposure(config: CatConfig, examinees: number): number {
  const counts = new Map<string, number>();
  const normal = normalSampler(mulberry32(99));
  const answers = mulberry32(98);
  for (let k = 0; k < examinees; k++) {
    const theta = normal();
    let state = startCat(config);
    while (!isFinished(state)) {
      const next = nextItem(state, adaptiveSelectionRng(k, state.steps.length));
      state = recordResponse(next.state, next.item!.id, answers() < probability(theta, next.item!));
      counts.set(next.item!.id, (counts.get(next.item!.id) ?? 0) + 1);
    }
  }
  return Math.max(...counts.values()) / examinees;
}

describe('fitAdaptiveExposure', () => {
  it('runs Sympson–Hetter once fitted, and keeps items under the cap that maximum information exceeds', { timeout: 30_000 }, () => {
    expect(adaptiveCatConfig(settings, fitted).selection?.exposure).toEqual({
      kind: 'sympson-hetter',
      parameters: fitted.exposure!.sympsonHetter,
    });
    expect(Object.values(fitted.exposure!.sympsonHetter).some((k) => k < 1)).toBe(true);
    const plain = adaptiveCatConfig(settings, snapshot);
    const uncapped = maxExposure({ ...plain, selection: { ...plain.selection, randomesque: 1 } }, 400);
    const capped = maxExposure(adaptiveCatConfig(settings, fitted), 400);
    expect(uncapped).toBeGreaterThan(0.4);
    // r = 0.2, with room for the fit's own noise on new examinees.
    expect(capped).toBeLessThan(0.27);
  });

  it('serves from the stored attempt exactly what the live test chose, set-aside items included', () => {
    for (const seed of [4, 8, 15]) {
      let state = startCat(adaptiveCatConfig(settings, fitted));
      const answered: AnsweredItem[] = [];
      while (!isFinished(state)) {
        const next = nextItem(state, adaptiveSelectionRng(seed, answered.length));
        expect(nextAdaptiveItem(settings, fitted, answered, seed)).toBe(next.item!.id);
        const correct = answered.length % 2 === 0;
        answered.push({ questionId: next.item!.id, correct, score: correct ? 1 : 0 });
        state = recordResponse(next.state, next.item!.id, correct);
      }
      expect(nextAdaptiveItem(settings, fitted, answered, seed)).toBeNull();
    }
  });
});
