import { combineIncrements, negate, type Counters } from './counters.js';
import { cellId, gapWeekCells, groupCells, type CellKey } from './dimensions.js';
import { GAP_FIELDS as G, GAP_MOVE_FIELDS, GOAL_FIELDS, fixed, gapField } from './fields.js';
import type { GoalImage, StandingImage } from './images.js';
import type { Increment } from './delta.js';
import { weekOf } from './time.js';

const counters = (entries: [string, number][]): Counters => Object.fromEntries(entries.filter(([, v]) => v !== 0));
const increment = (cell: CellKey, add: Counters): Increment => ({ id: cellId(cell), cell, add });

/** What a goal in its current state adds to its group's cells: one to the total and one to its status. */
export function goalContribution(g: GoalImage): Increment[] {
  const add = counters([
    [GOAL_FIELDS.total, 1],
    [g.status, 1],
  ]);
  return groupCells('goal', g.tenantId, g).map((cell) => increment(cell, add));
}

/**
 * What one person's current standing adds to the gap cells of their group, every skill at once.
 * A person counts towards a skill's requirement when their level requires it; their gap is
 * max(0, required − current), a missing value counting as 0 (the whole requirement is the gap),
 * as the per-person skill map shows it.
 */
export function standingContribution(s: StandingImage): Increment[] {
  const entries: [string, number][] = [];
  for (const k of s.skills) {
    if (k.current !== null) {
      entries.push([gapField(G.assessed, k.skill), 1], [gapField(G.sumCurrent, k.skill), fixed(k.current, 100)]);
    }
    if (k.required !== null && k.required > 0) {
      const gap = Math.max(0, fixed(k.required, 100) - fixed(k.current ?? 0, 100));
      entries.push(
        [gapField(G.users, k.skill), 1],
        [gapField(G.sumRequired, k.skill), fixed(k.required, 100)],
        [gapField(G.sumGap, k.skill), gap],
        [gapField(G.withGap, k.skill), gap > 0 ? 1 : 0],
      );
    }
  }
  const add = counters([['people', 1], ...entries]);
  return groupCells('gap', s.tenantId, s).map((cell) => increment(cell, add));
}

/** Old state leaves its cells, new state enters its cells (insert: old null; delete: new null). */
function replace<T>(oldImage: T | null, newImage: T | null, contribution: (x: T) => Increment[]): Increment[] {
  const leave = oldImage ? contribution(oldImage).map((inc) => ({ ...inc, add: negate(inc.add) })) : [];
  const enter = newImage ? contribution(newImage) : [];
  return combineIncrements([...leave, ...enter]);
}

export const goalDelta = (oldImage: GoalImage | null, newImage: GoalImage | null): Increment[] =>
  replace(oldImage, newImage, goalContribution);

export const standingDelta = (oldImage: StandingImage | null, newImage: StandingImage | null): Increment[] =>
  replace(oldImage, newImage, standingContribution);

/** The skills a standing is below the requirement on (a missing value counts as 0, as in the heatmap). */
function skillsBelow(s: StandingImage): Set<string> {
  const below = new Set<string>();
  for (const k of s.skills)
    if (k.required !== null && k.required > 0 && fixed(k.required, 100) > fixed(k.current ?? 0, 100)) below.add(k.skill);
  return below;
}

/**
 * How a change of one person's standing moved their gaps, counted in the week it happened: a skill
 * below the requirement before and met after closed, met before and below after opened. A first
 * standing (a new person) and a removed one move nothing: they are arrivals and departures, not
 * progress. Attributed to the group of the new standing.
 */
export function gapMovementDelta(oldImage: StandingImage | null, newImage: StandingImage | null, at: string): Increment[] {
  if (!oldImage || !newImage) return [];
  const before = skillsBelow(oldImage);
  const after = skillsBelow(newImage);
  const closed = [...before].filter((skill) => !after.has(skill)).length;
  const opened = [...after].filter((skill) => !before.has(skill)).length;
  const add = counters([
    [GAP_MOVE_FIELDS.closed, closed],
    [GAP_MOVE_FIELDS.opened, opened],
  ]);
  if (Object.keys(add).length === 0) return [];
  return gapWeekCells(newImage.tenantId, newImage, weekOf(at)).map((cell) => increment(cell, add));
}
