import { describe, expect, it } from 'vitest';
import { calibrate2PL, type ResponseMatrix } from './calibrate.js';
import { probability, SCALING_D, type ItemParams } from './model.js';
import { mulberry32, normalSampler } from './rng.js';

// LSAT section 6 (Bock & Lieberman, 1970): 1000 people, 5 items, as pattern counts.
const lsatPatterns: [string, number][] = [
  ['00000', 3], ['00001', 6], ['00010', 2], ['00011', 11], ['00100', 1], ['00101', 1], ['00110', 3], ['00111', 4],
  ['01000', 1], ['01001', 8], ['01011', 16], ['01101', 3], ['01110', 2], ['01111', 15], ['10000', 10], ['10001', 29],
  ['10010', 14], ['10011', 81], ['10100', 3], ['10101', 28], ['10110', 15], ['10111', 80], ['11000', 16], ['11001', 56],
  ['11010', 21], ['11011', 173], ['11100', 11], ['11101', 61], ['11110', 28], ['11111', 298],
]; // prettier-ignore
const lsat: ResponseMatrix = lsatPatterns.flatMap(([pattern, count]) =>
  Array.from({ length: count }, () => [...pattern].map((ch) => (ch === '1' ? 1 : 0) as 0 | 1)),
);

const correlation = (x: number[], y: number[]) => {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((v, k) => {
    sxy += (v - mx) * (y[k]! - my);
    sxx += (v - mx) ** 2;
    syy += (y[k]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
};
const rmse = (x: number[], y: number[]) => Math.sqrt(x.reduce((s, v, k) => s + (v - y[k]!) ** 2, 0) / x.length);

describe('calibrate2PL on LSAT-6', () => {
  // Reference: R ltm, ltm(LSAT ~ z1, IRT.param = TRUE) — logistic with D = 1, 21 Gauss–Hermite points:
  // log-likelihood −2466.653; Dscrmn 0.8254 0.7229 0.8905 0.6886 0.6575 (SE 0.2581 0.1867 0.2326 0.1852 0.2100);
  // Dffclt −3.3597 −1.3696 −0.2799 −1.8659 −3.1236 (SE 0.8669 0.3073 0.0997 0.4341 0.8700).
  const result = calibrate2PL({ responses: lsat }, { minResponses: 1, tolerance: 1e-6 });
  const ltm = {
    a: [0.8254, 0.7229, 0.8905, 0.6886, 0.6575],
    seA: [0.2581, 0.1867, 0.2326, 0.1852, 0.21],
    b: [-3.3597, -1.3696, -0.2799, -1.8659, -3.1236],
    seB: [0.8669, 0.3073, 0.0997, 0.4341, 0.87],
  };

  it('reaches the published maximum of the marginal likelihood', () => {
    expect(result.converged).toBe(true);
    expect(result.logLikelihood).toBeCloseTo(-2466.653, 2);
  });

  it('reproduces the published a and b (a converted from D = 1)', () => {
    result.items.forEach((item, j) => {
      expect(Math.abs(item.a * SCALING_D - ltm.a[j]!)).toBeLessThan(0.002);
      expect(Math.abs(item.b - ltm.b[j]!)).toBeLessThan(0.005);
    });
  });

  it('reproduces the published standard errors within 1%', () => {
    result.items.forEach((item, j) => {
      expect(Math.abs((item.se!.a * SCALING_D) / ltm.seA[j]! - 1)).toBeLessThan(0.01);
      expect(Math.abs(item.se!.b / ltm.seB[j]! - 1)).toBeLessThan(0.01);
    });
  });

  it('stops earlier with the default tolerance, still within 0.02 of the reference', () => {
    const quick = calibrate2PL({ responses: lsat }, { minResponses: 1 });
    expect(quick.converged).toBe(true);
    expect(quick.iterations).toBeLessThan(result.iterations);
    quick.items.forEach((item, j) => expect(Math.abs(item.b - ltm.b[j]!)).toBeLessThan(0.02));
  });
});

describe('calibrate2PL on simulated data', () => {
  // 2000 people θ ~ N(0, 1), 30 items a ~ lognormal(ln 1, 0.35), b ~ N(0, 1); a quarter of the
  // answers missing at random, as when people see different forms.
  const rng = mulberry32(31);
  const normal = normalSampler(rng);
  const truth: ItemParams[] = Array.from({ length: 30 }, () => ({ a: Math.exp(0.35 * normal()), b: normal(), c: 0 }));
  const people = Array.from({ length: 2000 }, () => normal());
  const responses: ResponseMatrix = people.map((theta) =>
    truth.map((item) => (rng() < 0.25 ? null : rng() < probability(theta, item) ? 1 : 0)),
  );
  const result = calibrate2PL({ responses });

  // With 1500 answers per item the SEs are about 0.09 for a and 0.06–0.11 for b, and over seeds
  // 31–34 RMSE(a) was 0.06–0.10 and RMSE(b) 0.065–0.115: the bounds leave room for that spread only.
  it('converges and recovers a and b: r(a) > 0.9, r(b) > 0.98, RMSE(a) and RMSE(b) < 0.15', () => {
    expect(result.converged).toBe(true);
    const a = result.items.map((i) => i.a);
    const b = result.items.map((i) => i.b);
    expect(
      correlation(
        a,
        truth.map((t) => t.a),
      ),
    ).toBeGreaterThan(0.9);
    expect(
      correlation(
        b,
        truth.map((t) => t.b),
      ),
    ).toBeGreaterThan(0.98);
    expect(
      rmse(
        b,
        truth.map((t) => t.b),
      ),
    ).toBeLessThan(0.15);
    expect(
      rmse(
        a,
        truth.map((t) => t.a),
      ),
    ).toBeLessThan(0.15);
  });

  it('reports standard errors that match the actual estimation error (ratio 0.7–1.4)', () => {
    const meanSquaredSe = result.items.reduce((s, i) => s + i.se!.b ** 2, 0) / result.items.length;
    const ratio =
      Math.sqrt(meanSquaredSe) /
      rmse(
        result.items.map((i) => i.b),
        truth.map((t) => t.b),
      );
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.4);
  });

  it('finds every item well fitting (RMSD < 0.03)', () => {
    for (const item of result.items) expect(item.rmsd).toBeLessThan(0.03);
  });
});

describe('calibrate2PL: which items are calibrated, and fit', () => {
  const rng = mulberry32(8);
  const normal = normalSampler(rng);
  const truth: ItemParams[] = [
    ...Array.from({ length: 10 }, (_, k) => ({ a: 1, b: -1.5 + k / 3, c: 0 })),
    // Generated with heavy guessing: a 2PL cannot fit it.
    { a: 2, b: 1, c: 0.35 },
  ];
  const responses = Array.from({ length: 1500 }, (_, person) => {
    const theta = normal();
    const row: (0 | 1 | null)[] = truth.map((item) => (rng() < probability(theta, item) ? 1 : 0));
    // Item 11 seen by only 100 people, item 12 always answered right.
    row.push(person < 100 ? (rng() < 0.5 ? 1 : 0) : null, 1);
    return row;
  });
  const prior: ItemParams = { a: 0.8, b: 0.3, c: 0.2 };
  const priors = [...truth.map(() => ({ a: 1, b: 0, c: 0 })), prior, prior];
  const result = calibrate2PL({ responses, priors }, { minResponses: 200 });

  it('keeps the prior for items under minResponses or without variance, and says why', () => {
    expect(result.items[11]).toMatchObject({ ...prior, calibrated: false, reason: 'too_few_responses', responses: 100, se: null });
    expect(result.items[12]).toMatchObject({ ...prior, calibrated: false, reason: 'no_variance', responses: 1500, se: null });
    expect(result.items.slice(0, 11).every((i) => i.calibrated && i.c === 0)).toBe(true);
  });

  it('flags the guessing item with the largest RMSD, well above the others', () => {
    const rmsd = result.items.slice(0, 11).map((i) => i.rmsd);
    expect(rmsd[10]).toBeGreaterThan(0.04);
    expect(Math.max(...rmsd.slice(0, 10))).toBeLessThan(0.025);
  });
});
