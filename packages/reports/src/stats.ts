import { get, type Counters } from './counters.js';
import { BANDS, COMPLETION_FIELDS as C, HISTOGRAM, RESULT_FIELDS as R, SKILL_FIELDS as S, bandField, histogramField } from './fields.js';

/** Read-side figures of one merged cell. Rates are fractions 0–1; `percent` is 0–100; null where there is nothing to divide by. */

export interface Moments {
  count: number;
  mean: number | null;
  /** Population variance: a cell is the whole group it reports on, not a sample of it. */
  variance: number | null;
  sd: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * Mean and variance from a count, Σx and Σx² held as integers in units of 1/scale. The textbook
 * Σx²/n − (Σx/n)² subtracts two nearly equal floats and loses every digit when the spread is small
 * next to the mean (scores of 99.8 ± 0.1); here n·Σx² − (Σx)² is formed exactly in BigInt, and only
 * the final, already small, difference is rounded once.
 */
export function moments(count: number, sum: number, sumSquares: number, scale: number): Moments {
  if (count <= 0) return { count: 0, mean: null, variance: null, sd: null };
  const n = BigInt(Math.round(count));
  const s = BigInt(Math.round(sum));
  const numerator = n * BigInt(Math.round(sumSquares)) - s * s;
  // Never negative for counters that came from real data; a damaged cell must not produce NaN.
  const variance = Math.max(0, Number(numerator)) / (count * count) / (scale * scale);
  return { count, mean: sum / (count * scale), variance, sd: Math.sqrt(variance) };
}

export interface Bucket {
  from: number;
  to: number;
  count: number;
  share: number | null;
}

export interface ResultStats {
  /** Finished or expired attempts, with or without a result. */
  closed: number;
  /** Those with a result: the population of every figure below. */
  count: number;
  unscored: number;
  expired: number;
  passCount: number;
  passRate: number | null;
  score: Moments;
  histogram: Bucket[];
  bands: { band: number; count: number; share: number | null }[];
  /** Ability estimates of adaptive attempts (count 0 for fixed forms). */
  theta: Moments;
}

export function resultStats(cell: Counters): ResultStats {
  const count = get(cell, R.count);
  const unscored = get(cell, R.unscored);
  return {
    closed: count + unscored,
    count,
    unscored,
    expired: get(cell, R.expired),
    passCount: get(cell, R.passCount),
    passRate: ratio(get(cell, R.passCount), count),
    score: moments(count, get(cell, R.sumScore), get(cell, R.sumSquares), 10),
    histogram: HISTOGRAM.map((b) => {
      const n = get(cell, histogramField(b.index));
      return { from: b.from, to: b.to, count: n, share: ratio(n, count) };
    }),
    bands: BANDS.map((band) => {
      const n = get(cell, bandField(band));
      return { band, count: n, share: ratio(n, count) };
    }),
    theta: moments(get(cell, R.thetaCount), get(cell, R.sumTheta), get(cell, R.sumThetaSquares), 1000),
  };
}

export interface SkillStats {
  /** Scored attempts that answered the skill. */
  count: number;
  correct: number;
  answered: number;
  /** Pooled: all credit over all answers, so a long attempt weighs more than a short one. */
  percent: number | null;
}

export function skillStats(cell: Counters): SkillStats {
  const answered = get(cell, S.answered);
  // 100 · (correctX10 / 10) / answered in one division, so 5.5 of 10 is exactly 55.
  return { count: get(cell, S.count), correct: get(cell, S.correct) / 10, answered, percent: ratio(10 * get(cell, S.correct), answered) };
}

export interface CompletionStats {
  assigned: number;
  notStarted: number;
  inProgress: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  overdue: number;
  /** completed / assigned. */
  completionRate: number | null;
  /** completedOnTime / completed. */
  onTimeRate: number | null;
  /** overdue / assigned. */
  overdueRate: number | null;
}

export function completionStats(cell: Counters): CompletionStats {
  const assigned = get(cell, C.assigned);
  const completed = get(cell, C.completed);
  return {
    assigned,
    notStarted: get(cell, C.notStarted),
    inProgress: get(cell, C.inProgress),
    completed,
    completedOnTime: get(cell, C.completedOnTime),
    completedLate: get(cell, C.completedLate),
    overdue: get(cell, C.overdue),
    completionRate: ratio(completed, assigned),
    onTimeRate: ratio(get(cell, C.completedOnTime), completed),
    overdueRate: ratio(get(cell, C.overdue), assigned),
  };
}
