import { posteriorSummary, responseLogLikelihood } from './estimate.js';
import type { PoolItem } from './pool.js';
import { normalQuadrature, type Quadrature } from './quadrature.js';
import type { Rng } from './rng.js';
import { selectNextItem, type SelectionOptions } from './select.js';
import { stopDecision, type StopDecision, type StoppingRule } from './stop.js';

export interface CatConfig {
  readonly pool: readonly PoolItem[];
  readonly stopping: StoppingRule;
  readonly selection?: SelectionOptions;
  /** EAP prior and grid. Default N(0, 1) on 81 nodes over [−4, 4]. */
  readonly quadrature?: Quadrature;
}

/** One answered item and the estimate right after it. */
export interface CatStep {
  readonly itemId: string;
  readonly skill: string;
  readonly correct: boolean;
  readonly theta: number;
  readonly se: number;
}

/**
 * Everything about one examinee's adaptive test. Never mutated: every transition returns a new
 * state, so a state can be stored, replayed or compared as a plain value.
 */
export interface CatState {
  readonly config: CatConfig;
  readonly quadrature: Quadrature;
  /** Log-likelihood of the answers so far at each quadrature node, so each answer costs one pass over the grid. */
  readonly logLikelihood: readonly number[];
  readonly steps: readonly CatStep[];
  /** Items refused by the Sympson–Hetter lottery in this test (see select.ts). */
  readonly setAside: readonly string[];
  /** Current EAP estimate and posterior SD. */
  readonly theta: number;
  readonly se: number;
}

export function startCat(config: CatConfig): CatState {
  const quadrature = config.quadrature ?? normalQuadrature();
  const logLikelihood = quadrature.nodes.map(() => 0);
  const { theta, se } = posteriorSummary(quadrature, logLikelihood);
  return { config, quadrature, logLikelihood, steps: [], setAside: [], theta, se };
}

/**
 * The item to serve next, and the state carrying any Sympson–Hetter refusals. The item is null only
 * when every pool item has been given; whether to ask at all is `isFinished`'s call.
 */
export function nextItem(state: CatState, rng: Rng): { readonly state: CatState; readonly item: PoolItem | null } {
  const selection = selectNextItem(
    { pool: state.config.pool, administered: state.steps.map((s) => s.itemId), setAside: state.setAside, theta: state.theta },
    rng,
    state.config.selection,
  );
  if (!selection) return { state, item: null };
  const setAside = [...new Set([...state.setAside, ...selection.setAside])].filter((id) => id !== selection.item.id);
  return { state: { ...state, setAside }, item: selection.item };
}

/** Scores one answer and re-estimates θ. Throws for an item outside the pool or already answered. */
export function recordResponse(state: CatState, itemId: string, correct: boolean): CatState {
  const item = state.config.pool.find((candidate) => candidate.id === itemId);
  if (!item) throw new Error(`recordResponse: item ${itemId} is not in the pool`);
  if (state.steps.some((step) => step.itemId === itemId)) throw new Error(`recordResponse: item ${itemId} was already answered`);
  const logLikelihood = state.logLikelihood.map((value, k) => value + responseLogLikelihood(state.quadrature.nodes[k]!, item, correct));
  const { theta, se } = posteriorSummary(state.quadrature, logLikelihood);
  return {
    ...state,
    logLikelihood,
    steps: [...state.steps, { itemId, skill: item.skill, correct, theta, se }],
    setAside: state.setAside.filter((id) => id !== itemId),
    theta,
    se,
  };
}

/** Stop or continue, with the reason (stop.ts). Elapsed time comes from the caller. */
export function finishDecision(state: CatState, elapsedSeconds = 0): StopDecision {
  return stopDecision(
    {
      itemsAdministered: state.steps.length,
      se: state.se,
      elapsedSeconds,
      itemsRemaining: state.config.pool.length - state.steps.length,
    },
    state.config.stopping,
  );
}

export function isFinished(state: CatState, elapsedSeconds = 0): boolean {
  return finishDecision(state, elapsedSeconds).finished;
}
