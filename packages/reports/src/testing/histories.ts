import { addCounters, applyIncrements, type Counters } from '../counters.js';
import { assignmentDelta, attemptDelta, idempotencyKey, type ChangeRecord, type Increment } from '../delta.js';
import type { AssignmentImage, AssignmentStatus, AttemptImage, AttemptResult, Attribution } from '../images.js';
import type { AttributionLookup } from '../rebuild.js';
import { shardCount, shardFor } from '../shard.js';

// Test support: a seeded world of learners who move between departments, attempts and assignments
// with their full change-stream histories (redeliveries included), and a model aggregator that
// folds those records the way the real one must. Not exported from the package.

export type Rng = () => number;

/** mulberry32: small, seedable, the same sequence on every runtime. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// Awkward values on purpose: a department spelled like the rollup sentinel, key separators in ids
// and skill names, and learners without a department or level.
const DEPARTMENTS = ['sales', 'hr', 'dev', '*', 'a/b#c', null] as const;
const LEVELS = ['new_hire', 'junior', 'mid', 'manager', '-', null] as const;
const SKILLS = ['ビジネス基礎', 'Excel・IT', 'logic', 'x/y', '%'];
const T0 = Date.parse('2025-03-30T12:00:00Z');
const HOUR = 3_600_000;
const at = (ms: number): string => new Date(ms).toISOString();

/** From `from` on, the learner belongs here (a transfer or a promotion starts a new membership). */
export interface Membership extends Attribution {
  from: string;
}

export interface World {
  tenantId: string;
  /** Current state of every attempt and assignment that still exists: what a rebuild reads. */
  attempts: AttemptImage[];
  assignments: AssignmentImage[];
  /** The change stream: per-item order kept, items interleaved by time, some records delivered again later. */
  records: ChangeRecord[];
  memberships: Map<string, Membership[]>;
  /** Point in time: the membership in force at the attempt's finish. */
  lookup: AttributionLookup;
}

export function attributionAt(
  memberships: ReadonlyMap<string, readonly Membership[]>,
  userId: string,
  instant: string | null,
): Attribution {
  const list = memberships.get(userId) ?? [];
  let current: Attribution = { departmentId: null, level: null };
  for (const m of list) if (instant === null || m.from <= instant) current = { departmentId: m.departmentId, level: m.level };
  return current;
}

function randomResult(rng: Rng, adaptive: boolean): AttemptResult {
  // Scores on the engine's 0.1 grid, with the edges (0, 9.9, 10, 100) drawn often.
  const score = rng() < 0.15 ? pick(rng, [0, 9.9, 10, 59.9, 60, 99.9, 100]) : int(rng, 0, 1000) / 10;
  const bySkill = shuffle(rng, SKILLS)
    .slice(0, int(rng, 0, 3))
    .map((skill) => {
      const answered = int(rng, 0, 6);
      const correct = int(rng, 0, 2 * answered) / 2;
      return { skill, correct, answered, percent: answered === 0 ? 0 : Math.round((1000 * correct) / answered) / 10 };
    });
  return {
    score,
    passed: score >= 60,
    bySkill,
    band: Math.min(5, Math.floor(score / 20) + 1),
    theta: adaptive ? int(rng, -3000, 3000) / 1000 : null,
  };
}

interface Timed {
  t: number;
  record: ChangeRecord;
}

function attemptHistory(rng: Rng, tenantId: string, n: number, userId: string, assessmentId: string): Timed[] {
  const out: Timed[] = [];
  let t = T0 + rng() * 8 * 7 * 24 * HOUR;
  let current: AttemptImage = {
    id: `att${n}`,
    tenantId,
    userId,
    assessmentId,
    status: 'in_progress',
    finishedAt: null,
    result: null,
    answers: [],
  };
  const emit = (next: AttemptImage | null) => {
    out.push({ t, record: { kind: 'attempt', oldImage: out.length === 0 ? null : current, newImage: next } });
    if (next) current = next;
    t += rng() * 2 * HOUR;
  };
  emit(current);
  for (let i = int(rng, 0, 2); i > 0; i--) emit({ ...current });
  if (rng() < 0.8) {
    const status = rng() < 0.2 ? 'expired' : 'finished';
    const result = rng() < 0.05 ? null : randomResult(rng, assessmentId.endsWith('cat'));
    // Answers (item analysis): a few of 6 questions, some choice items with an option.
    const answers = shuffle(rng, ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'])
      .slice(0, int(rng, 0, 4))
      .map((questionId) => ({ questionId, correct: rng() < 0.6, optionId: rng() < 0.5 ? null : `o${int(rng, 1, 3)}` }));
    emit({ ...current, status, finishedAt: at(t), result, answers });
    // A rewrite of a closed attempt (e.g. review data added) moves nothing.
    if (rng() < 0.2) emit({ ...current });
  }
  if (rng() < 0.12) emit(null);
  return out;
}

function assignmentHistory(
  rng: Rng,
  tenantId: string,
  userId: string,
  packageId: string,
  stamp: Attribution,
  start: number,
  next: () => string,
): Timed[] {
  const out: Timed[] = [];
  let t = start;
  const dueDate = rng() < 0.2 ? null : at(start + int(rng, 3, 40) * 24 * HOUR).slice(0, 10);
  let current: AssignmentImage | null = null;
  const emit = (image: AssignmentImage | null) => {
    out.push({ t, record: { kind: 'assignment', eventId: next(), oldImage: current, newImage: image } });
    current = image;
    t += rng() * 10 * 24 * HOUR;
  };
  const state = (status: AssignmentStatus, overdue = false): AssignmentImage => ({
    tenantId,
    userId,
    packageId,
    dueDate,
    status,
    completedAt: status === 'completed' ? at(t) : null,
    overdue: status !== 'completed' && overdue,
    ...stamp,
  });
  emit(state('not_started'));
  for (let steps = int(rng, 0, 5); steps > 0; steps--) {
    // Back and forth too: a package that gains a module reopens a completed assignment.
    emit(state(pick(rng, ['not_started', 'in_progress', 'completed', 'in_progress'] as const), rng() < 0.3));
  }
  if (rng() < 0.1) emit(null);
  return out;
}

export function generateWorld(seed: number, size = { users: 12, attempts: 40, packages: 3 }): World {
  const rng = mulberry32(seed);
  const tenantId = `tenant${seed}`;
  const users = Array.from({ length: size.users }, (_, i) => `u${i}`);
  const memberships = new Map<string, Membership[]>();
  for (const u of users) {
    const list: Membership[] = [{ from: at(0), departmentId: pick(rng, DEPARTMENTS), level: pick(rng, LEVELS) }];
    // Transfers and promotions at random moments of the period.
    for (let moves = int(rng, 0, 2); moves > 0; moves--) {
      list.push({ from: at(T0 + rng() * 8 * 7 * 24 * HOUR), departmentId: pick(rng, DEPARTMENTS), level: pick(rng, LEVELS) });
    }
    memberships.set(
      u,
      list.sort((a, b) => (a.from < b.from ? -1 : 1)),
    );
  }
  const lookup: AttributionLookup = (a) => attributionAt(memberships, a.userId, a.finishedAt);

  const timed: Timed[] = [];
  for (let n = 0; n < size.attempts; n++)
    timed.push(...attemptHistory(rng, tenantId, n, pick(rng, users), pick(rng, ['fixed1', 'fixed2', 'cat'])));
  let events = 0;
  const nextEvent = () => `ev${events++}`;
  for (let p = 0; p < size.packages; p++) {
    for (const u of users) {
      if (rng() < 0.3) continue;
      const assignedAt = T0 + rng() * 4 * 7 * 24 * HOUR;
      const stamp = attributionAt(memberships, u, at(assignedAt));
      timed.push(...assignmentHistory(rng, tenantId, u, `pkg${p}`, stamp, assignedAt, nextEvent));
    }
  }

  // Stream order: by time (each item's own records are already in order), then redeliveries — a
  // copy of an earlier record arriving again later, as a retried batch does.
  const records = timed.sort((a, b) => a.t - b.t).map((x) => x.record);
  for (let i = Math.floor(records.length * 0.25); i > 0; i--) {
    const from = int(rng, 0, records.length - 1);
    records.splice(int(rng, from + 1, records.length), 0, structuredClone(records[from]!));
  }

  const attempts = new Map<string, AttemptImage | null>();
  const assignments = new Map<string, AssignmentImage | null>();
  for (const { record } of timed) {
    const image = record.newImage ?? record.oldImage!;
    if (record.kind === 'attempt') attempts.set(image.userId + '/' + (image as AttemptImage).id, record.newImage);
    else assignments.set(`${image.userId}/${(image as AssignmentImage).packageId}`, record.newImage);
  }
  return {
    tenantId,
    attempts: [...attempts.values()].filter((a): a is AttemptImage => a !== null),
    assignments: [...assignments.values()].filter((x): x is AssignmentImage => x !== null),
    records,
    memberships,
    lookup,
  };
}

/** The increments of one record, as the aggregator computes them (attribution looked up at finish). */
export function deltaOf(record: ChangeRecord, lookup: AttributionLookup): Increment[] {
  if (record.kind === 'assignment') return assignmentDelta(record.oldImage, record.newImage);
  const closed = record.newImage ?? record.oldImage;
  return closed ? attemptDelta(record.oldImage, record.newImage, lookup(closed)) : [];
}

/** The model aggregator: apply each record once per idempotency key. */
export function aggregate(records: readonly ChangeRecord[], lookup: AttributionLookup, applied = new Set<string>()): Map<string, Counters> {
  const store = new Map<string, Counters>();
  for (const record of records) {
    const key = idempotencyKey(record);
    if (key === null || applied.has(key)) continue;
    applied.add(key);
    applyIncrements(store, deltaOf(record, lookup));
  }
  return store;
}

/** The same, writing hot cells across shards: cell id → shard → counters. */
export function aggregateSharded(records: readonly ChangeRecord[], lookup: AttributionLookup): Map<string, Map<number, Counters>> {
  const shards = new Map<string, Map<number, Counters>>();
  const applied = new Set<string>();
  for (const record of records) {
    const key = idempotencyKey(record);
    if (key === null || applied.has(key)) continue;
    applied.add(key);
    for (const inc of deltaOf(record, lookup)) {
      const shard = shardFor(inc.cell, key, shardCount(inc.cell));
      const byShard = shards.get(inc.id) ?? new Map<number, Counters>();
      byShard.set(shard, addCounters(byShard.get(shard) ?? {}, inc.add));
      shards.set(inc.id, byShard);
    }
  }
  return shards;
}
