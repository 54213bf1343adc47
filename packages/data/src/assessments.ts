import { BatchGetCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantDb } from './db.js';
import { queryAll } from './transact.js';
import { keys } from './keys.js';
import { writeAtomically } from './transact.js';
import { ConflictError, isConditionFailure } from './errors.js';

/** An assessment as stored: HR's settings (validated by @manabi/assessment) plus lifecycle fields. */
export interface AssessmentRecord<Settings = Record<string, unknown>> {
  id: string;
  tenantId: string;
  settings: Settings;
  status: 'draft' | 'published';
  publishedVersion: number | null;
  /** Number of questions a fixed form has (null for adaptive), known at publish. */
  questionCount: number | null;
  createdAt: string;
  updatedAt: string;
  rev: number;
}

const toRecord = <S>(i: Record<string, unknown>): AssessmentRecord<S> => ({
  id: i.id as string,
  tenantId: i.tenantId as string,
  settings: i.settings as S,
  status: i.status as AssessmentRecord['status'],
  publishedVersion: (i.publishedVersion as number | null) ?? null,
  questionCount: (i.questionCount as number | null) ?? null,
  createdAt: i.createdAt as string,
  updatedAt: i.updatedAt as string,
  rev: i.rev as number,
});

function item(db: TenantDb, r: AssessmentRecord<unknown>): Record<string, unknown> {
  return { ...keys.assessment(db.tenantId, r.id), ...keys.assessmentsOfTenant(db.tenantId, r.createdAt, r.id), entity: 'assessment', ...r };
}

export async function createAssessment<S>(db: TenantDb, id: string, settings: S, now: string): Promise<AssessmentRecord<S>> {
  const r: AssessmentRecord<S> = {
    id,
    tenantId: db.tenantId,
    settings,
    status: 'draft',
    publishedVersion: null,
    questionCount: null,
    createdAt: now,
    updatedAt: now,
    rev: 1,
  };
  await db.doc.send(new PutCommand({ TableName: db.table, Item: item(db, r), ConditionExpression: 'attribute_not_exists(pk)' }));
  return r;
}

export async function getAssessment<S>(db: TenantDb, id: string): Promise<AssessmentRecord<S> | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.assessment(db.tenantId, id) }));
  return out.Item ? toRecord<S>(out.Item) : null;
}

/** Saves changed settings (or status), guarded by `rev` so a concurrent edit is not lost. */
export async function saveAssessment<S>(
  db: TenantDb,
  current: AssessmentRecord<S>,
  changes: Partial<AssessmentRecord<S>>,
  now: string,
): Promise<AssessmentRecord<S>> {
  const next = { ...current, ...changes, updatedAt: now, rev: current.rev + 1 };
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: item(db, next),
        ConditionExpression: 'rev = :r',
        ExpressionAttributeValues: { ':r': current.rev },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('stale', 'The assessment was changed meanwhile; reload it');
    throw error;
  }
  return next;
}

/** Publishes: stores the frozen pool as a new immutable snapshot and points the assessment at it. */
export async function publishAssessment<S>(
  db: TenantDb,
  current: AssessmentRecord<S>,
  snapshot: unknown,
  questionCount: number | null,
  now: string,
): Promise<AssessmentRecord<S>> {
  const version = (current.publishedVersion ?? 0) + 1;
  const next: AssessmentRecord<S> = {
    ...current,
    status: 'published',
    publishedVersion: version,
    questionCount,
    updatedAt: now,
    rev: current.rev + 1,
  };
  try {
    await writeAtomically(db, [
      {
        Put: {
          TableName: db.table,
          Item: item(db, next),
          ConditionExpression: 'rev = :r',
          ExpressionAttributeValues: { ':r': current.rev },
        },
      },
      {
        Put: {
          TableName: db.table,
          Item: {
            ...keys.assessmentSnapshot(db.tenantId, current.id, version),
            entity: 'assessmentSnapshot',
            version,
            snapshot,
            createdAt: now,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('stale', 'The assessment was changed meanwhile; reload it');
    throw error;
  }
  return next;
}

export async function getAssessmentSnapshot<T>(db: TenantDb, id: string, version: number): Promise<T | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.assessmentSnapshot(db.tenantId, id, version) }));
  return out.Item ? (out.Item.snapshot as T) : null;
}

export async function listAssessments<S>(db: TenantDb): Promise<AssessmentRecord<S>[]> {
  const all: AssessmentRecord<S>[] = (
    await queryAll(db, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.assessmentsOfTenant(db.tenantId).gsi1pk },
      ScanIndexForward: false,
    })
  ).map((i) => toRecord<S>(i));
  return all;
}

/** A learner's standing on one assessment. */
export interface LearnerProgress {
  attemptsUsed: number;
  inProgressAttemptId: string | null;
  /** Question id → sequence number of the attempt it was last seen in (draws avoid repeats). */
  seen: Record<string, number>;
}

const emptyProgress = (): LearnerProgress => ({ attemptsUsed: 0, inProgressAttemptId: null, seen: {} });

export async function getLearnerProgress(db: TenantDb, userId: string, assessmentId: string, consistent = true): Promise<LearnerProgress> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.learnerAssessment(db.tenantId, userId, assessmentId), ConsistentRead: consistent }),
  );
  const i = out.Item;
  return i
    ? {
        attemptsUsed: (i.attemptsUsed as number) ?? 0,
        inProgressAttemptId: (i.inProgressAttemptId as string | null) ?? null,
        seen: (i.seen as Record<string, number>) ?? {},
      }
    : emptyProgress();
}

/** The caller's standing on many assessments at once (assessment lists). */
export async function getLearnerProgressMany(db: TenantDb, userId: string, assessmentIds: string[]): Promise<Map<string, LearnerProgress>> {
  const result = new Map<string, LearnerProgress>();
  for (let i = 0; i < assessmentIds.length; i += 100) {
    const ids = assessmentIds.slice(i, i + 100);
    const out = await db.doc.send(
      new BatchGetCommand({ RequestItems: { [db.table]: { Keys: ids.map((a) => keys.learnerAssessment(db.tenantId, userId, a)) } } }),
    );
    for (const item of out.Responses?.[db.table] ?? []) {
      result.set(item.assessmentId as string, {
        attemptsUsed: (item.attemptsUsed as number) ?? 0,
        inProgressAttemptId: (item.inProgressAttemptId as string | null) ?? null,
        seen: (item.seen as Record<string, number>) ?? {},
      });
    }
  }
  return result;
}
