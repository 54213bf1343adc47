import { describe, expect, it } from 'vitest';
import type { CatConfig } from './cat.js';
import { exposureRates, fitSympsonHetter, maxExposureRate, sympsonHetterUpdate, type ExposureTally } from './exposure.js';
import { mulberry32, normalSampler } from './rng.js';
import { simulateCat, simulateItemBank, tallyExposure } from './simulate.js';

describe('sympsonHetterUpdate', () => {
  const tally = { examinees: 200, selected: { x: 100, y: 40, z: 10 }, administered: { x: 60, y: 40, z: 10 } };

  it('sets K = r / P(S) for over-selected items and 1 otherwise', () => {
    expect(sympsonHetterUpdate(tally, 0.2)).toEqual({ x: 0.4, y: 1, z: 1 });
    expect(sympsonHetterUpdate(tally, 0.1)).toEqual({ x: 0.2, y: 0.5, z: 1 });
  });

  it('computes exposure rates from administrations', () => {
    expect(exposureRates(tally)).toEqual({ x: 0.3, y: 0.2, z: 0.05 });
    expect(maxExposureRate(tally)).toBe(0.3);
  });

  it('rejects a target outside (0, 1]', () => {
    expect(() => sympsonHetterUpdate(tally, 0)).toThrow(RangeError);
  });
});

describe('fitSympsonHetter', () => {
  it('keeps the parameters whose own simulation had the lowest maximum exposure', () => {
    // Scripted rounds: max exposure 0.6, then 0.28, then 0.33 (an overshoot after a reset to K = 1).
    const script: ExposureTally[] = [
      { examinees: 100, selected: { x: 60, y: 30 }, administered: { x: 60, y: 30 } },
      { examinees: 100, selected: { x: 70, y: 28 }, administered: { x: 28, y: 28 } },
      { examinees: 100, selected: { x: 70, y: 33 }, administered: { x: 25, y: 33 } },
    ];
    const seen: Record<string, number>[] = [];
    const fit = fitSympsonHetter(
      (parameters, round) => {
        seen.push(parameters);
        return script[round]!;
      },
      0.3,
      3,
    );
    expect(seen[0]).toEqual({});
    expect(seen[1]).toEqual({ x: 0.5, y: 1 });
    expect(fit.parameters).toEqual({ x: 0.5, y: 1 });
    expect(fit.maxExposure).toBe(0.28);
  });
});

describe('Sympson–Hetter iteration on a simulated CAT', () => {
  // The maximum of many noisy exposure rates sits a little above r even once the iteration has
  // settled (items just under r get K = 1 and drift over): the ceilings below leave room for that.
  // The timeout is for a loaded 2-core machine: alone this runs in about a second, beside the rest
  // of the suite it took 5.8 s, over vitest's 5 s default.
  it('brings exposure from over 0.5 to about the 0.3 target, checked on fresh examinees', { timeout: 30_000 }, () => {
    const skills = ['a', 'b', 'c'];
    // Sized to stay well under a second on a loaded machine: 6 of 60 items, 300 examinees, four
    // rounds whose first (K = 1 everywhere) is the uncontrolled CAT, then one check on fresh
    // examinees: 9,000 CAT steps. Across ten bank/examinee seeds this size gave an uncontrolled
    // maximum of 0.60–0.80 (top-ten mean 0.42–0.45) and a controlled one of 0.33–0.38 (top ten
    // 0.30–0.32), so the bounds below separate the two with room on both sides.
    const pool = simulateItemBank({ size: 60, skills }, mulberry32(5), normalSampler(mulberry32(6)));
    const run = (sympsonHetter: Record<string, number>, seed: number) => {
      const config: CatConfig = {
        pool,
        stopping: { minItems: 6, maxItems: 6, targetSe: 0 },
        selection: { skillTargets: { a: 1, b: 1, c: 1 }, sympsonHetter },
      };
      const rng = mulberry32(seed);
      const normal = normalSampler(rng);
      return tallyExposure(Array.from({ length: 300 }, () => simulateCat(config, normal(), rng)));
    };
    const topTenMean = (rates: Record<string, number>) =>
      Object.values(rates)
        .sort((x, y) => y - x)
        .slice(0, 10)
        .reduce((s, r) => s + r, 0) / 10;

    let parameters: Record<string, number> = {};
    let uncontrolled: ExposureTally | null = null;
    for (let round = 0; round < 4; round++) {
      const tally = run(parameters, 200 + round);
      uncontrolled ??= tally;
      parameters = sympsonHetterUpdate(tally, 0.3);
    }
    const controlled = run(parameters, 999);
    expect(maxExposureRate(uncontrolled!)).toBeGreaterThan(0.5);
    expect(topTenMean(exposureRates(uncontrolled!))).toBeGreaterThan(0.4);
    expect(maxExposureRate(controlled)).toBeLessThan(0.4);
    expect(topTenMean(exposureRates(controlled))).toBeLessThan(0.34);
    // Not bought by shutting the best items out: they are still given near the target rate.
    expect(topTenMean(exposureRates(controlled))).toBeGreaterThan(0.25);
  });
});
