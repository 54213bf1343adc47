import { describe, expect, it } from 'vitest';
import { mulberry32, normalSampler, simulateCat, simulateItemBank, type Rng } from '@manabi/irt';
import { adaptiveProgress, rawItemsLeft, type AdaptiveProgress, type ProgressRule } from './adaptive-progress.js';

/** Every prefix of one simulated test, as the learner would see it after each answer. */
function shownAlong(seAfter: readonly number[], rule: ProgressRule): AdaptiveProgress[] {
  return seAfter.map((_, k) => adaptiveProgress(seAfter.slice(0, k), rule, false)).concat(adaptiveProgress(seAfter, rule, true));
}

function expectStable(shown: readonly AdaptiveProgress[], rule: ProgressRule, where: string) {
  for (let k = 0; k < shown.length; k++) {
    const now = shown[k]!;
    const running = k < shown.length - 1;
    const label = `${where} after ${k} answers: ${JSON.stringify(now)}`;
    expect(now.left.min, label).toBeLessThanOrEqual(now.left.max);
    if (running) {
      expect(now.left.min, label).toBeGreaterThanOrEqual(1);
      expect(now.percent, label).toBeLessThan(100);
      // Never more than the test can still ask.
      expect(now.left.max, label).toBeLessThanOrEqual(Math.min(rule.maxItems, rule.poolSize) - now.answered);
    } else {
      expect(now, label).toEqual({ answered: now.answered, left: { min: 0, max: 0 }, percent: 100 });
    }
    if (k === 0) continue;
    const before = shown[k - 1]!;
    expect(now.percent, label).toBeGreaterThanOrEqual(before.percent);
    expect(now.left.max, label).toBeLessThanOrEqual(before.left.max);
    expect(now.left.min, label).toBeLessThanOrEqual(before.left.min);
  }
}

describe('adaptiveProgress', () => {
  it('property: across simulated tests the percent never falls and the range never jumps up', () => {
    // Hand-rolled property run (fast-check is not in the lockfile): 300 random configurations,
    // banks and examinees, each test replayed answer by answer.
    const rng: Rng = mulberry32(20261207);
    const normal = normalSampler(rng);
    for (let run = 0; run < 300; run++) {
      const minItems = 1 + Math.floor(rng() * 8);
      const maxItems = minItems + Math.floor(rng() * 20);
      const targetSe = 0.2 + rng() * 0.4;
      const pool = simulateItemBank({ size: 10 + Math.floor(rng() * 50), skills: ['a', 'b', 'c'] }, rng, normal);
      const rule: ProgressRule = { minItems, maxItems, targetSe, poolSize: pool.length };
      const state = simulateCat({ pool, stopping: { minItems, maxItems, targetSe } }, 2.5 * normal(), rng);
      expectStable(
        shownAlong(
          state.steps.map((s) => s.se),
          rule,
        ),
        rule,
        `run ${run} ${JSON.stringify(rule)}`,
      );
    }
  });

  it('property: holds for any SE path, even one that widens after a surprising answer', () => {
    const rng = mulberry32(7);
    for (let run = 0; run < 500; run++) {
      const rule: ProgressRule = {
        minItems: Math.floor(rng() * 6),
        maxItems: 5 + Math.floor(rng() * 30),
        targetSe: 0.15 + rng() * 0.5,
        poolSize: 200,
      };
      const length = Math.floor(rng() * rule.maxItems);
      const seAfter = Array.from({ length }, () => 0.1 + rng() * 0.9);
      expectStable(shownAlong(seAfter, rule), rule, `path ${run}`);
    }
  });

  it('does not jump when the SE widens mid-test (the 3 → 9 case)', () => {
    const rule: ProgressRule = { minItems: 5, maxItems: 20, targetSe: 0.3, poolSize: 100 };
    // The SE falls, then an unexpected answer widens it: the raw guess jumps up…
    const seAfter = [0.8, 0.62, 0.5, 0.43, 0.38, 0.34, 0.45];
    expect(rawItemsLeft(7, 0.45, rule).max).toBeGreaterThan(rawItemsLeft(6, 0.34, rule).max);
    const before = adaptiveProgress(seAfter.slice(0, 6), rule, false);
    const after = adaptiveProgress(seAfter, rule, false);
    // …the shown range does not.
    expect(after.left.max).toBeLessThanOrEqual(before.left.max);
    expect(after.percent).toBeGreaterThanOrEqual(before.percent);
  });

  it('starts from the minimum length and a typical item, and counts down the minimum', () => {
    const rule: ProgressRule = { minItems: 5, maxItems: 20, targetSe: 0.3, poolSize: 100 };
    const start = adaptiveProgress([], rule, false);
    expect(start.left.min).toBeGreaterThanOrEqual(5);
    expect(start.left.max).toBeLessThanOrEqual(20);
    expect(start.percent).toBe(0);
    const two = adaptiveProgress([0.8, 0.7], rule, false);
    expect(two.left.min).toBeGreaterThanOrEqual(3);
  });
});

describe('rawItemsLeft with a likelihood-based SE', () => {
  it('takes no prior precision out of 1/SE² when the SE is the WLE’s 1/√I', () => {
    // 4 answers with 1/SE² = 4; target 0.25 needs 1/SE² = 16.
    const rule: ProgressRule = { minItems: 1, maxItems: 60, targetSe: 0.25, poolSize: 100 };
    // WLE: 1 per item, 16 in all, 12 more (±25 %).
    expect(rawItemsLeft(4, 0.5, { ...rule, priorPrecision: 0 })).toEqual({ min: 9, max: 15 });
    // Posterior SD under N(0, 1): (4 − 1)/4 per item, (16 − 1)/0.75 = 20 in all, 16 more.
    expect(rawItemsLeft(4, 0.5, rule)).toEqual({ min: 12, max: 20 });
  });
});
