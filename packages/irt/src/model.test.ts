import { describe, expect, it } from 'vitest';
import { information, probability, SCALING_D, testInformation } from './model.js';

// catR / jsCAT work with D = 1; the same item on our D = 1.702 metric has a / D.
const fromDOne = (a: number, b: number, c: number) => ({ a: a / SCALING_D, b, c });

describe('probability', () => {
  it('matches catR reference values (D = 1 items converted)', () => {
    expect(probability(0, fromDOne(1, -0.3, 0.35))).toBeCloseTo(0.7233876, 6);
    expect(probability(0, fromDOne(0.5, 0, 0.25))).toBeCloseTo(0.625, 10);
  });

  it('is c + (1 − c)/2 at θ = b, and tends to c and 1 at the extremes', () => {
    const item = { a: 1.3, b: 0.4, c: 0.2 };
    expect(probability(0.4, item)).toBeCloseTo(0.6, 12);
    expect(probability(-40, item)).toBeCloseTo(0.2, 12);
    expect(probability(40, item)).toBeCloseTo(1, 12);
  });

  it('uses D = 1.702: a 2PL item with a = 1 gives 1/(1 + e^−1.702) one unit above b', () => {
    expect(SCALING_D).toBe(1.702);
    expect(probability(1, { a: 1, b: 0, c: 0 })).toBeCloseTo(1 / (1 + Math.exp(-1.702)), 12);
  });
});

describe('information', () => {
  it('matches catR/jsCAT reference values for 3PL items (D = 1 items converted)', () => {
    expect(information(0, fromDOne(1.53, -0.5, 0.5))).toBeCloseTo(0.2057778, 6);
    expect(information(2.35, fromDOne(1, 2, 0.3))).toBeCloseTo(0.1401249, 6);
  });

  it('equals (D·a)²·P·Q for a 2PL item, peaking at (D·a)²/4 at θ = b', () => {
    const item = { a: 1.2, b: -0.5, c: 0 };
    const p = probability(0.3, item);
    expect(information(0.3, item)).toBeCloseTo((SCALING_D * 1.2) ** 2 * p * (1 - p), 12);
    expect(information(-0.5, item)).toBeCloseTo((SCALING_D * 1.2) ** 2 / 4, 12);
  });

  it('equals P′²/(P·Q), the Fisher information of a Bernoulli response, for a 3PL item', () => {
    const item = { a: 0.9, b: 0.7, c: 0.18 };
    const h = 1e-5;
    for (const theta of [-2, 0, 0.7, 2.5]) {
      const p = probability(theta, item);
      const slope = (probability(theta + h, item) - probability(theta - h, item)) / (2 * h);
      expect(information(theta, item)).toBeCloseTo((slope * slope) / (p * (1 - p)), 8);
    }
  });

  it('peaks above b for a 3PL item, at b + ln((1 + √(1 + 8c))/2)/(D·a) (Lord, 1980)', () => {
    const item = { a: 1, b: 0, c: 0.25 };
    const peak = Math.log((1 + Math.sqrt(1 + 8 * 0.25)) / 2) / SCALING_D;
    expect(information(peak, item)).toBeGreaterThan(information(peak - 0.01, item));
    expect(information(peak, item)).toBeGreaterThan(information(peak + 0.01, item));
  });

  it('sums over items for the test information', () => {
    const items = [fromDOne(1.53, -0.5, 0.5), fromDOne(1, 2, 0.3)];
    expect(testInformation(0, items)).toBeCloseTo(0.2057778 + information(0, items[1]!), 6);
  });
});
