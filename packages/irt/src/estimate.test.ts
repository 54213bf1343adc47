import { describe, expect, it } from 'vitest';
import { estimateAbilityEAP, estimateAbilityMLE, estimateAbilityWLE, type ScoredResponse } from './estimate.js';
import { probability, SCALING_D, type ItemParams } from './model.js';
import { normalQuadrature } from './quadrature.js';
import { mulberry32 } from './rng.js';

// Reference values below come from catR (eapEst / thetaEst, D = 1), as recorded in the golden
// fixtures of @bdelab/jscat (validated against catR and mirt); we convert their a to our D = 1.702.
const fromDOne = (a: number, b: number, c: number): ItemParams => ({ a: a / SCALING_D, b, c });
const scored = (items: ItemParams[], answers: number[]): ScoredResponse[] => items.map((item, k) => ({ item, correct: answers[k] === 1 }));

// catR's eapEst(lower = −6, upper = 6) grid.
const catRGrid = normalQuadrature({ min: -6, max: 6, points: 121 });

/**
 * Independent brute force: Simpson's rule on a fine grid over [−10, 10], written from the 3PL
 * formula directly rather than through the package.
 */
function bruteForceEap(responses: ScoredResponse[], priorMean = 0, priorSd = 1): { theta: number; se: number } {
  const n = 20_000;
  const h = 20 / n;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (let k = 0; k <= n; k++) {
    const t = -10 + k * h;
    let like = Math.exp(-0.5 * ((t - priorMean) / priorSd) ** 2);
    for (const { item, correct } of responses) {
      const p = item.c + (1 - item.c) / (1 + Math.exp(-1.702 * item.a * (t - item.b)));
      like *= correct ? p : 1 - p;
    }
    const simpson = k === 0 || k === n ? 1 : k % 2 === 1 ? 4 : 2;
    m0 += simpson * like;
    m1 += simpson * like * t;
    m2 += simpson * like * t * t;
  }
  const theta = m1 / m0;
  return { theta, se: Math.sqrt(m2 / m0 - theta * theta) };
}

const mixed = scored(
  [
    { a: 1.4, b: -1.2, c: 0.2 },
    { a: 0.8, b: -0.3, c: 0 },
    { a: 1.9, b: 0.4, c: 0.15 },
    { a: 1.1, b: 1.3, c: 0.1 },
    { a: 0.6, b: 0.0, c: 0.25 },
  ],
  [1, 1, 0, 1, 0],
);

describe('estimateAbilityEAP', () => {
  it('matches catR eapEst: two wrong answers to easy guessable items', () => {
    const responses = scored([fromDOne(1, -4, 0.5), fromDOne(1, -3, 0.5)], [0, 0]);
    const { theta, se } = estimateAbilityEAP(responses, catRGrid);
    expect(theta).toBeCloseTo(-1.649, 3);
    expect(se).toBeCloseTo(0.8956, 3);
  });

  it('matches catR eapEst after a further right answer (−1.486)', () => {
    const responses = scored([fromDOne(1, -4, 0.5), fromDOne(1, -3, 0.5), fromDOne(1, -2.5, 0.2)], [0, 0, 1]);
    expect(estimateAbilityEAP(responses, catRGrid).theta).toBeCloseTo(-1.486, 3);
  });

  it('matches catR eapEst with a uniform prior on [−4, 4] (−3.122)', () => {
    const nodes = catRGrid.nodes;
    const support = nodes.filter((t) => t >= -4 - 1e-9 && t <= 4 + 1e-9).length;
    const uniform = { nodes, weights: nodes.map((t) => (t >= -4 - 1e-9 && t <= 4 + 1e-9 ? 1 / support : 0)) };
    const responses = scored([fromDOne(1, -4, 0.5), fromDOne(1, -3, 0.5), fromDOne(1, -2.5, 0.2)], [0, 0, 1]);
    expect(estimateAbilityEAP(responses, uniform).theta).toBeCloseTo(-3.122, 3);
  });

  it('agrees with brute-force integration on the default 81-point grid', () => {
    const reference = bruteForceEap(mixed);
    const { theta, se } = estimateAbilityEAP(mixed);
    expect(Math.abs(theta - reference.theta)).toBeLessThan(1e-3);
    expect(Math.abs(se - reference.se)).toBeLessThan(1e-3);
  });

  it('honours a configured prior N(0.5, 0.8²)', () => {
    const reference = bruteForceEap(mixed, 0.5, 0.8);
    const { theta, se } = estimateAbilityEAP(mixed, normalQuadrature({ mean: 0.5, sd: 0.8 }));
    expect(Math.abs(theta - reference.theta)).toBeLessThan(1e-3);
    expect(Math.abs(se - reference.se)).toBeLessThan(1e-3);
    expect(theta).toBeGreaterThan(estimateAbilityEAP(mixed).theta);
  });

  it('returns the prior (0, ≈1) with no responses and stays finite when all answers are right', () => {
    const none = estimateAbilityEAP([]);
    expect(none.theta).toBeCloseTo(0, 10);
    expect(none.se).toBeCloseTo(1, 2);
    const allRight = scored(
      [
        { a: 1, b: 0, c: 0 },
        { a: 1, b: 1, c: 0 },
        { a: 1.5, b: 2, c: 0 },
      ],
      [1, 1, 1],
    );
    const reference = bruteForceEap(allRight);
    // The posterior's right tail reaches past the grid's edge at 4, which costs about 0.002 here.
    expect(Math.abs(estimateAbilityEAP(allRight).theta - reference.theta)).toBeLessThan(0.005);
    expect(estimateAbilityEAP(allRight).theta).toBeGreaterThan(1.8);
  });

  it('does not underflow on a 200-item pattern', () => {
    const long = Array.from({ length: 200 }, (_, k) => ({ item: { a: 1.5, b: -2 + (4 * k) / 199, c: 0.2 }, correct: k % 3 !== 0 }));
    const { theta, se } = estimateAbilityEAP(long);
    expect(Number.isFinite(theta)).toBe(true);
    expect(se).toBeGreaterThan(0.05);
    expect(se).toBeLessThan(0.2);
  });
});

describe('estimateAbilityMLE', () => {
  it('matches catR thetaEst (ML): −1.642307 with SE 0.8236', () => {
    const responses = scored([fromDOne(2.225, -1.885, 0.21), fromDOne(1.174, -2.411, 0.212), fromDOne(2.104, -2.439, 0.192)], [1, 0, 1]);
    const estimate = estimateAbilityMLE(responses);
    expect(estimate?.theta).toBeCloseTo(-1.642307, 5);
    expect(estimate?.se).toBeCloseTo(0.82358, 4);
  });

  it('reaches the exact maximum of a 7-item 3PL pattern (SE 1.709 as in catR)', () => {
    const bs = [-0.447, 2.869, -0.469, -0.576, -1.43, -1.607, 0.529];
    const responses = scored(
      bs.map((b) => fromDOne(1, b, 0.5)),
      [0, 1, 0, 1, 1, 1, 1],
    );
    const estimate = estimateAbilityMLE(responses);
    // Brute-force maximiser (scipy bounded search, xatol 1e-10): −1.2989371.
    expect(estimate?.theta).toBeCloseTo(-1.2989371, 5);
    expect(estimate?.se).toBeCloseTo(1.7094, 3);
  });

  it('finds the maximiser of the brute-force likelihood for a mixed 2PL/3PL pattern', () => {
    let best = -10;
    let bestValue = -Infinity;
    for (let t = -6; t <= 6; t += 1e-4) {
      let value = 0;
      for (const { item, correct } of mixed) {
        const p = item.c + (1 - item.c) / (1 + Math.exp(-1.702 * item.a * (t - item.b)));
        value += Math.log(correct ? p : 1 - p);
      }
      if (value > bestValue) [best, bestValue] = [t, value];
    }
    expect(Math.abs(estimateAbilityMLE(mixed)!.theta - best)).toBeLessThan(2e-4);
  });

  it('equals the closed form for one-parameter items: Σ right answers = Σ P(θ̂)', () => {
    const items = [-1, -0.5, 0, 0.5, 1].map((b) => ({ a: 1, b, c: 0 }));
    const responses = scored(items, [1, 1, 1, 0, 0]);
    const { theta } = estimateAbilityMLE(responses)!;
    const expected = items.reduce((s, item) => s + 1 / (1 + Math.exp(-SCALING_D * (theta - item.b))), 0);
    expect(expected).toBeCloseTo(3, 8);
    // By symmetry of the b values, 3 of 5 right lies above 0.
    expect(theta).toBeGreaterThan(0);
  });

  it('returns null when all answers are right or all are wrong', () => {
    const items = [
      { a: 1, b: 0, c: 0 },
      { a: 1.2, b: 0.5, c: 0.2 },
    ];
    expect(estimateAbilityMLE(scored(items, [1, 1]))).toBeNull();
    expect(estimateAbilityMLE(scored(items, [0, 0]))).toBeNull();
    expect(estimateAbilityMLE([])).toBeNull();
  });

  it('returns null when the 3PL likelihood peaks at the edge of the interval', () => {
    // One right answer to a hard item with high guessing, wrong to an easy one: the likelihood
    // keeps rising towards −∞ (the right answer is best explained as a guess).
    const responses = scored(
      [
        { a: 2, b: 2, c: 0.3 },
        { a: 2, b: -1, c: 0 },
      ],
      [1, 0],
    );
    expect(estimateAbilityMLE(responses)).toBeNull();
  });
});

describe('estimateAbilityWLE', () => {
  const item = { a: 1.2, b: 0.3, c: 0 };
  const logit = (p: number) => Math.log(p / (1 - p));

  it('has the closed form P(θ̂) = (n + ½)/(n + 1) for n identical 2PL items all right (3/4 for one), mirrored when all wrong', () => {
    // Warm's equation for n identical items, all right: n·Da·(1 − P) + Da·(1 − 2P)/2 = 0.
    for (const n of [1, 2, 5, 12]) {
      const p = (n + 0.5) / (n + 1);
      const right = estimateAbilityWLE(Array.from({ length: n }, () => ({ item, correct: true })))!;
      const wrong = estimateAbilityWLE(Array.from({ length: n }, () => ({ item, correct: false })))!;
      expect(right.theta).toBeCloseTo(item.b + logit(p) / (SCALING_D * item.a), 8);
      expect(wrong.theta).toBeCloseTo(item.b - logit(p) / (SCALING_D * item.a), 8);
      // SE = 1/√I(θ̂), with I = n·(Da)²·P·Q.
      expect(right.se).toBeCloseTo(1 / Math.sqrt(n * (SCALING_D * item.a) ** 2 * p * (1 - p)), 8);
    }
  });

  it('maximises log L + ½·log I for a 2PL pattern (independent brute force)', () => {
    const items = [
      { a: 1.4, b: -1.2, c: 0 },
      { a: 0.8, b: -0.3, c: 0 },
      { a: 1.9, b: 0.4, c: 0 },
      { a: 1.1, b: 1.3, c: 0 },
      { a: 0.6, b: 0, c: 0 },
    ];
    const answers = [1, 1, 0, 1, 0];
    let best = -Infinity;
    let argmax = 0;
    for (let t = -6; t <= 6; t += 1e-4) {
      let objective = 0;
      let info = 0;
      items.forEach((it, k) => {
        const p = 1 / (1 + Math.exp(-1.702 * it.a * (t - it.b)));
        objective += Math.log(answers[k] ? p : 1 - p);
        info += (1.702 * it.a) ** 2 * p * (1 - p);
      });
      objective += 0.5 * Math.log(info);
      if (objective > best) {
        best = objective;
        argmax = t;
      }
    }
    expect(estimateAbilityWLE(scored(items, answers))!.theta).toBeCloseTo(argmax, 3);
  });

  it('solves Warm’s equation for a 3PL pattern (derivatives by finite differences)', () => {
    const { theta } = estimateAbilityWLE(mixed)!;
    const h = 1e-4;
    let score = 0;
    let info = 0;
    let j = 0;
    for (const { item: it, correct } of mixed) {
      const p = probability(theta, it);
      const dp = (probability(theta + h, it) - probability(theta - h, it)) / (2 * h);
      const d2p = (probability(theta + h, it) - 2 * p + probability(theta - h, it)) / (h * h);
      score += ((correct ? 1 - p : -p) * dp) / (p * (1 - p));
      info += (dp * dp) / (p * (1 - p));
      j += (dp * d2p) / (p * (1 - p));
    }
    expect(Math.abs(score + j / (2 * info))).toBeLessThan(1e-5);
  });

  it('is finite for all-right and all-wrong 3PL patterns, stays inside the interval, and is null without answers', () => {
    const items = mixed.map((r) => r.item);
    const high = estimateAbilityWLE(items.map((it) => ({ item: it, correct: true })))!;
    const low = estimateAbilityWLE(items.map((it) => ({ item: it, correct: false })))!;
    expect(high.theta).toBeGreaterThan(1);
    expect(low.theta).toBeLessThan(-1);
    for (const e of [high, low]) expect(Number.isFinite(e.se)).toBe(true);
    const clipped = estimateAbilityWLE(
      items.map((it) => ({ item: it, correct: true })),
      { min: -1, max: 1 },
    )!;
    expect(clipped.theta).toBe(1);
    expect(estimateAbilityWLE([])).toBeNull();
  });

  it('removes the EAP’s pull to the mean at θ = ±2, and its SE matches the actual error there', () => {
    // A 20-item 2PL form spread over [−2.5, 2.5]; 400 examinees at each θ. Measured with this seed:
    // EAP bias ≈ ∓0.23 with SE 0.37 below its RMSE 0.41, coverage 0.92–0.93; WLE bias under 0.01,
    // SE 0.43 for RMSE 0.40, coverage 0.98.
    const form = Array.from({ length: 20 }, (_, k) => ({ a: 1.2, b: -2.5 + (5 * k) / 19, c: 0 }));
    const rng = mulberry32(1);
    for (const theta of [-2, 2]) {
      const patterns = Array.from({ length: 400 }, () => form.map((it) => ({ item: it, correct: rng() < probability(theta, it) })));
      const summary = (estimates: { theta: number; se: number }[]) => ({
        bias: estimates.reduce((s, e) => s + e.theta - theta, 0) / estimates.length,
        rmse: Math.sqrt(estimates.reduce((s, e) => s + (e.theta - theta) ** 2, 0) / estimates.length),
        se: Math.sqrt(estimates.reduce((s, e) => s + e.se ** 2, 0) / estimates.length),
        coverage: estimates.filter((e) => Math.abs(e.theta - theta) <= 1.96 * e.se).length / estimates.length,
      });
      const eap = summary(patterns.map((p) => estimateAbilityEAP(p)));
      const wle = summary(patterns.map((p) => estimateAbilityWLE(p)!));
      expect(-Math.sign(theta) * eap.bias, `EAP pulled towards 0 at ${theta}`).toBeGreaterThan(0.15);
      expect(Math.abs(wle.bias)).toBeLessThan(0.07);
      expect(eap.se / eap.rmse).toBeLessThan(0.95);
      expect(wle.se / wle.rmse).toBeGreaterThan(0.9);
      expect(wle.se / wle.rmse).toBeLessThan(1.2);
      expect(eap.coverage).toBeLessThan(0.94);
      expect(wle.coverage).toBeGreaterThanOrEqual(0.95);
    }
  });
});
