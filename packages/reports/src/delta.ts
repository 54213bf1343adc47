import { addCounters, combineIncrements, negate, type CellIncrement, type Counters } from './counters.js';
import {
  ALL,
  attemptResultCells,
  cellId,
  cellsOfAssignment,
  groupCells,
  isClosed,
  itemKey,
  skillRows,
  type CellKey,
  type CompletionCell,
  type ResultCell,
  type SkillCell,
} from './dimensions.js';
import {
  COMPLETION_FIELDS as C,
  RESULT_FIELDS as R,
  SKILL_FIELDS as S,
  bandField,
  fixed,
  histogramBucket,
  histogramField,
  ITEM_FIELDS as I,
  optionField,
  skillSumField,
} from './fields.js';
import type { AssignmentImage, AttemptImage, Attribution } from './images.js';
import { tokyoDate } from './time.js';

export type Increment = CellIncrement<CellKey>;

/** Counters without zero fields (the canonical form; a score of 0 adds no sum field). */
function counters(entries: [string, number][]): Counters {
  return Object.fromEntries(entries.filter(([, v]) => v !== 0));
}

/** What one closed attempt adds to each of its result cells. */
export function resultCounters(a: AttemptImage): Counters {
  const base: [string, number][] = [[R.expired, a.status === 'expired' ? 1 : 0]];
  const r = a.result;
  if (!r) return counters([...base, [R.unscored, 1]]);
  const x10 = fixed(r.score, 10);
  const theta = r.theta === null ? null : fixed(r.theta, 1000);
  return counters([
    ...base,
    [R.count, 1],
    [R.passCount, r.passed ? 1 : 0],
    [R.sumScore, x10],
    [R.sumSquares, x10 * x10],
    [histogramField(histogramBucket(x10)), 1],
    // The schema admits 1–5 only; the clamp keeps a hand-made image from inventing a sixth band.
    [bandField(Math.min(5, Math.max(1, Math.round(r.band)))), 1],
    [R.thetaCount, theta === null ? 0 : 1],
    [R.sumTheta, theta ?? 0],
    [R.sumThetaSquares, theta === null ? 0 : theta * theta],
  ]);
}

const increment = <K extends CellKey>(cell: K, add: Counters): Increment => ({ id: cellId(cell), cell, add });

/** Everything a closed attempt adds, attributed to `who`; nothing for an attempt in progress. */
export function attemptContribution(a: AttemptImage, who: Attribution): Increment[] {
  if (!isClosed(a)) return [];
  const cells = attemptResultCells(a, who);
  const result = resultCounters(a);
  const out: Increment[] = cells.map((cell: ResultCell) => increment(cell, result));
  // A skill listed twice (never by the engine) is one row with both parts added.
  const bySkill = new Map<string, Counters>();
  for (const s of a.result?.bySkill ?? []) {
    const add = counters([
      [S.count, 1],
      [S.correct, fixed(s.correct, 10)],
      [S.answered, s.answered],
    ]);
    bySkill.set(s.skill, addCounters(bySkill.get(s.skill) ?? {}, add));
  }
  const own = cells.filter((c) => c.assessmentId !== ALL);
  for (const [skill, add] of bySkill) out.push(...skillRows(own, skill).map((cell: SkillCell) => increment(cell, add)));
  // The company-wide view per skill: every skill of the attempt in one cell per group.
  if (bySkill.size > 0) {
    const sums = counters(
      [...bySkill].flatMap(([skill, add]) => Object.entries(add).map(([f, v]): [string, number] => [skillSumField(f, skill), v])),
    );
    for (const cell of groupCells('skillsum', a.tenantId, who)) out.push(increment(cell, sums));
  }
  out.push(...itemIncrements(a));
  return out;
}

/**
 * Item analysis: what a closed attempt adds per question. Only the first answer to a question counts
 * (the engine never serves one twice). The rest score y of an answer is the attempt's right answers
 * on its other items, which is what the corrected point-biserial correlates with.
 */
export function itemIncrements(a: AttemptImage): Increment[] {
  const seen = new Set<string>();
  const answers = a.answers.filter((x) => !seen.has(x.questionId) && seen.add(x.questionId));
  if (answers.length === 0) return [];
  const total = answers.filter((x) => x.correct).length;
  const out: Increment[] = [increment(itemKey({ tenantId: a.tenantId, assessmentId: a.assessmentId }), { [I.attempts]: 1 })];
  for (const x of answers) {
    const right = x.correct ? 1 : 0;
    const rest = total - right;
    out.push(
      increment(
        itemKey({ tenantId: a.tenantId, assessmentId: a.assessmentId, questionId: x.questionId }),
        counters([
          [I.n, 1],
          [I.right, right],
          [I.sumRest, rest],
          [I.sumRestSquares, rest * rest],
          [I.sumRightRest, right * rest],
          [I.chosen, x.optionId === null ? 0 : 1],
          ...(x.optionId === null ? [] : [[optionField(x.optionId), 1] as [string, number]]),
        ]),
      ),
    );
  }
  return out;
}

/** Late: completed on a Japan calendar day after the due date. No due date or no time recorded: on time. */
export function completedLate(x: Pick<AssignmentImage, 'status' | 'dueDate' | 'completedAt'>): boolean {
  return x.status === 'completed' && x.dueDate !== null && x.completedAt !== null && tokyoDate(x.completedAt) > x.dueDate;
}

/** What one assignment, in its current state, adds to each of its completion cells. */
export function completionCounters(x: AssignmentImage): Counters {
  const done = x.status === 'completed';
  const late = completedLate(x);
  return counters([
    [C.assigned, 1],
    [C.notStarted, x.status === 'not_started' ? 1 : 0],
    [C.inProgress, x.status === 'in_progress' ? 1 : 0],
    [C.completed, done ? 1 : 0],
    [C.completedOnTime, done && !late ? 1 : 0],
    [C.completedLate, late ? 1 : 0],
    // A completed assignment is never overdue, whatever a stale flag says.
    [C.overdue, !done && x.overdue ? 1 : 0],
  ]);
}

export function assignmentContribution(x: AssignmentImage): Increment[] {
  return cellsOfAssignment(x).map((cell: CompletionCell) => increment(cell, completionCounters(x)));
}

export type AttemptTransition = 'finished' | 'expired' | 'removed';

/**
 * The one change of an attempt that moves aggregates: it closes (in progress or absent → finished or
 * expired), or a closed attempt is deleted (erasure of a user's data; the rebuild would no longer see
 * it). Anything else — answers, a rewrite of a closed attempt, deleting an unfinished one — is null:
 * a result is written once, when the attempt closes, and attempts never reopen.
 */
export function attemptTransition(oldImage: AttemptImage | null, newImage: AttemptImage | null): AttemptTransition | null {
  const wasClosed = oldImage !== null && isClosed(oldImage);
  if (!wasClosed && newImage !== null && isClosed(newImage)) return newImage.status as 'finished' | 'expired';
  if (wasClosed && newImage === null) return 'removed';
  return null;
}

/**
 * The increments for one stream record of an attempt. `who` is the learner's department and level
 * at the attempt's finish time (for a removal too: it takes back exactly what the finish added).
 * Apply it at most once per `idempotencyKey`: a record delivered twice has the same key.
 */
export function attemptDelta(oldImage: AttemptImage | null, newImage: AttemptImage | null, who: Attribution): Increment[] {
  const t = attemptTransition(oldImage, newImage);
  if (t === null) return [];
  if (t === 'removed') return attemptContribution(oldImage!, who).map((inc) => ({ ...inc, add: negate(inc.add) }));
  return attemptContribution(newImage!, who);
}

/**
 * The increments for one stream record of an assignment: the old state leaves its cells and the new
 * state enters its cells (not_started → in_progress is −1 notStarted, +1 inProgress). Each image is
 * counted where it says it belongs, so even a changed department/level stamp moves the count
 * cleanly. Insert: old is null; delete: new is null.
 */
export function assignmentDelta(oldImage: AssignmentImage | null, newImage: AssignmentImage | null): Increment[] {
  const leave = oldImage ? assignmentContribution(oldImage).map((inc) => ({ ...inc, add: negate(inc.add) })) : [];
  const enter = newImage ? assignmentContribution(newImage) : [];
  return combineIncrements([...leave, ...enter]);
}

/** A stream record as the aggregator hands it over. `eventId` is the stream's record id (the same on redelivery). */
export type ChangeRecord =
  | { kind: 'attempt'; oldImage: AttemptImage | null; newImage: AttemptImage | null }
  | { kind: 'assignment'; eventId: string; oldImage: AssignmentImage | null; newImage: AssignmentImage | null };

/**
 * The key under which the caller records "applied" (conditionally, in the same transaction as the
 * increments). Attempts: `attempt:<id>:finished|expired|removed` — one per transition, so even the
 * same transition written twice counts once. Assignments change state back and forth, so their
 * transitions are not unique: the key is the stream record's id. Null: the record moves nothing.
 */
export function idempotencyKey(record: ChangeRecord): string | null {
  if (record.kind === 'attempt') {
    const t = attemptTransition(record.oldImage, record.newImage);
    const a = record.newImage ?? record.oldImage;
    return t === null || a === null ? null : `attempt:${a.id}:${t}`;
  }
  const x = record.newImage ?? record.oldImage;
  if (x === null) return null;
  return `assignment:${x.userId}:${x.packageId}:${record.eventId}`;
}
