import { isFinished, nextItem, recordResponse, startCat, type CatConfig, type CatState } from './cat.js';
import type { ExposureTally } from './exposure.js';
import { probability } from './model.js';
import type { PoolItem } from './pool.js';
import type { Rng } from './rng.js';

/**
 * Runs one simulated examinee of known ability through a CAT, drawing each answer from the model.
 * Used to check and tune a configuration (test length, exposure parameters) before it goes live.
 */
export function simulateCat(config: CatConfig, trueTheta: number, rng: Rng): CatState {
  let state = startCat(config);
  while (!isFinished(state)) {
    const next = nextItem(state, rng);
    if (!next.item) break;
    state = recordResponse(next.state, next.item.id, rng() < probability(trueTheta, next.item));
  }
  return state;
}

/** Selection and administration counts over finished tests, for exposure rates and Sympson–Hetter. */
export function tallyExposure(states: readonly CatState[]): ExposureTally {
  const selected: Record<string, number> = {};
  const administered: Record<string, number> = {};
  for (const state of states) {
    for (const step of state.steps) {
      administered[step.itemId] = (administered[step.itemId] ?? 0) + 1;
      selected[step.itemId] = (selected[step.itemId] ?? 0) + 1;
    }
    for (const id of state.setAside) selected[id] = (selected[id] ?? 0) + 1;
  }
  return { examinees: states.length, selected, administered };
}

export interface ItemBankShape {
  readonly size: number;
  readonly skills: readonly string[];
  /** a ~ lognormal(ln(aMedian), aLogSd²). Defaults 1.2 and 0.3. */
  readonly aMedian?: number;
  readonly aLogSd?: number;
  /** b ~ N(0, bSd²). Default 1. */
  readonly bSd?: number;
  /** c ~ U(0, cMax). Default 0.2. */
  readonly cMax?: number;
}

/** A synthetic bank with calibrated-looking parameters, skills dealt round-robin. */
export function simulateItemBank(shape: ItemBankShape, rng: Rng, normal: () => number): PoolItem[] {
  const { size, skills, aMedian = 1.2, aLogSd = 0.3, bSd = 1, cMax = 0.2 } = shape;
  return Array.from({ length: size }, (_, k) => ({
    id: `item-${String(k + 1).padStart(4, '0')}`,
    skill: skills[k % skills.length]!,
    a: aMedian * Math.exp(aLogSd * normal()),
    b: bSd * normal(),
    c: cMax * rng(),
  }));
}
