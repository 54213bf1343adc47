import { describe, expect, it } from 'vitest';
import { completionStats, moments, resultStats, skillStats } from './stats.js';

describe('moments', () => {
  it('gives mean and population variance from fixed-point sums', () => {
    // Scores 70, 80, 90 in tenths.
    const m = moments(3, 700 + 800 + 900, 700 ** 2 + 800 ** 2 + 900 ** 2, 10);
    expect(m.mean).toBe(80);
    expect(m.variance).toBeCloseTo(200 / 3, 12);
    expect(m.sd).toBeCloseTo(Math.sqrt(200 / 3), 12);
  });

  it('keeps every digit where the textbook formula cancels', () => {
    // 10,000 scores alternating 99.8 and 99.9: variance 0.0025 exactly.
    const xs = Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? 998 : 999));
    const sum = xs.reduce((s, x) => s + x, 0);
    const sumSq = xs.reduce((s, x) => s + x * x, 0);
    expect(moments(xs.length, sum, sumSq, 10).variance).toBe(0.0025);
  });

  it('has no figures for an empty cell and zero spread for one value', () => {
    expect(moments(0, 0, 0, 10)).toEqual({ count: 0, mean: null, variance: null, sd: null });
    expect(moments(1, 725, 725 * 725, 10)).toEqual({ count: 1, mean: 72.5, variance: 0, sd: 0 });
  });
});

describe('resultStats', () => {
  it('derives pass rate, histogram and bands from a merged cell', () => {
    const s = resultStats({
      count: 4,
      unscored: 1,
      expired: 2,
      passCount: 3,
      sumScoreX10: 3000,
      sumSquaresX100: 2_300_000,
      h5: 1,
      h9: 3,
      band3: 1,
      band5: 3,
    });
    expect(s.closed).toBe(5);
    expect(s.passRate).toBe(0.75);
    expect(s.score.mean).toBe(75);
    expect(s.histogram).toHaveLength(10);
    expect(s.histogram[9]).toEqual({ from: 90, to: 100, count: 3, share: 0.75 });
    expect(s.histogram[0]).toEqual({ from: 0, to: 9, count: 0, share: 0 });
    expect(s.bands.map((b) => b.count)).toEqual([0, 0, 1, 0, 3]);
    expect(s.theta.count).toBe(0);
  });

  it('reads an empty cell as zeros and no rates', () => {
    const s = resultStats({});
    expect(s.count).toBe(0);
    expect(s.passRate).toBeNull();
    expect(s.histogram.every((b) => b.count === 0 && b.share === null)).toBe(true);
  });
});

describe('skillStats', () => {
  it('pools credit over answers', () => {
    expect(skillStats({ count: 2, correctX10: 55, answered: 10 })).toEqual({ count: 2, correct: 5.5, answered: 10, percent: 55 });
    expect(skillStats({}).percent).toBeNull();
  });
});

describe('completionStats', () => {
  it('gives completion, on-time and overdue rates', () => {
    const s = completionStats({
      assigned: 10,
      notStarted: 3,
      inProgress: 3,
      completed: 4,
      completedOnTime: 3,
      completedLate: 1,
      overdue: 2,
    });
    expect(s).toMatchObject({ completionRate: 0.4, onTimeRate: 0.75, overdueRate: 0.2 });
    expect(completionStats({}).completionRate).toBeNull();
  });
});
