/** One scored attempt at an item, as stored after a test. */
export interface ItemAttempt {
  readonly personId: string;
  readonly itemId: string;
  readonly correct: boolean;
  /** The option chosen, for multiple-choice items (distractor analysis). */
  readonly optionId?: string;
}

export interface ClassicalItemStats {
  readonly itemId: string;
  /** How many people were given the item. */
  readonly exposureCount: number;
  /** exposureCount ÷ the number of distinct people in the data. */
  readonly exposureRate: number;
  /** Proportion right (classical difficulty). */
  readonly pValue: number;
  /**
   * Corrected point-biserial: Pearson correlation between the item score and the person's score on
   * their other items, so the item does not correlate with itself. Null when either side has no
   * variance. In CAT data people see different items, so read it as a rough screen only.
   */
  readonly pointBiserial: number | null;
  /** Share of the item's attempts choosing each option (attempts without an option are left out). */
  readonly optionRates: Readonly<Record<string, number>>;
}

function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    sxy += (x[k]! - mx) * (y[k]! - my);
    sxx += (x[k]! - mx) ** 2;
    syy += (y[k]! - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

/**
 * Classical test theory statistics per item, in order of first appearance. Only a person's first
 * attempt at an item counts (a retake would otherwise be counted as a second person).
 */
export function classicalItemStats(attempts: readonly ItemAttempt[]): ClassicalItemStats[] {
  const seen = new Set<string>();
  const firstAttempts: ItemAttempt[] = [];
  for (const attempt of attempts) {
    const key = JSON.stringify([attempt.personId, attempt.itemId]);
    if (seen.has(key)) continue;
    seen.add(key);
    firstAttempts.push(attempt);
  }

  const totalByPerson = new Map<string, number>();
  const byItem = new Map<string, ItemAttempt[]>();
  for (const attempt of firstAttempts) {
    totalByPerson.set(attempt.personId, (totalByPerson.get(attempt.personId) ?? 0) + (attempt.correct ? 1 : 0));
    const list = byItem.get(attempt.itemId);
    if (list) list.push(attempt);
    else byItem.set(attempt.itemId, [attempt]);
  }
  const people = totalByPerson.size;

  return [...byItem].map(([itemId, list]) => {
    const scores: number[] = list.map((a) => (a.correct ? 1 : 0));
    const rest = list.map((a, k) => totalByPerson.get(a.personId)! - scores[k]!);
    const chosen = list.filter((a) => a.optionId !== undefined);
    const optionRates: Record<string, number> = {};
    for (const a of chosen) optionRates[a.optionId!] = (optionRates[a.optionId!] ?? 0) + 1 / chosen.length;
    return {
      itemId,
      exposureCount: list.length,
      exposureRate: list.length / people,
      pValue: scores.reduce((s, v) => s + v, 0) / list.length,
      pointBiserial: pearson(scores, rest),
      optionRates,
    };
  });
}
