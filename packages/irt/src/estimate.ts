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

/** One response's share of Warm's estimating equation at θ (see `estimateAbilityWLE`). */
export interface WarmTerms {
  /** Score (x − P)·P′/(P·Q): the derivative of the log-likelihood. */
  readonly score: number;
  /** Fisher information P′²/(P·Q). */
  readonly information: number;
  /** Warm's J = P′·P″/(P·Q). */
  readonly j: number;
}

/**
 * Warm's terms of one answer at θ. P and Q are taken from the logistic and its complement computed
 * separately, so that Q does not round to 0 far above b (1 − P would).
 */
export function warmTerms(theta: number, item: ItemParams, correct: boolean): WarmTerms {
  const slope = SCALING_D * item.a;
  const x = slope * (theta - item.b);
  const e = Math.exp(-Math.abs(x));
  const logistic = x >= 0 ? 1 / (1 + e) : e / (1 + e);
  const complement = x >= 0 ? e / (1 + e) : 1 / (1 + e);
  const p = item.c + (1 - item.c) * logistic;
  const q = (1 - item.c) * complement;
  const dp = (1 - item.c) * slope * logistic * complement;
  const d2p = dp * slope * (complement - logistic);
  return { score: correct ? dp / p : -dp / q, information: (dp * dp) / (p * q), j: (dp * d2p) / (p * q) };
}

function warmTotals(theta: number, responses: readonly ScoredResponse[]): WarmTerms {
  let score = 0;
  let info = 0;
  let j = 0;
  for (const { item, correct } of responses) {
    const terms = warmTerms(theta, item, correct);
    score += terms.score;
    info += terms.information;
    j += terms.j;
  }
  return { score, information: info, j };
}

/** The totals of Warm's terms over the answers so far at each node of a θ grid (the CAT keeps them as answers arrive). */
export interface WarmGrid {
  readonly nodes: readonly number[];
  readonly score: readonly number[];
  readonly information: readonly number[];
  readonly j: readonly number[];
}

/**
 * Warm's weighted likelihood estimate from the sums on a grid: candidates are the grid intervals where
 * the weighted score S(θ) + J(θ)/(2·I(θ)) goes from positive to negative (refined on the answers
 * themselves by the Illinois method), and the ends of the grid when S + J/2I points out of it. With
 * 3PL items there can be several; the one with the highest log L + ½·log I is kept. SE = 1/√I(θ̂).
 * Null with no answers.
 */
export function weightedLikelihoodFromGrid(grid: WarmGrid, responses: readonly ScoredResponse[]): AbilityEstimate | null {
  if (responses.length === 0) return null;
  const { nodes } = grid;
  const last = nodes.length - 1;
  const weighted = nodes.map((_, k) => grid.score[k]! + grid.j[k]! / (2 * grid.information[k]!));
  const exact = (theta: number) => {
    const t = warmTotals(theta, responses);
    return t.score + t.j / (2 * t.information);
  };
  const candidates: number[] = [];
  if (weighted[0]! < 0) candidates.push(nodes[0]!);
  for (let k = 1; k <= last; k++) {
    if (!(weighted[k - 1]! > 0 && weighted[k]! <= 0)) continue;
    // Illinois (regula falsi that halves the stale end's value): superlinear, never leaves the bracket.
    let lo = nodes[k - 1]!;
    let hi = nodes[k]!;
    let gLo = weighted[k - 1]!;
    let gHi = weighted[k]!;
    let side = 0;
    let root = hi;
    for (let iteration = 0; iteration < 60 && hi - lo > 1e-9; iteration++) {
      root = gLo - gHi === 0 ? (lo + hi) / 2 : (lo * gHi - hi * gLo) / (gHi - gLo);
      const g = exact(root);
      if (g === 0) break;
      if (g > 0) {
        lo = root;
        gLo = g;
        if (side === 1) gHi /= 2;
        side = 1;
      } else {
        hi = root;
        gHi = g;
        if (side === -1) gLo /= 2;
        side = -1;
      }
    }
    candidates.push(root);
  }
  if (weighted[last]! > 0) candidates.push(nodes[last]!);
  // No sign change seen (an exact zero on a node, or information underflowing to 0 far out): fall
  // back to every node, so the best penalised point is still returned rather than nothing.
  if (candidates.length === 0) candidates.push(...nodes);
  let theta = candidates[0]!;
  let best = -Infinity;
  for (const candidate of candidates) {
    const value = logLikelihood(candidate, responses) + 0.5 * Math.log(warmTotals(candidate, responses).information);
    if (value > best) {
      best = value;
      theta = candidate;
    }
  }
  return { theta, se: 1 / Math.sqrt(warmTotals(theta, responses).information) };
}

/**
 * Warm's (1989) weighted likelihood estimate (WLE): the root of S(θ) + J(θ)/(2·I(θ)) = 0, where S is
 * the score and I the test information, with SE 1/√I(θ̂). The added term removes the O(1/n) bias of
 * the MLE. Unlike EAP it does not pull strong and weak learners towards the mean, and its SE describes
 * the actual error across θ (the EAP's posterior SD understates it in the tails, where the prior adds
 * bias; see the conditional coverage in bench:cat). It is finite for every pattern with at least one
 * answer, all right and all wrong included. For 2PL items the equation is the derivative of
 * log L + ½·log I; for 3PL it is Warm's equation proper (catR's "WL").
 *
 * The search runs on a 0.1 grid over [min, max] (default [−6, 6]); see `weightedLikelihoodFromGrid`.
 * Returns null only for no answers.
 */
export function estimateAbilityWLE(responses: readonly ScoredResponse[], options: MleOptions = {}): AbilityEstimate | null {
  if (responses.length === 0) return null;
  const { min = -6, max = 6 } = options;
  const points = Math.round((max - min) / 0.1) + 1;
  const nodes = Array.from({ length: points }, (_, k) => min + (k * (max - min)) / (points - 1));
  const totals = nodes.map((theta) => warmTotals(theta, responses));
  return weightedLikelihoodFromGrid(
    {
      nodes,
      score: totals.map((t) => t.score),
      information: totals.map((t) => t.information),
      j: totals.map((t) => t.j),
    },
    responses,
  );
}
