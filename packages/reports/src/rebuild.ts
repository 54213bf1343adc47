import { addCounters, applyIncrements, isEmpty, type Counters } from './counters.js';
import { assignmentContribution, attemptContribution } from './delta.js';
import type { AssignmentImage, AttemptImage, Attribution, GoalImage, StandingImage } from './images.js';
import { goalContribution, standingContribution } from './org.js';

/**
 * Where an attempt belongs: the learner's department and level at its finish time. The aggregator
 * must use the very same lookup; a lookup of the learner's *current* department would make a rebuild
 * after a transfer disagree with what the stream maintained (see README: history does not move).
 */
export type AttributionLookup = (attempt: AttemptImage) => Attribution;

/**
 * Every cell computed from raw data: each closed attempt and each assignment counted once, in its
 * current state. Folding every stream delta (each idempotency key once) gives exactly this map,
 * because an attempt's deltas add up to its closed state and an assignment's telescope to its last
 * state. Cells are canonical (no zero fields, no empty cells), keyed by `cellId`.
 */
export function rebuildAggregates(
  attempts: Iterable<AttemptImage>,
  assignments: Iterable<AssignmentImage>,
  dims: AttributionLookup,
  goals: Iterable<GoalImage> = [],
  standings: Iterable<StandingImage> = [],
): Map<string, Counters> {
  const cells = new Map<string, Counters>();
  for (const a of attempts) applyIncrements(cells, attemptContribution(a, dims(a)));
  for (const x of assignments) applyIncrements(cells, assignmentContribution(x));
  for (const g of goals) applyIncrements(cells, goalContribution(g));
  for (const s of standings) applyIncrements(cells, standingContribution(s));
  return cells;
}

/**
 * What to add to the maintained cells to make them equal the rebuilt ones (rebuilt − maintained, per
 * cell; empty when they agree). A repair is itself an increment, so it can be applied with the same
 * ADD as the stream's updates, to any one shard, while the stream keeps running.
 */
export function diffAggregates(maintained: ReadonlyMap<string, Counters>, rebuilt: ReadonlyMap<string, Counters>): Map<string, Counters> {
  const out = new Map<string, Counters>();
  for (const id of new Set([...maintained.keys(), ...rebuilt.keys()])) {
    const d = addCounters(rebuilt.get(id) ?? {}, maintained.get(id) ?? {}, -1);
    if (!isEmpty(d)) out.set(id, d);
  }
  return out;
}
