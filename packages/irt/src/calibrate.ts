import { invertSymmetricPositiveDefinite } from './linear-algebra.js';
import { probability, SCALING_D, type ItemParams } from './model.js';
import { normalQuadrature, type Quadrature } from './quadrature.js';

/** Persons × items; 1 right, 0 wrong, null not answered (CAT data is mostly null). */
export type ResponseMatrix = readonly (readonly (0 | 1 | null)[])[];

export interface CalibrationOptions {
  /** Items with fewer answers keep their prior parameters. Default 200. */
  minResponses?: number;
  /** Latent distribution, fixed to identify the scale. Default N(0, 1) on 41 nodes over [−5, 5]. */
  quadrature?: Quadrature;
  /** EM stops once no a or b moves by more than this in an iteration. Default 1e-4. */
  tolerance?: number;
  /** Default 1000. */
  maxIterations?: number;
  /** Compute standard errors (costs one pass of O(persons · nodes · answered²) plus an inversion). Default true. */
  standardErrors?: boolean;
}

export interface CalibrationInput {
  readonly responses: ResponseMatrix;
  /**
   * Current parameters per item (column): EM starts from them, and items that are not calibrated
   * keep them (and still inform everyone's θ in the E-step). Default a = 1, b from the p-value, c = 0.
   */
  readonly priors?: readonly ItemParams[];
}

export type NotCalibratedReason = 'too_few_responses' | 'no_variance';

export interface CalibratedItem extends ItemParams {
  /** False when the item kept its prior; see `reason`. */
  readonly calibrated: boolean;
  readonly reason?: NotCalibratedReason;
  readonly responses: number;
  /** Standard errors of a and b (observed information, delta method); null when not calibrated or singular. */
  readonly se: { readonly a: number; readonly b: number } | null;
  /** The item's expected complete-data log-likelihood at the estimates: Σ_q r·ln P + (n − r)·ln(1 − P). */
  readonly logLikelihood: number;
  /**
   * Item fit: root mean squared difference between the posterior-expected proportion right and the
   * model curve at each node, weighted by where answerers sit (the RMSD of PISA and mirt). Below about
   * 0.05–0.1 is usually read as acceptable fit.
   */
  readonly rmsd: number;
}

export interface CalibrationResult {
  readonly items: readonly CalibratedItem[];
  /** Marginal log-likelihood of all responses at the final estimates. */
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
}

interface Answer {
  readonly item: number;
  readonly correct: boolean;
}

/** Slope–intercept form used inside EM: logit P = α·θ + β, so α = D·a and β = −D·a·b. */
interface SlopeIntercept {
  alpha: number;
  beta: number;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

function startingValues(column: number, prior: ItemParams | undefined, pValue: number): ItemParams {
  if (prior) return prior;
  const p = Math.min(0.99, Math.max(0.01, pValue));
  return { a: 1, b: -Math.log(p / (1 - p)) / SCALING_D, c: 0 };
}

/**
 * M-step for one item: maximise Σ_q r_q·ln σ(α·θ_q + β) + (n_q − r_q)·ln(1 − σ) over (α, β). This is a
 * weighted logistic regression, concave in (α, β), solved by Newton–Raphson with step halving.
 */
function maximiseItem(
  nodes: readonly number[],
  expectedAnswers: Float64Array,
  expectedRight: Float64Array,
  start: SlopeIntercept,
): SlopeIntercept {
  const objective = ({ alpha, beta }: SlopeIntercept) => {
    let sum = 0;
    for (let q = 0; q < nodes.length; q++) {
      const z = alpha * nodes[q]! + beta;
      // ln σ(z) and ln(1 − σ(z)) without overflow.
      const logP = -Math.log1p(Math.exp(-z));
      const logQ = -Math.log1p(Math.exp(z));
      sum += expectedRight[q]! * logP + (expectedAnswers[q]! - expectedRight[q]!) * logQ;
    }
    return sum;
  };
  let current = { ...start };
  let value = objective(current);
  for (let iteration = 0; iteration < 50; iteration++) {
    let gAlpha = 0;
    let gBeta = 0;
    let hAA = 0;
    let hAB = 0;
    let hBB = 0;
    for (let q = 0; q < nodes.length; q++) {
      const theta = nodes[q]!;
      const p = logistic(current.alpha * theta + current.beta);
      const residual = expectedRight[q]! - expectedAnswers[q]! * p;
      const weight = expectedAnswers[q]! * p * (1 - p);
      gAlpha += residual * theta;
      gBeta += residual;
      hAA += weight * theta * theta;
      hAB += weight * theta;
      hBB += weight;
    }
    const determinant = hAA * hBB - hAB * hAB;
    if (!(determinant > 0)) break;
    const stepAlpha = (hBB * gAlpha - hAB * gBeta) / determinant;
    const stepBeta = (hAA * gBeta - hAB * gAlpha) / determinant;
    let scale = 1;
    let next = { alpha: current.alpha + stepAlpha, beta: current.beta + stepBeta };
    let nextValue = objective(next);
    while (!(nextValue >= value) && scale > 1e-6) {
      scale /= 2;
      next = { alpha: current.alpha + scale * stepAlpha, beta: current.beta + scale * stepBeta };
      nextValue = objective(next);
    }
    if (!(nextValue >= value)) break;
    const moved = Math.abs(scale * stepAlpha) + Math.abs(scale * stepBeta);
    current = next;
    value = nextValue;
    if (moved < 1e-10) break;
  }
  return current;
}

/** Per-person posterior over the nodes for the current parameters, with its log marginal likelihood. */
function posterior(
  answers: readonly Answer[],
  logP: readonly Float64Array[],
  logQ: readonly Float64Array[],
  logWeights: Float64Array,
  out: Float64Array,
): number {
  let max = -Infinity;
  for (let q = 0; q < out.length; q++) {
    let sum = logWeights[q]!;
    for (const { item, correct } of answers) sum += correct ? logP[item]![q]! : logQ[item]![q]!;
    out[q] = sum;
    if (sum > max) max = sum;
  }
  let total = 0;
  for (let q = 0; q < out.length; q++) {
    out[q] = Math.exp(out[q]! - max);
    total += out[q]!;
  }
  for (let q = 0; q < out.length; q++) out[q] = out[q]! / total;
  return max + Math.log(total);
}

/**
 * 2PL calibration by marginal maximum likelihood with the EM algorithm of Bock & Aitkin (1981): the
 * E-step spreads each person over the quadrature nodes by their posterior (missing answers simply
 * drop out), giving expected answer and right counts per item and node; the M-step refits each item
 * to those counts. The latent distribution stays N(0, 1), which fixes the scale.
 *
 * Standard errors come from the observed information of the marginal likelihood by Louis's (1982)
 * formula (exact for the quadrature, across all calibrated items jointly), mapped to a and b by the
 * delta method. No prior is put on a: items answered by few people or with near-zero discrimination
 * will show it in their SE.
 */
export function calibrate2PL(input: CalibrationInput, options: CalibrationOptions = {}): CalibrationResult {
  const { minResponses = 200, tolerance = 1e-4, maxIterations = 1000, standardErrors = true } = options;
  const quadrature = options.quadrature ?? normalQuadrature({ min: -5, max: 5, points: 41 });
  const { nodes } = quadrature;
  const nodeCount = nodes.length;
  const logWeights = Float64Array.from(quadrature.weights, (w) => Math.log(w));
  const itemCount = Math.max(0, ...input.responses.map((row) => row.length), input.priors?.length ?? 0);

  const people: Answer[][] = [];
  const answered = new Array<number>(itemCount).fill(0);
  const right = new Array<number>(itemCount).fill(0);
  for (const row of input.responses) {
    const answers: Answer[] = [];
    row.forEach((value, item) => {
      if (value === null || value === undefined) return;
      answers.push({ item, correct: value === 1 });
      answered[item]! += 1;
      if (value === 1) right[item]! += 1;
    });
    if (answers.length > 0) people.push(answers);
  }

  const reasons: (NotCalibratedReason | undefined)[] = answered.map((n, j) =>
    n < minResponses ? 'too_few_responses' : right[j] === 0 || right[j] === n ? 'no_variance' : undefined,
  );
  const free = reasons.map((reason) => reason === undefined);
  let params: ItemParams[] = Array.from({ length: itemCount }, (_, j) =>
    startingValues(j, input.priors?.[j], (right[j] ?? 0) / Math.max(1, answered[j] ?? 0)),
  );
  // Calibrated items are 2PL: drop any guessing in their start values.
  params = params.map((item, j) => (free[j] ? { a: item.a, b: item.b, c: 0 } : item));

  const logP = Array.from({ length: itemCount }, () => new Float64Array(nodeCount));
  const logQ = Array.from({ length: itemCount }, () => new Float64Array(nodeCount));
  const expectedAnswers = Array.from({ length: itemCount }, () => new Float64Array(nodeCount));
  const expectedRight = Array.from({ length: itemCount }, () => new Float64Array(nodeCount));
  const post = new Float64Array(nodeCount);

  const eStep = (): number => {
    for (let j = 0; j < itemCount; j++) {
      for (let q = 0; q < nodeCount; q++) {
        const p = probability(nodes[q]!, params[j]!);
        logP[j]![q] = Math.log(p);
        logQ[j]![q] = Math.log(1 - p);
      }
      expectedAnswers[j]!.fill(0);
      expectedRight[j]!.fill(0);
    }
    let marginal = 0;
    for (const answers of people) {
      marginal += posterior(answers, logP, logQ, logWeights, post);
      for (const { item, correct } of answers) {
        const n = expectedAnswers[item]!;
        const r = expectedRight[item]!;
        for (let q = 0; q < nodeCount; q++) {
          n[q]! += post[q]!;
          if (correct) r[q]! += post[q]!;
        }
      }
    }
    return marginal;
  };

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations += 1;
    eStep();
    let largestMove = 0;
    params = params.map((item, j) => {
      if (!free[j]) return item;
      const alpha = SCALING_D * item.a;
      const fitted = maximiseItem(nodes, expectedAnswers[j]!, expectedRight[j]!, { alpha, beta: -alpha * item.b });
      const next = { a: fitted.alpha / SCALING_D, b: -fitted.beta / fitted.alpha, c: 0 };
      largestMove = Math.max(largestMove, Math.abs(next.a - item.a), Math.abs(next.b - item.b));
      return next;
    });
    if (largestMove < tolerance) {
      converged = true;
      break;
    }
  }

  const logLikelihood = eStep();
  const covariance = standardErrors ? parameterCovariance(people, params, free, nodes, logP, logQ, logWeights) : null;

  const items = params.map((item, j): CalibratedItem => {
    let itemLogLikelihood = 0;
    let squared = 0;
    let mass = 0;
    for (let q = 0; q < nodeCount; q++) {
      const n = expectedAnswers[j]![q]!;
      const r = expectedRight[j]![q]!;
      itemLogLikelihood += r * logP[j]![q]! + (n - r) * logQ[j]![q]!;
      if (n > 1e-12) {
        const p = Math.exp(logP[j]![q]!);
        squared += n * (r / n - p) ** 2;
        mass += n;
      }
    }
    const reason = reasons[j];
    return {
      ...item,
      calibrated: free[j]!,
      ...(reason ? { reason } : {}),
      responses: answered[j]!,
      se: covariance?.get(j) ?? null,
      logLikelihood: itemLogLikelihood,
      rmsd: mass > 0 ? Math.sqrt(squared / mass) : 0,
    };
  });
  return { items, logLikelihood, iterations, converged };
}

/**
 * Observed information of the marginal likelihood in (α_j, β_j) for all calibrated items, by Louis's
 * formula person by person: I_i = E_post[−∇² ln L_i(θ)] − Cov_post[∇ ln L_i(θ)]. Inverted jointly, then
 * mapped to SE(a) = SE(α)/D and SE(b) by the delta method on b = −β/α.
 */
function parameterCovariance(
  people: readonly (readonly Answer[])[],
  params: readonly ItemParams[],
  free: readonly boolean[],
  nodes: readonly number[],
  logP: readonly Float64Array[],
  logQ: readonly Float64Array[],
  logWeights: Float64Array,
): Map<number, { a: number; b: number }> | null {
  const slot = new Map<number, number>();
  free.forEach((isFree, j) => {
    if (isFree) slot.set(j, slot.size);
  });
  const size = 2 * slot.size;
  if (size === 0) return new Map();
  const info = new Float64Array(size * size);
  const post = new Float64Array(nodes.length);

  for (const answers of people) {
    posterior(answers, logP, logQ, logWeights, post);
    const own = answers.filter((answer) => slot.has(answer.item));
    const m = own.length;
    if (m === 0) continue;
    const local = 2 * m;
    const mean = new Float64Array(local); // E_post[s]
    const outer = new Float64Array(local * local); // E_post[s·sᵀ], lower triangle
    const curvature = new Float64Array(3 * m); // per item: E_post[p(1−p)·θ²], E_post[p(1−p)·θ], E_post[p(1−p)]
    const score = new Float64Array(local);
    for (let q = 0; q < nodes.length; q++) {
      const weight = post[q]!;
      if (weight < 1e-14) continue;
      const theta = nodes[q]!;
      for (let k = 0; k < m; k++) {
        const { item, correct } = own[k]!;
        const p = Math.exp(logP[item]![q]!);
        const residual = (correct ? 1 : 0) - p;
        score[2 * k] = residual * theta;
        score[2 * k + 1] = residual;
        const w = weight * p * (1 - p);
        curvature[3 * k] = curvature[3 * k]! + w * theta * theta;
        curvature[3 * k + 1] = curvature[3 * k + 1]! + w * theta;
        curvature[3 * k + 2] = curvature[3 * k + 2]! + w;
      }
      for (let u = 0; u < local; u++) {
        const su = weight * score[u]!;
        mean[u] = mean[u]! + su;
        for (let v = 0; v <= u; v++) outer[u * local + v] = outer[u * local + v]! + su * score[v]!;
      }
    }
    for (let u = 0; u < local; u++) {
      const globalU = 2 * slot.get(own[u >> 1]!.item)! + (u & 1);
      for (let v = 0; v < local; v++) {
        const globalV = 2 * slot.get(own[v >> 1]!.item)! + (v & 1);
        const expectedOuter = v <= u ? outer[u * local + v]! : outer[v * local + u]!;
        // (α, β) of one item: curvature index 0 for α·α, 1 for α·β, 2 for β·β.
        const expectedCurvature = u >> 1 === v >> 1 ? curvature[3 * (u >> 1) + (u & 1) + (v & 1)]! : 0;
        const index = globalU * size + globalV;
        info[index] = info[index]! + expectedCurvature - (expectedOuter - mean[u]! * mean[v]!);
      }
    }
  }

  const inverse = invertSymmetricPositiveDefinite(info, size);
  if (!inverse) return null;
  const result = new Map<number, { a: number; b: number }>();
  for (const [item, index] of slot) {
    const alpha = SCALING_D * params[item]!.a;
    const beta = -alpha * params[item]!.b;
    const varAlpha = inverse[2 * index * size + 2 * index]!;
    const varBeta = inverse[(2 * index + 1) * size + 2 * index + 1]!;
    const covAlphaBeta = inverse[2 * index * size + 2 * index + 1]!;
    const dAlpha = beta / (alpha * alpha);
    const dBeta = -1 / alpha;
    const varB = dAlpha * dAlpha * varAlpha + dBeta * dBeta * varBeta + 2 * dAlpha * dBeta * covAlphaBeta;
    result.set(item, { a: Math.sqrt(varAlpha) / SCALING_D, b: Math.sqrt(varB) });
  }
  return result;
}
