import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantDb } from './db.js';
import { keys } from './keys.js';
import { putMany, queryAll, queryPages, writeAtomically, type TransactItem } from './transact.js';
import { ConflictError, cancelledIndexes, isConditionFailure } from './errors.js';
import { accessStateWith, type AccessState, type AccessSubject } from './plans.js';

export interface StoredAnswer {
  questionId: string;
  response: unknown;
  correct: boolean;
  score: number;
  answeredAt: string;
}

/** One learner's attempt. Small (ids and answers only), rewritten whole under a `rev` guard. */
export interface AttemptRecord {
  id: string;
  tenantId: string;
  userId: string;
  assessmentId: string;
  /** The published version (snapshot) this attempt runs on, whatever HR publishes later. */
  assessmentVersion: number;
  mode: 'fixed' | 'adaptive';
  /** awaiting_grading: submitted, with essays a person has yet to grade (no result until then). */
  status: 'in_progress' | 'awaiting_grading' | 'finished' | 'expired';
  /** While awaiting grading: how it closed (finished by the learner or expired), the status it takes once graded. */
  closedAs?: 'finished' | 'expired';
  seed: number;
  startedAt: string;
  deadline: string | null;
  /** Fixed: the whole planned form. Adaptive: null (items are chosen one at a time). */
  form: string[] | null;
  /** The item being served now (adaptive: chosen after the previous answer). */
  currentQuestionId: string | null;
  answers: StoredAnswer[];
  finishedAt: string | null;
  result: unknown | null;
  /** Which attempt of the learner this is (1, 2, …): the "seen" sequence for draws. */
  sequence: number;
  rev: number;
}

function attemptItem(db: TenantDb, a: AttemptRecord): Record<string, unknown> {
  return {
    ...keys.attempt(db.tenantId, a.id),
    ...keys.attemptsOfUser(db.tenantId, a.userId, a.startedAt, a.id),
    ...keys.attemptsOfAssessment(db.tenantId, a.assessmentId, a.startedAt, a.id),
    entity: 'attempt',
    ...a,
  };
}

const toAttempt = (i: Record<string, unknown>): AttemptRecord => {
  const { pk: _pk, sk: _sk, gsi1pk: _g1p, gsi1sk: _g1s, gsi2pk: _g2p, gsi2sk: _g2s, entity: _e, ...rest } = i;
  return rest as unknown as AttemptRecord;
};

export type StartOutcome = { started: AttemptRecord } | { inProgress: string } | { exhausted: true };

/**
 * Starts an attempt and counts it in one transaction. The learner's progress item is the guard:
 * two starts racing each other cannot both pass, and the attempt limit cannot be exceeded.
 */
export async function startAttempt(db: TenantDb, attempt: AttemptRecord, attemptsAllowed: number | null): Promise<StartOutcome> {
  const values: Record<string, unknown> = {
    ':zero': 0,
    ':one': 1,
    ':id': attempt.id,
    ':a': attempt.assessmentId,
    ':u': attempt.userId,
    ':empty': {},
  };
  let condition = 'attribute_not_exists(inProgressAttemptId)';
  if (attemptsAllowed !== null) {
    condition += ' AND (attribute_not_exists(attemptsUsed) OR attemptsUsed < :max)';
    values[':max'] = attemptsAllowed;
  }
  try {
    await writeAtomically(db, [
      { Put: { TableName: db.table, Item: attemptItem(db, attempt), ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Update: {
          TableName: db.table,
          Key: keys.learnerAssessment(db.tenantId, attempt.userId, attempt.assessmentId),
          UpdateExpression:
            'SET attemptsUsed = if_not_exists(attemptsUsed, :zero) + :one, inProgressAttemptId = :id, assessmentId = :a, userId = :u, seen = if_not_exists(seen, :empty)',
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
        },
      },
    ]);
    return { started: attempt };
  } catch (error) {
    if (!isConditionFailure(error) || !cancelledIndexes(error).includes(1)) throw error;
    const out = await db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.learnerAssessment(db.tenantId, attempt.userId, attempt.assessmentId),
        ConsistentRead: true,
      }),
    );
    const current = out.Item?.inProgressAttemptId as string | undefined;
    return current ? { inProgress: current } : { exhausted: true };
  }
}

export async function getAttempt(db: TenantDb, id: string): Promise<AttemptRecord | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.attempt(db.tenantId, id), ConsistentRead: true }));
  return out.Item ? toAttempt(out.Item) : null;
}

/**
 * An attempt read in the same consistent BatchGetItem as its caller's access state (company,
 * vendor, person): the answer path's one read. `db` must reach the platform's vendor item too
 * (`identityFor`).
 */
export async function attemptWithAccess(
  db: TenantDb,
  who: AccessSubject,
  id: string,
): Promise<{ state: AccessState; attempt: AttemptRecord | null }> {
  const { state, item } = await accessStateWith(db, who, keys.attempt(db.tenantId, id));
  return { state, attempt: item ? toAttempt(item) : null };
}

/** Writes the next state of an attempt only if nobody else changed it since it was read. */
export async function saveAttempt(db: TenantDb, current: AttemptRecord, next: AttemptRecord): Promise<void> {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: attemptItem(db, { ...next, rev: current.rev + 1 }),
        ConditionExpression: 'rev = :r',
        ExpressionAttributeValues: { ':r': current.rev },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('attempt_changed', 'The attempt changed meanwhile; reload it');
    throw error;
  }
}

/** Closes an attempt: stores the result, frees the learner's in-progress slot, records the items seen. */
export async function closeAttempt(db: TenantDb, current: AttemptRecord, next: AttemptRecord, extra: TransactItem[] = []): Promise<void> {
  const seenIds = next.form ?? next.answers.map((a) => a.questionId);
  const names: Record<string, string> = {};
  const sets = seenIds.map((q, i) => {
    names[`#q${i}`] = q;
    return `seen.#q${i} = :seq`;
  });
  const passed = Boolean((next.result as { passed?: boolean } | null)?.passed);
  // passedAt: when the learner first passed (a package's quiz module is done from then on).
  const setClause = passed ? [...sets, 'passedAt = if_not_exists(passedAt, :passedAt)'] : sets;
  try {
    await writeAtomically(db, [
      {
        Put: {
          TableName: db.table,
          Item: attemptItem(db, { ...next, rev: current.rev + 1 }),
          ConditionExpression: 'rev = :r',
          ExpressionAttributeValues: { ':r': current.rev },
        },
      },
      {
        Update: {
          TableName: db.table,
          Key: keys.learnerAssessment(db.tenantId, current.userId, current.assessmentId),
          UpdateExpression: `REMOVE inProgressAttemptId${setClause.length > 0 ? ` SET ${setClause.join(', ')}` : ''}`,
          ConditionExpression: 'inProgressAttemptId = :id',
          ...(sets.length > 0 ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: {
            ':id': current.id,
            ...(passed ? { ':passedAt': next.finishedAt } : {}),
            ...(sets.length > 0 ? { ':seq': current.sequence } : {}),
          },
        },
      },
      ...extra,
    ]);
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('attempt_changed', 'The attempt changed meanwhile; reload it');
    throw error;
  }
}

/** The guarded put of an attempt's next state, to combine with other writes in one transaction. */
export function attemptPut(db: TenantDb, current: AttemptRecord, next: AttemptRecord): TransactItem {
  return {
    Put: {
      TableName: db.table,
      Item: attemptItem(db, { ...next, rev: current.rev + 1 }),
      ConditionExpression: 'rev = :r',
      ExpressionAttributeValues: { ':r': current.rev },
    },
  };
}

/** Writes the attempt's next state together with `extra` (an essay's text), only if the attempt is unchanged. */
export async function saveAttemptWith(db: TenantDb, current: AttemptRecord, next: AttemptRecord, extra: TransactItem[]): Promise<void> {
  try {
    await writeAtomically(db, [attemptPut(db, current, next), ...extra]);
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('attempt_changed', 'The attempt changed meanwhile; reload it');
    throw error;
  }
}

/**
 * Stores the result of an attempt whose last essay was just graded: the attempt (rev guard), the
 * learner's first pass (a package's quiz module is done from then on) and `extra` (skill evidence).
 */
export async function finalizeGradedAttempt(
  db: TenantDb,
  current: AttemptRecord,
  next: AttemptRecord,
  extra: TransactItem[] = [],
): Promise<void> {
  const passed = Boolean((next.result as { passed?: boolean } | null)?.passed);
  const items: TransactItem[] = [attemptPut(db, current, next), ...extra];
  if (passed) {
    items.push({
      Update: {
        TableName: db.table,
        Key: keys.learnerAssessment(db.tenantId, current.userId, current.assessmentId),
        UpdateExpression: 'SET passedAt = if_not_exists(passedAt, :passedAt)',
        ExpressionAttributeValues: { ':passedAt': next.finishedAt },
      },
    });
  }
  try {
    await writeAtomically(db, items);
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('attempt_changed', 'The attempt changed meanwhile; reload it');
    throw error;
  }
}

export async function listAttemptsOfUser(db: TenantDb, userId: string, limit = 100): Promise<AttemptRecord[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.attemptsOfUser(db.tenantId, userId).gsi1pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(toAttempt);
}

/** Every attempt at one assessment (admin actions: item statistics, calibration). */
export async function listAttemptsOfAssessment(db: TenantDb, assessmentId: string): Promise<AttemptRecord[]> {
  const all: AttemptRecord[] = (
    await queryAll(db, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': keys.attemptsOfAssessment(db.tenantId, assessmentId).gsi2pk },
    })
  ).map((i) => toAttempt(i));
  return all;
}

/** An assessment's attempts, page by page (the results export streams them). */
export async function* attemptPagesOfAssessment(db: TenantDb, assessmentId: string): AsyncGenerator<AttemptRecord[]> {
  for await (const page of queryPages(db, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :p',
    ExpressionAttributeValues: { ':p': keys.attemptsOfAssessment(db.tenantId, assessmentId).gsi2pk },
    Limit: 500,
  })) {
    yield page.map(toAttempt);
  }
}

/** Writes attempts as they are (bulk loads: benchmarks and migrations; never a request path). */
export async function putAttemptsBulk(db: TenantDb, attempts: AttemptRecord[]): Promise<void> {
  await putMany(
    db,
    attempts.map((a) => attemptItem(db, a)),
  );
}
