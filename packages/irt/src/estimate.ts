import { information, probability, SCALING_D, type ItemParams } from './model.js';
import { normalQuadrature, type Quadrature } from './quadrature.js';

/** One scored answer: the item's parameters and whether the answer was right. */
export interface ScoredResponse {
  readonly item: ItemParams;
  readonly correct: boolean;
}

/** An ability estimate and its standard error. */
export interface AbilityEstimate {
  readonly theta: number;
  readonly se: number;
}

/** log P(response | θ) for one item; the CAT adds these up node by node as answers arrive. */
export function responseLogLikelihood(theta: number, item: ItemParams, correct: boolean): number {
  const p = probability(theta, item);
  return correct ? Math.log(p) : Math.log(1 - p);
}

/** The response-pattern log-likelihood at θ. */
export function logLikelihood(theta: number, responses: readonly ScoredResponse[]): number {
  let total = 0;
  for (const r of responses) total += responseLogLikelihood(theta, r.item, r.correct);
  return total;
}

/**
 * Posterior mean and SD over a quadrature, given the log-likelihood at each node. Works in logs and
 * subtracts the maximum first so long tests do not underflow.
 */
export function posteriorSummary(quadrature: Quadrature, logLikelihoodAtNodes: readonly number[]): AbilityEstimate {
  const { nodes, weights } = quadrature;
  let maxLog = -Infinity;
  for (const value of logLikelihoodAtNodes) if (value > maxLog) maxLog = value;
  const unnormalised = new Float64Array(nodes.length);
  let mass = 0;
  let first = 0;
  for (let k = 0; k < nodes.length; k++) {
    const w = weights[k]! * Math.exp(logLikelihoodAtNodes[k]! - maxLog);
    unnormalised[k] = w;
    mass += w;
    first += w * nodes[k]!;
  }
  const theta = first / mass;
  let second = 0;
  for (let k = 0; k < nodes.length; k++) second += unnormalised[k]! * (nodes[k]! - theta) ** 2;
  return { theta, se: Math.sqrt(second / mass) };
}

/**
 * Expected a posteriori (EAP) ability: the posterior mean over the quadrature, with the posterior SD
 * as its standard error (Bock & Mislevy, 1982). Defaults: 81 nodes on [−4, 4] and a N(0, 1) prior;
 * pass `normalQuadrature({ mean, sd, ... })` (or any quadrature) for another prior. It exists for every
 * response pattern, including none, all right and all wrong, which is why the CAT uses it.
 */
export function estimateAbilityEAP(responses: readonly ScoredResponse[], quadrature: Quadrature = normalQuadrature()): AbilityEstimate {
  return posteriorSummary(
    quadrature,
    quadrature.nodes.map((theta) => logLikelihood(theta, responses)),
  );
}

export interface MleOptions {
  /** Search interval for θ; a maximum on its edge counts as no finite estimate. Default [−6, 6]. */
  min?: number;
  max?: number;
}

/** First and second derivatives of the 3PL log-likelihood at θ (analytic, for Newton–Raphson). */
function logLikelihoodDerivatives(theta: number, responses: readonly ScoredResponse[]): { first: number; second: number } {
  let first = 0;
  let second = 0;
  for (const { item, correct } of responses) {
    const slope = SCALING_D * item.a;
    const logistic = 1 / (1 + Math.exp(-slope * (theta - item.b)));
    const p = item.c + (1 - item.c) * logistic;
    const q = 1 - p;
    const dp = (1 - item.c) * slope * logistic * (1 - logistic);
    const d2p = dp * slope * (1 - 2 * logistic);
    const x = correct ? 1 : 0;
    // d/dθ [(x − P)·P′/(P·Q)], expanded.
    const pq = p * q;
    first += ((x - p) * dp) / pq;
    second += (-dp * dp * pq + (x - p) * (d2p * pq - dp * dp * (1 - 2 * p))) / (pq * pq);
  }
  return { first, second };
}

/**
 * Maximum-likelihood ability by Newton–Raphson, with its SE from the test information at the
 * estimate. Returns null when no finite maximum exists: all answers right or all wrong (the
 * likelihood rises without bound towards ±∞), or a 3PL pattern whose likelihood is highest at the
 * edge of the search interval. The CAT therefore scores with EAP and reports the MLE only where it
 * exists.
 *
 * The 3PL likelihood can have more than one local maximum, so Newton starts from the best point of a
 * 0.1-step scan and is kept inside that bracket (bisection on the derivative when a step leaves it).
 */
export function estimateAbilityMLE(responses: readonly ScoredResponse[], options: MleOptions = {}): AbilityEstimate | null {
  const { min = -6, max = 6 } = options;
  const correctCount = responses.filter((r) => r.correct).length;
  if (correctCount === 0 || correctCount === responses.length) return null;

  const step = 0.1;
  const points = Math.round((max - min) / step) + 1;
  let bestIndex = 0;
  let bestValue = -Infinity;
  for (let k = 0; k < points; k++) {
    const value = logLikelihood(min + k * step, responses);
    if (value > bestValue) {
      bestValue = value;
      bestIndex = k;
    }
  }
  if (bestIndex === 0 || bestIndex === points - 1) return null;

  let low = min + (bestIndex - 1) * step;
  let high = min + (bestIndex + 1) * step;
  let theta = min + bestIndex * step;
  for (let iteration = 0; iteration < 100; iteration++) {
    const { first, second } = logLikelihoodDerivatives(theta, responses);
    if (first > 0) low = theta;
    else high = theta;
    let next = second < 0 ? theta - first / second : Number.NaN;
    if (!(next > low && next < high)) next = (low + high) / 2;
    const moved = Math.abs(next - theta);
    theta = next;
    if (moved < 1e-10) break;
  }
  const testInfo = responses.reduce((sum, r) => sum + information(theta, r.item), 0);
  return { theta, se: 1 / Math.sqrt(testInfo) };
}
