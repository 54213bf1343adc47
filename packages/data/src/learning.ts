import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb, TenantDb } from './db.js';
import { queryAll } from './transact.js';
import { keys, type Owner } from './keys.js';
import { ConflictError, isConditionFailure } from './errors.js';

// ── Packages ───────────────────────────────────────────────────────────────────────────────

export interface PackageRecord<P = unknown> {
  id: string;
  owner: Owner['kind'];
  package: P;
  /** The catalog package it was cloned from, if any. */
  clonedFrom: string | null;
  createdAt: string;
  updatedAt: string;
  rev: number;
}

const toPackage = <P>(i: Record<string, unknown>, owner: Owner): PackageRecord<P> => ({
  id: i.id as string,
  owner: owner.kind,
  package: i.package as P,
  clonedFrom: (i.clonedFrom as string | null) ?? null,
  createdAt: i.createdAt as string,
  updatedAt: i.updatedAt as string,
  rev: i.rev as number,
});

export async function putNewPackage<P>(db: PlatformDb, owner: Owner, record: Omit<PackageRecord<P>, 'owner'>): Promise<PackageRecord<P>> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.learningPackage(owner, record.id), entity: 'package', ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return { ...record, owner: owner.kind };
}

export async function savePackage<P>(
  db: PlatformDb,
  owner: Owner,
  current: PackageRecord<P>,
  pkg: P,
  now: string,
): Promise<PackageRecord<P>> {
  const next = { ...current, package: pkg, updatedAt: now, rev: current.rev + 1 };
  const { owner: _o, ...fields } = next;
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...keys.learningPackage(owner, current.id), entity: 'package', ...fields },
        ConditionExpression: 'rev = :r',
        ExpressionAttributeValues: { ':r': current.rev },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('stale', 'The package was changed meanwhile; reload it', 'expectedRev');
    throw error;
  }
  return next;
}

export async function getPackage<P>(db: PlatformDb, owner: Owner, id: string): Promise<PackageRecord<P> | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.learningPackage(owner, id) }));
  return out.Item ? toPackage<P>(out.Item, owner) : null;
}

export async function listPackages<P>(db: PlatformDb, owner: Owner): Promise<PackageRecord<P>[]> {
  const k = keys.learningPackages(owner);
  const all: PackageRecord<P>[] = (
    await queryAll(db, {
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix },
    })
  ).map((i) => toPackage<P>(i, owner));
  return all;
}

// ── Assignments ────────────────────────────────────────────────────────────────────────────

export interface AssignmentRecord {
  userId: string;
  packageId: string;
  dueDate: string | null;
  assignedAt: string;
  assignedBy: string;
  /** How it came: by hand, for a department or a level in bulk, or automatically for the user's level. */
  via: 'user' | 'department' | 'level' | 'auto';
  completions: Record<string, { at: string; by: string }>;
  /**
   * The learner's department and level when the package was assigned: reports count the assignment
   * there for good (history does not move when the person does; see docs/architecture.md).
   */
  departmentId?: string | null;
  level?: string | null;
}

/** The assignment's state as last derived from its progress (what completion reports count). */
export interface AssignmentState {
  status: 'not_started' | 'in_progress' | 'completed';
  completedAt: string | null;
  overdue: boolean;
}

function assignmentItem(db: TenantDb, a: AssignmentRecord, state: AssignmentState): Record<string, unknown> {
  return {
    ...keys.assignment(db.tenantId, a.userId, a.packageId),
    ...keys.assignmentsOfUser(db.tenantId, a.userId, a.dueDate ?? '9999-12-31', a.packageId),
    ...keys.assignmentsOfPackage(db.tenantId, a.packageId, a.assignedAt, a.userId),
    entity: 'assignment',
    tenantId: db.tenantId,
    ...a,
    departmentId: a.departmentId ?? null,
    level: a.level ?? null,
    ...state,
  };
}

const toAssignment = (i: Record<string, unknown>): AssignmentRecord => ({
  userId: i.userId as string,
  packageId: i.packageId as string,
  dueDate: (i.dueDate as string | null) ?? null,
  assignedAt: i.assignedAt as string,
  assignedBy: i.assignedBy as string,
  via: i.via as AssignmentRecord['via'],
  completions: (i.completions as AssignmentRecord['completions']) ?? {},
  departmentId: (i.departmentId as string | null | undefined) ?? null,
  level: (i.level as string | null | undefined) ?? null,
});

/** The stored state of an assignment (absent on items written before it was kept). */
export const assignmentStateOf = (i: Record<string, unknown>): AssignmentState | null =>
  typeof i.status === 'string'
    ? { status: i.status as AssignmentState['status'], completedAt: (i.completedAt as string | null) ?? null, overdue: i.overdue === true }
    : null;

/**
 * Assigns a package to a person once: assigning again (a retried bulk request, a level change
 * back and forth) leaves the existing assignment and its progress as they are.
 */
export async function assignPackage(
  db: TenantDb,
  a: AssignmentRecord,
  state: AssignmentState = { status: 'not_started', completedAt: null, overdue: false },
): Promise<'created' | 'exists'> {
  try {
    await db.doc.send(
      new PutCommand({ TableName: db.table, Item: assignmentItem(db, a, state), ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return 'created';
  } catch (error) {
    if (isConditionFailure(error)) return 'exists';
    throw error;
  }
}

export async function getAssignment(db: TenantDb, userId: string, packageId: string): Promise<AssignmentRecord | null> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.assignment(db.tenantId, userId, packageId), ConsistentRead: true }),
  );
  return out.Item ? toAssignment(out.Item) : null;
}

/** The assignment as stored, with its derived state (null: no such assignment). */
export async function getAssignmentWithState(
  db: TenantDb,
  userId: string,
  packageId: string,
): Promise<{ assignment: AssignmentRecord; state: AssignmentState | null } | null> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.assignment(db.tenantId, userId, packageId), ConsistentRead: true }),
  );
  return out.Item ? { assignment: toAssignment(out.Item), state: assignmentStateOf(out.Item) } : null;
}

/**
 * Stores the state derived from the assignment's progress, only if it differs (so an unchanged
 * state writes nothing and puts nothing on the stream). Returns whether it wrote.
 */
export async function saveAssignmentState(db: TenantDb, userId: string, packageId: string, state: AssignmentState): Promise<boolean> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.assignment(db.tenantId, userId, packageId),
        UpdateExpression: 'SET #s = :s, completedAt = :c, overdue = :o, tenantId = :t',
        ConditionExpression: 'attribute_exists(pk) AND NOT (#s = :s AND completedAt = :c AND overdue = :o)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': state.status, ':c': state.completedAt, ':o': state.overdue, ':t': db.tenantId },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Records one module as completed (idempotent: the first completion is kept). */
export async function completeModule(
  db: TenantDb,
  userId: string,
  packageId: string,
  moduleId: string,
  completion: { at: string; by: string },
): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: keys.assignment(db.tenantId, userId, packageId),
      UpdateExpression: 'SET completions.#m = if_not_exists(completions.#m, :c)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#m': moduleId },
      ExpressionAttributeValues: { ':c': completion },
    }),
  );
}

/** A person's assignments with their stored state (the rebuild reads these). */
export async function listAssignmentStatesOfUser(
  db: TenantDb,
  userId: string,
): Promise<{ assignment: AssignmentRecord; state: AssignmentState | null }[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.assignmentsOfUser(db.tenantId, userId).gsi1pk },
  });
  return items.map((i) => ({ assignment: toAssignment(i), state: assignmentStateOf(i) }));
}

export async function listAssignmentsOfUser(db: TenantDb, userId: string): Promise<AssignmentRecord[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.assignmentsOfUser(db.tenantId, userId).gsi1pk },
    }),
  );
  return (out.Items ?? []).map(toAssignment);
}

export async function listAssignmentsOfPackage(db: TenantDb, packageId: string): Promise<AssignmentRecord[]> {
  const all: AssignmentRecord[] = (
    await queryAll(db, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': keys.assignmentsOfPackage(db.tenantId, packageId).gsi2pk },
    })
  ).map((i) => toAssignment(i));
  return all;
}

// ── Settings ───────────────────────────────────────────────────────────────────────────────

export interface LearningSettings {
  weeklyBudgetMinutes: number;
  /** Package to assign automatically per level (when a user is created or changes level). */
  autoAssign: Partial<Record<string, string>>;
  /** Days until due for an automatic assignment. */
  autoAssignDueDays: number;
  autoAddRecommendations: boolean;
}

export const DEFAULT_LEARNING_SETTINGS: LearningSettings = {
  weeklyBudgetMinutes: 60,
  autoAssign: {},
  autoAssignDueDays: 90,
  autoAddRecommendations: false,
};

export async function getLearningSettings(db: TenantDb): Promise<LearningSettings> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.learningSettings(db.tenantId) }));
  return out.Item ? { ...DEFAULT_LEARNING_SETTINGS, ...(out.Item.settings as Partial<LearningSettings>) } : DEFAULT_LEARNING_SETTINGS;
}

export async function putLearningSettings(db: TenantDb, settings: LearningSettings, now: string): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.learningSettings(db.tenantId), entity: 'learningSettings', settings, updatedAt: now },
    }),
  );
}

/** When each of the person's quizzes was first passed (from their standing per assessment). */
export async function passedAssessments(db: TenantDb, userId: string, assessmentIds: string[]): Promise<Map<string, string>> {
  const passed = new Map<string, string>();
  const unique = [...new Set(assessmentIds)];
  for (let i = 0; i < unique.length; i += 100) {
    const out = await db.doc.send(
      new BatchGetCommand({
        RequestItems: { [db.table]: { Keys: unique.slice(i, i + 100).map((a) => keys.learnerAssessment(db.tenantId, userId, a)) } },
      }),
    );
    for (const item of out.Responses?.[db.table] ?? []) if (item.passedAt) passed.set(item.assessmentId as string, item.passedAt as string);
  }
  return passed;
}

/** A learner's own weekly budget, if they set one (null: the company default applies). */
export async function getLearnerBudget(db: TenantDb, userId: string): Promise<number | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.learnerPrefs(db.tenantId, userId) }));
  return (out.Item?.weeklyBudgetMinutes as number | undefined) ?? null;
}

export async function putLearnerBudget(db: TenantDb, userId: string, minutes: number | null, now: string): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.learnerPrefs(db.tenantId, userId), entity: 'learnerPrefs', weeklyBudgetMinutes: minutes, updatedAt: now },
    }),
  );
}
