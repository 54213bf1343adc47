import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantDb } from './db.js';
import { isConditionFailure } from './errors.js';
import { keys } from './keys.js';
import { TTL_ATTRIBUTE } from './table.js';

/** One row an import did not take, with the reason in the HR admin's language. */
export interface ImportJobError {
  row: number;
  column: string | null;
  message: string;
}

/**
 * A background import (a user CSV): `queued` when the commit request wrote it, `running` while a
 * worker holds it (its heartbeat moves with every chunk), then `completed` or `failed`. Progress is
 * the file's data rows done of `total`; the counts are summed chunk by chunk.
 */
export interface ImportJobRecord {
  id: string;
  kind: 'users';
  status: 'queued' | 'running' | 'completed' | 'failed';
  fileName: string;
  /** SHA-256 of the file: a retried commit with the same key must send the same file. */
  fileHash: string;
  locale: 'ja' | 'en';
  sendInvites: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  total: number;
  done: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** The first `MAX_STORED_IMPORT_ERRORS` row errors; `errorCount` counts them all. */
  errors: ImportJobError[];
  errorCount: number;
  newDepartments: string[];
  failure: { code: string; message: string } | null;
  /** The worker holding the job and when it last wrote (epoch seconds). */
  runner: string | null;
  heartbeatAt: number | null;
}

/** Row errors kept on the record (an item holds at most 400 KB); the rest are only counted. */
export const MAX_STORED_IMPORT_ERRORS = 1000;
/** Jobs stay listed for 30 days, then expire by themselves. */
export const IMPORT_JOB_TTL_SECONDS = 30 * 24 * 3600;

const FIELDS = [
  'id',
  'kind',
  'status',
  'fileName',
  'fileHash',
  'locale',
  'sendInvites',
  'createdBy',
  'createdAt',
  'updatedAt',
  'finishedAt',
  'total',
  'done',
  'created',
  'updated',
  'unchanged',
  'skipped',
  'errors',
  'errorCount',
  'newDepartments',
  'failure',
  'runner',
  'heartbeatAt',
] as const;

const toJob = (item: Record<string, unknown>): ImportJobRecord =>
  Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? null])) as unknown as ImportJobRecord;

/** Writes a new job; false (nothing written) when a job with this id already exists. */
export async function createImportJob(db: TenantDb, job: ImportJobRecord, now: Date): Promise<boolean> {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          ...keys.importJob(db.tenantId, job.id, job.createdAt),
          entity: 'importJob',
          tenantId: db.tenantId,
          ...job,
          [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + IMPORT_JOB_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getImportJob(db: TenantDb, id: string): Promise<ImportJobRecord | null> {
  const { pk, sk } = keys.importJob(db.tenantId, id);
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: { pk, sk }, ConsistentRead: true }));
  return out.Item ? toJob(out.Item) : null;
}

/** The company's latest jobs, newest first (one Query on gsi1). */
export async function listImportJobs(db: TenantDb, limit: number): Promise<ImportJobRecord[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.importJobsOfTenant(db.tenantId).gsi1pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(toJob);
}

/**
 * Takes the job for `runner`: a queued job, or a running one whose worker stopped writing more
 * than `staleAfterSeconds` ago (it died; the new worker resumes after the rows it recorded).
 * Null when another worker holds it or it is finished.
 */
export async function claimImportJob(
  db: TenantDb,
  id: string,
  runner: string,
  now: Date,
  staleAfterSeconds: number,
): Promise<ImportJobRecord | null> {
  const at = Math.floor(now.getTime() / 1000);
  const { pk, sk } = keys.importJob(db.tenantId, id);
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: { pk, sk },
        UpdateExpression: 'SET #status = :running, runner = :runner, heartbeatAt = :at, updatedAt = :iso',
        ConditionExpression: 'attribute_exists(pk) AND (#status = :queued OR (#status = :running AND heartbeatAt < :stale))',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':running': 'running',
          ':queued': 'queued',
          ':runner': runner,
          ':at': at,
          ':stale': at - staleAfterSeconds,
          ':iso': now.toISOString(),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes ? toJob(out.Attributes) : null;
  } catch (error) {
    if (isConditionFailure(error)) return null;
    throw error;
  }
}

export interface ImportJobStep {
  /** Rows done before this step (the write is refused if the record says otherwise). */
  from: number;
  to: number;
  total?: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: ImportJobError[];
  newDepartments?: string[];
}

/**
 * Records one chunk's outcome: adds its counts, appends its errors (up to the stored maximum) and
 * moves `done` from `from` to `to`, only while `runner` still holds the job and no other write
 * moved it. False when the job was taken over (the caller stops).
 */
export async function recordImportStep(
  db: TenantDb,
  id: string,
  runner: string,
  step: ImportJobStep,
  now: Date,
  storedErrors: number,
): Promise<boolean> {
  const room = Math.max(0, MAX_STORED_IMPORT_ERRORS - storedErrors);
  const { pk, sk } = keys.importJob(db.tenantId, id);
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: { pk, sk },
        UpdateExpression:
          'SET done = :to, created = created + :c, updated = updated + :u, unchanged = unchanged + :n, skipped = skipped + :s, ' +
          'errorCount = errorCount + :ec, errors = list_append(errors, :e), heartbeatAt = :at, updatedAt = :iso' +
          (step.total === undefined ? '' : ', #total = :total') +
          (step.newDepartments === undefined ? '' : ', newDepartments = :nd'),
        ConditionExpression: 'runner = :runner AND done = :from AND #status = :running',
        ExpressionAttributeNames: { '#status': 'status', ...(step.total === undefined ? {} : { '#total': 'total' }) },
        ExpressionAttributeValues: {
          ':to': step.to,
          ':from': step.from,
          ':c': step.created,
          ':u': step.updated,
          ':n': step.unchanged,
          ':s': step.skipped,
          ':ec': step.errors.length,
          ':e': step.errors.slice(0, room),
          ':at': Math.floor(now.getTime() / 1000),
          ':iso': now.toISOString(),
          ':runner': runner,
          ':running': 'running',
          ...(step.total === undefined ? {} : { ':total': step.total }),
          ...(step.newDepartments === undefined ? {} : { ':nd': step.newDepartments }),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Ends the job (completed, or failed with a reason), if `runner` still holds it. */
export async function finishImportJob(
  db: TenantDb,
  id: string,
  runner: string,
  outcome: { status: 'completed' } | { status: 'failed'; failure: { code: string; message: string } },
  now: Date,
): Promise<boolean> {
  const { pk, sk } = keys.importJob(db.tenantId, id);
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: { pk, sk },
        UpdateExpression: 'SET #status = :status, failure = :failure, finishedAt = :iso, updatedAt = :iso, heartbeatAt = :at',
        ConditionExpression: 'runner = :runner AND #status = :running',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': outcome.status,
          ':failure': outcome.status === 'failed' ? outcome.failure : null,
          ':iso': now.toISOString(),
          ':at': Math.floor(now.getTime() / 1000),
          ':runner': runner,
          ':running': 'running',
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
