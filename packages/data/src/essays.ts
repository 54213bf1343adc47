import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { TenantDb } from './db.js';
import { ConflictError, isConditionFailure } from './errors.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/** draft: answered while the attempt runs; pending: submitted, in the grading queue; graded. */
export type EssayState = 'draft' | 'pending' | 'graded';

export interface EssayGradeRecord {
  /** Whole points per rubric criterion id. */
  points: Record<string, number>;
  total: number;
  max: number;
  /** total / max, 0..1 */
  score: number;
  /** For the learner, shown with the points once graded. */
  comment: string | null;
  gradedBy: string;
  gradedAt: string;
}

/**
 * A learner's essay: its text (kept off the attempt item, which stays small however long the
 * essays), its place in the grading queue and its grade. Lives in the attempt's partition.
 */
export interface EssayAnswerRecord {
  attemptId: string;
  questionId: string;
  userId: string;
  assessmentId: string;
  assessmentVersion: number;
  text: string;
  state: EssayState;
  answeredAt: string;
  submittedAt: string | null;
  /** The learner's department when submitted: the manager queue it waits in. */
  departmentId: string | null;
  grade: EssayGradeRecord | null;
  /** Every regrade, oldest first: who, when, and the grade it replaced. */
  regrades: { by: string; at: string; previous: EssayGradeRecord }[];
  rev: number;
}

const toEssay = (i: Record<string, unknown>): EssayAnswerRecord => {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, entity: _e, ...rest } = i;
  return rest as unknown as EssayAnswerRecord;
};

const queueKeys = (db: TenantDb, e: EssayAnswerRecord): Record<string, string> =>
  e.state === 'pending' && e.submittedAt
    ? {
        ...keys.pendingEssaysOfTenant(db.tenantId, e.submittedAt, e.attemptId, e.questionId),
        ...(e.departmentId ? keys.pendingEssaysOfDepartment(db.tenantId, e.departmentId, e.submittedAt, e.attemptId, e.questionId) : {}),
      }
    : {};

/** The put of a new essay answer (with the attempt's guarded put, in one transaction). */
export function essayAnswerPut(db: TenantDb, e: EssayAnswerRecord): TransactItem {
  return {
    Put: {
      TableName: db.table,
      Item: { ...keys.essayAnswer(db.tenantId, e.attemptId, e.questionId), ...queueKeys(db, e), entity: 'essayAnswer', ...e },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Puts a drafted essay in the grading queue (in the attempt's closing transaction). */
export function essaySubmitUpdate(db: TenantDb, e: EssayAnswerRecord, submittedAt: string, departmentId: string | null): TransactItem {
  const queued: EssayAnswerRecord = { ...e, state: 'pending', submittedAt, departmentId };
  const q = queueKeys(db, queued);
  const names = Object.keys(q);
  return {
    Update: {
      TableName: db.table,
      Key: keys.essayAnswer(db.tenantId, e.attemptId, e.questionId),
      UpdateExpression: `SET #state = :pending, submittedAt = :at, departmentId = :dept, rev = rev + :one${names.map((n) => `, ${n} = :${n}`).join('')}`,
      ConditionExpression: '#state = :draft',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: {
        ':pending': 'pending',
        ':draft': 'draft',
        ':at': submittedAt,
        ':dept': departmentId,
        ':one': 1,
        ...Object.fromEntries(names.map((n) => [`:${n}`, q[n]])),
      },
    },
  };
}

export async function getEssayAnswer(db: TenantDb, attemptId: string, questionId: string): Promise<EssayAnswerRecord | null> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.essayAnswer(db.tenantId, attemptId, questionId), ConsistentRead: true }),
  );
  return out.Item ? toEssay(out.Item) : null;
}

/** Every essay of an attempt (one consistent Query on the attempt's partition). */
export async function listEssaysOfAttempt(db: TenantDb, attemptId: string): Promise<EssayAnswerRecord[]> {
  const k = keys.essaysOfAttempt(db.tenantId, attemptId);
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': k.pk, ':prefix': k.skPrefix },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map(toEssay);
}

/**
 * Grades a pending essay. Conditional on it still pending: of two graders, the second gets
 * `ConflictError('essay_already_graded')` and changes nothing. Leaves the queue (index keys removed).
 */
export async function gradeEssayAnswer(db: TenantDb, e: EssayAnswerRecord, grade: EssayGradeRecord): Promise<EssayAnswerRecord> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.essayAnswer(db.tenantId, e.attemptId, e.questionId),
        UpdateExpression: 'SET #state = :graded, grade = :grade, rev = rev + :one REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk',
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':graded': 'graded', ':pending': 'pending', ':grade': grade, ':one': 1 },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('essay_already_graded', 'This essay was graded meanwhile');
    throw error;
  }
  return { ...e, state: 'graded', grade, rev: e.rev + 1 };
}

/** Replaces a grade, recording who regraded when and the grade replaced; conditional on the grade read. */
export async function regradeEssayAnswer(db: TenantDb, e: EssayAnswerRecord, grade: EssayGradeRecord): Promise<EssayAnswerRecord> {
  if (e.state !== 'graded' || !e.grade) throw new ConflictError('essay_not_graded', 'Only a graded essay can be regraded');
  const entry = { by: grade.gradedBy, at: grade.gradedAt, previous: e.grade };
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.essayAnswer(db.tenantId, e.attemptId, e.questionId),
        UpdateExpression: 'SET grade = :grade, regrades = list_append(if_not_exists(regrades, :none), :entry), rev = rev + :one',
        ConditionExpression: '#state = :graded AND rev = :rev',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':graded': 'graded', ':grade': grade, ':entry': [entry], ':none': [], ':one': 1, ':rev': e.rev },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('essay_changed', 'This essay was regraded meanwhile');
    throw error;
  }
  return { ...e, grade, regrades: [...e.regrades, entry], rev: e.rev + 1 };
}

export type EssayQueueScope = { kind: 'tenant' } | { kind: 'department'; departmentId: string };

function queueQuery(db: TenantDb, scope: EssayQueueScope) {
  if (scope.kind === 'tenant') {
    const k = keys.pendingEssaysOfTenant(db.tenantId);
    return { index: 'gsi1', attr: 'gsi1pk', value: k.gsi1pk };
  }
  const k = keys.pendingEssaysOfDepartment(db.tenantId, scope.departmentId);
  return { index: 'gsi2', attr: 'gsi2pk', value: k.gsi2pk };
}

/** Pending essays of the company or of one department, oldest first, a page at a time. */
export async function listPendingEssays(
  db: TenantDb,
  scope: EssayQueueScope,
  limit: number,
  cursor?: string | null,
): Promise<{ items: EssayAnswerRecord[]; nextCursor: string | null }> {
  const q = queueQuery(db, scope);
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: q.index,
      KeyConditionExpression: `${q.attr} = :p`,
      ExpressionAttributeValues: { ':p': q.value },
      ScanIndexForward: true,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { [q.attr]: q.value }, db.tenantId),
    }),
  );
  return { items: (out.Items ?? []).map(toEssay), nextCursor: encodeCursor(out.LastEvaluatedKey) };
}

/** How many essays wait in a queue (COUNT over the sparse index, page by page). */
export async function countPendingEssays(db: TenantDb, scope: EssayQueueScope): Promise<number> {
  const q = queueQuery(db, scope);
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        IndexName: q.index,
        KeyConditionExpression: `${q.attr} = :p`,
        ExpressionAttributeValues: { ':p': q.value },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}
