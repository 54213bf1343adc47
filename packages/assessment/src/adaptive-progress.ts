/**
 * How far along an adaptive test is, as the learner sees it: a range of items left ("about 4–6
 * more") and a progress percent. A CAT stops when the SE reaches its target, and the SE does not
 * fall smoothly (a surprising answer widens it again), so a point guess recomputed after each
 * answer jumps around (3 left, then 9). Here the guess is only an input: what is shown is built
 * along the history so that
 *
 * - the upper end never goes up: at most U left now means at most U − 1 after one more answer;
 * - the lower end never goes up, and never passes the upper end;
 * - the percent never goes down (answered / (answered + middle of the range): the numerator grows
 *   and the denominator's range part never does);
 * - while the test runs at least one item is left; once it stops, none is, and the percent is 100.
 */

export interface ProgressRule {
  minItems: number;
  maxItems: number;
  targetSe: number;
  /** Items in the pool: the test also stops when they run out. */
  poolSize: number;
  /**
   * Precision the SE carries before any answer: 1 for a posterior SD under a N(0, 1) prior (the
   * default), 0 for a likelihood-based SE such as the WLE's 1/√I, which owes nothing to a prior.
   */
  priorPrecision?: number;
}

export interface ItemsLeft {
  min: number;
  max: number;
}

export interface AdaptiveProgress {
  answered: number;
  left: ItemsLeft;
  /** 0–100, whole numbers. */
  percent: number;
}

/**
 * Information one item adds before any answer tells us better: a 2PL item with a = 1 at the
 * learner's level gives (1.7)²/4 ≈ 0.72.
 */
const TYPICAL_ITEM_INFORMATION = 0.72;
/** The range spans ±25 % around the point guess (at least one item wide once above zero). */
const SPREAD = 0.25;

/** The point guess and its raw range after `answered` items at posterior SD `se` (prior SD 1). */
export function rawItemsLeft(answered: number, se: number, rule: ProgressRule): ItemsLeft {
  const cap = Math.max(0, Math.min(rule.maxItems, rule.poolSize) - answered);
  const floor = Math.min(cap, Math.max(0, rule.minItems - answered));
  // Precision ≈ prior precision + information per item × items: estimate the information per item
  // from the answers so far, then the items that bring 1/SE² to 1/target².
  const prior = rule.priorPrecision ?? 1;
  const perItem = answered > 0 ? Math.max(0.05, (1 / (se * se) - prior) / answered) : TYPICAL_ITEM_INFORMATION;
  const neededTotal = Math.max(0, (1 / (rule.targetSe * rule.targetSe) - prior) / perItem);
  const guess = Math.max(0, neededTotal - answered);
  const clamp = (n: number) => Math.min(cap, Math.max(floor, n));
  return { min: clamp(Math.floor(guess * (1 - SPREAD))), max: clamp(Math.ceil(guess * (1 + SPREAD))) };
}

/**
 * The shown progress after the answers so far. `seAfter[k]` is the posterior SD after k + 1
 * answers (the CAT keeps it per step); `finished` is the stopping rule's verdict for the last one.
 */
export function adaptiveProgress(seAfter: readonly number[], rule: ProgressRule, finished: boolean): AdaptiveProgress {
  const answered = seAfter.length;
  if (finished) return { answered, left: { min: 0, max: 0 }, percent: 100 };
  let shown = atLeastOne(rawItemsLeft(0, 1, rule));
  for (let k = 1; k <= answered; k++) {
    const raw = rawItemsLeft(k, seAfter[k - 1]!, rule);
    const max = Math.max(1, Math.min(raw.max, shown.max - 1));
    const min = Math.max(1, Math.min(raw.min, shown.min, max));
    shown = { min, max };
  }
  return { answered, left: shown, percent: percentOf(answered, shown) };
}

function atLeastOne(left: ItemsLeft): ItemsLeft {
  const max = Math.max(1, left.max);
  return { min: Math.min(max, Math.max(1, left.min)), max };
}

/** Whole percent; below 100 while items are left (100 means done). */
function percentOf(answered: number, left: ItemsLeft): number {
  const middle = (left.min + left.max) / 2;
  return Math.min(99, Math.floor((100 * answered) / (answered + middle)));
}
