/**
 * The scaling constant D of the logistic model. With D = 1.702 the logistic curve stays within 0.01 of
 * the normal ogive everywhere, so `a` reads on the normal-ogive metric used by BILOG/most published
 * banks. Every function in this package uses it; to compare with software that works with D = 1
 * (catR, mirt, ltm), divide their `a` by D.
 */
export const SCALING_D = 1.702;

/**
 * Three-parameter logistic (3PL) item: discrimination `a`, difficulty `b`, pseudo-guessing `c`.
 * A 2PL item is the special case c = 0.
 */
export interface ItemParams {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/** P(correct | θ) = c + (1 − c) / (1 + exp(−D·a·(θ − b))). */
export function probability(theta: number, item: ItemParams): number {
  return item.c + (1 - item.c) / (1 + Math.exp(-SCALING_D * item.a * (theta - item.b)));
}

/**
 * Fisher information of a 3PL item: I(θ) = (D·a)² · (Q / P) · ((P − c) / (1 − c))²  (Lord, 1980, eq. 5-19;
 * Birnbaum, 1968). For c = 0 it reduces to the 2PL (D·a)²·P·Q.
 */
export function information(theta: number, item: ItemParams): number {
  const p = probability(theta, item);
  const slope = SCALING_D * item.a;
  const ratio = (p - item.c) / (1 - item.c);
  return slope * slope * ((1 - p) / p) * ratio * ratio;
}

/** The sum of item informations: the precision a test gives at θ (SE ≈ 1/√I at the MLE). */
export function testInformation(theta: number, items: readonly ItemParams[]): number {
  let total = 0;
  for (const item of items) total += information(theta, item);
  return total;
}
