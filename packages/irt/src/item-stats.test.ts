import { describe, expect, it } from 'vitest';
import { classicalItemStats, type ItemAttempt } from './item-stats.js';

// Six people answer q1–q4; p7 answers only q1. Reference values from scipy.stats.pearsonr on the
// item score vs the rest score.
const matrix = [
  [1, 1, 1, 0],
  [1, 1, 0, 0],
  [1, 0, 0, 0],
  [0, 1, 1, 1],
  [1, 1, 1, 1],
  [0, 0, 0, 0],
];
const wrongOption: Record<number, string> = { 3: 'B', 5: 'C' };
const attempts: ItemAttempt[] = [
  ...matrix.flatMap((row, person) =>
    row.map((score, item) => ({
      personId: `p${person + 1}`,
      itemId: `q${item + 1}`,
      correct: score === 1,
      ...(item === 0 ? { optionId: score === 1 ? 'A' : wrongOption[person]! } : {}),
    })),
  ),
  { personId: 'p7', itemId: 'q1', correct: true, optionId: 'A' },
  // A retake: ignored, only the first attempt counts.
  { personId: 'p1', itemId: 'q4', correct: true },
];

describe('classicalItemStats', () => {
  const stats = Object.fromEntries(classicalItemStats(attempts).map((s) => [s.itemId, s]));

  it('counts exposure and its rate over the people in the data', () => {
    expect(stats.q1).toMatchObject({ exposureCount: 7, exposureRate: 1 });
    expect(stats.q4).toMatchObject({ exposureCount: 6 });
    expect(stats.q4!.exposureRate).toBeCloseTo(6 / 7, 12);
  });

  it('computes p-values from first attempts only', () => {
    expect(stats.q1!.pValue).toBeCloseTo(5 / 7, 12);
    expect(stats.q2!.pValue).toBeCloseTo(4 / 6, 12);
    expect(stats.q3!.pValue).toBeCloseTo(0.5, 12);
    expect(stats.q4!.pValue).toBeCloseTo(2 / 6, 12);
  });

  it('computes the corrected point-biserial (item vs rest score)', () => {
    expect(stats.q1!.pointBiserial).toBeCloseTo(-0.10606601717798213, 12);
    expect(stats.q2!.pointBiserial).toBeCloseTo(0.7385489458759964, 12);
    expect(stats.q3!.pointBiserial).toBeCloseTo(0.7071067811865476, 12);
    expect(stats.q4!.pointBiserial).toBeCloseTo(0.44172610429938614, 12);
  });

  it('gives distractor choice rates per option', () => {
    const rates = stats.q1!.optionRates;
    expect(Object.keys(rates).sort()).toEqual(['A', 'B', 'C']);
    expect(rates.A).toBeCloseTo(5 / 7, 12);
    expect(rates.B).toBeCloseTo(1 / 7, 12);
    expect(rates.C).toBeCloseTo(1 / 7, 12);
    expect(stats.q2!.optionRates).toEqual({});
  });

  it('returns a null point-biserial when everyone gets the item right', () => {
    const [only] = classicalItemStats([
      { personId: 'a', itemId: 'x', correct: true },
      { personId: 'b', itemId: 'x', correct: true },
      { personId: 'a', itemId: 'y', correct: true },
      { personId: 'b', itemId: 'y', correct: false },
    ]);
    expect(only).toMatchObject({ itemId: 'x', pValue: 1, pointBiserial: null });
  });
});
