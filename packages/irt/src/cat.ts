import { posteriorSummary, responseLogLikelihood, warmTerms, weightedLikelihoodFromGrid, type AbilityEstimate } from './estimate.js';
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
  /**
   * What θ and SE the test reports and stops on. `eap` (default): the posterior mean and SD.
   * `wle`: Warm's weighted likelihood estimate and 1/√I(θ̂), searched over the quadrature's range;
   * its SE is honest across θ, where the posterior SD understates the error of strong and weak
   * learners (estimate.ts). Items are chosen at the EAP either way: it is defined from the first item
   * on and moves smoothly while the test is short.
   */
  readonly scoring?: 'eap' | 'wle';
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
  /** The EAP estimate and posterior SD: where the next item is chosen. */
  readonly eap: AbilityEstimate;
  /** Sums of Warm's terms at each quadrature node, kept only when scoring is `wle`. */
  readonly warm: { readonly score: readonly number[]; readonly information: readonly number[]; readonly j: readonly number[] } | null;
  /** The reported estimate and SE (per `config.scoring`); the stopping rule reads this SE. */
  readonly theta: number;
  readonly se: number;
}

export function startCat(config: CatConfig): CatState {
  const quadrature = config.quadrature ?? normalQuadrature();
  const logLikelihood = quadrature.nodes.map(() => 0);
  const eap = posteriorSummary(quadrature, logLikelihood);
  const warm = config.scoring === 'wle' ? { score: logLikelihood, information: logLikelihood, j: logLikelihood } : null;
  // Before any answer there is no likelihood to weight: every scoring starts at the prior.
  return { config, quadrature, logLikelihood, steps: [], setAside: [], eap, warm, theta: eap.theta, se: eap.se };
}

/**
 * The item to serve next, and the state carrying any Sympson–Hetter refusals. The item is null only
 * when every pool item has been given; whether to ask at all is `isFinished`'s call.
 */
export function nextItem(state: CatState, rng: Rng): { readonly state: CatState; readonly item: PoolItem | null } {
  const selection = selectNextItem(
    { pool: state.config.pool, administered: state.steps.map((s) => s.itemId), setAside: state.setAside, theta: state.eap.theta },
    rng,
    state.config.selection,
  );
  if (!selection) return { state, item: null };
  const setAside = [...new Set([...state.setAside, ...selection.setAside])].filter((id) => id !== selection.item.id);
  return { state: { ...state, setAside }, item: selection.item };
}

/** Pool items by id, built once per pool (states are rebuilt often; pools are not). */
const poolIndexes = new WeakMap<readonly PoolItem[], ReadonlyMap<string, PoolItem>>();
function poolIndex(pool: readonly PoolItem[]): ReadonlyMap<string, PoolItem> {
  let index = poolIndexes.get(pool);
  if (!index) {
    index = new Map(pool.map((item) => [item.id, item]));
    poolIndexes.set(pool, index);
  }
  return index;
}

/** Scores one answer and re-estimates θ. Throws for an item outside the pool or already answered. */
export function recordResponse(state: CatState, itemId: string, correct: boolean): CatState {
  const byId = poolIndex(state.config.pool);
  const item = byId.get(itemId);
  if (!item) throw new Error(`recordResponse: item ${itemId} is not in the pool`);
  if (state.steps.some((step) => step.itemId === itemId)) throw new Error(`recordResponse: item ${itemId} was already answered`);
  const { nodes } = state.quadrature;
  const logLikelihood = state.logLikelihood.map((value, k) => value + responseLogLikelihood(nodes[k]!, item, correct));
  const eap = posteriorSummary(state.quadrature, logLikelihood);
  let warm = state.warm;
  let reported: AbilityEstimate = eap;
  if (warm) {
    const score = warm.score.slice();
    const information = warm.information.slice();
    const j = warm.j.slice();
    for (let k = 0; k < nodes.length; k++) {
      const terms = warmTerms(nodes[k]!, item, correct);
      score[k]! += terms.score;
      information[k]! += terms.information;
      j[k]! += terms.j;
    }
    warm = { score, information, j };
    const responses = [...state.steps, { itemId, correct }].map((step) => ({ item: byId.get(step.itemId)!, correct: step.correct }));
    reported = weightedLikelihoodFromGrid({ nodes, ...warm }, responses) ?? eap;
  }
  const { theta, se } = reported;
  return {
    ...state,
    logLikelihood,
    steps: [...state.steps, { itemId, skill: item.skill, correct, theta, se }],
    setAside: state.setAside.filter((id) => id !== itemId),
    eap,
    warm,
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
      // Before any answer θ is the prior's centre: no band can be decided on it.
      ...(state.steps.length > 0 ? { theta: state.theta } : {}),
      elapsedSeconds,
      itemsRemaining: state.config.pool.length - state.steps.length,
    },
    state.config.stopping,
  );
}

export function isFinished(state: CatState, elapsedSeconds = 0): boolean {
  return finishDecision(state, elapsedSeconds).finished;
}

/**
 * Rebuilds a test from what an attempt stores, its answers and the random stream of each step, by
 * replaying the selection before every answer as well as the scoring. So whatever the exposure method
 * carried between items (items Sympson–Hetter set aside) comes back exactly, and the next selection
 * from the rebuilt state equals the live one's. The other methods carry nothing: their state is the
 * number of items given. Without `rngForStep` only the answers are replayed: θ, SE and the stopping
 * decision are the same, the set-aside items are not recovered.
 */
export function rebuildCat(
  config: CatConfig,
  answered: readonly { readonly itemId: string; readonly correct: boolean }[],
  rngForStep?: (answeredCount: number) => Rng,
): CatState {
  const carriesState = Boolean(config.selection?.sympsonHetter || config.selection?.exposure?.kind === 'sympson-hetter');
  let state = startCat(config);
  for (const answer of answered) {
    // Only set-aside items matter here; an answer to another item than the one replayed (a pool edited
    // since) still counts, and the set-aside list drops it as recordResponse does for any answer.
    // Without the streams (θ, SE and stopping only) the selection is not replayed.
    if (carriesState && rngForStep) state = nextItem(state, rngForStep(state.steps.length)).state;
    state = recordResponse(state, answer.itemId, answer.correct);
  }
  return state;
}
