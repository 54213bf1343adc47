import { createHash } from 'node:crypto';
import { randomId, type Locale } from '@manabi/core';
import {
  claimImportJob,
  createImportJob,
  finishImportJob,
  getImportJob,
  objectKeys,
  recordImportStep,
  type ImportJobRecord,
  type ObjectStore,
  type TenantDb,
} from '@manabi/data';
import type { AppDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { checkSeats, commitPlan, prepareUserImport, skippedRows, strip, type ImportDeps } from './user-import.js';

/** Rows written between two progress updates (about a second of work for new people). */
export const IMPORT_CHUNK_ROWS = 100;
/** A running job whose worker has not written for this long died; another worker may resume it. */
export const IMPORT_STALE_AFTER_SECONDS = 120;

export type ImportJobDeps = ImportDeps & Pick<AppDeps, 'objects' | 'log'>;

/** Where a job's worker finds it: the company comes from the job's own record, never from a request. */
export interface ImportJobRef {
  tenantId: string;
  jobId: string;
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * The job id an idempotency key stands for: a retried commit with the same key addresses the same
 * job record, so it can never start a second import. Keys are per company (the record is under it).
 */
export function jobIdForKey(key: string): string {
  const digest = createHash('sha256').update(key, 'utf8').digest();
  let id = '';
  for (let i = 0; i < 16; i++) id += ALPHABET[digest[i]! & 31];
  return id;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function sameFile(job: ImportJobRecord, fileHash: string): ImportJobRecord {
  if (job.fileHash !== fileHash) throw new ApiError(409, 'idempotency_key_reused');
  return job;
}

/**
 * Starts a background user import: stores the file, then writes the job record (queued). A second
 * call with the same idempotency key and file answers the job already there and writes nothing.
 */
export async function startUserImportJob(
  deps: ImportJobDeps,
  db: TenantDb,
  file: { bytes: Uint8Array; name: string },
  options: { locale: Locale; sendInvites: boolean; actorUserId: string; idempotencyKey: string | null },
): Promise<{ job: ImportJobRecord; created: boolean }> {
  const id = options.idempotencyKey ? jobIdForKey(options.idempotencyKey) : randomId();
  const fileHash = sha256(file.bytes);
  const existing = await getImportJob(db, id);
  if (existing) return { job: sameFile(existing, fileHash), created: false };
  const now = deps.now();
  await deps.objects.put(objectKeys.importJobFile(db.tenantId, id), { body: file.bytes, contentType: 'text/csv' });
  const job: ImportJobRecord = {
    id,
    kind: 'users',
    status: 'queued',
    fileName: file.name.slice(0, 200),
    fileHash,
    locale: options.locale,
    sendInvites: options.sendInvites,
    createdBy: options.actorUserId,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    finishedAt: null,
    total: 0,
    done: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    errors: [],
    errorCount: 0,
    newDepartments: [],
    failure: null,
    runner: null,
    heartbeatAt: null,
  };
  if (await createImportJob(db, job, now)) return { job, created: true };
  // A concurrent retry with the same key wrote it first.
  const raced = await getImportJob(db, id);
  if (!raced) throw new Error('Import job vanished after a conflicting write');
  return { job: sameFile(raced, fileHash), created: false };
}

export type JobRunOutcome = 'completed' | 'failed' | 'busy' | 'taken_over';

/**
 * Runs (or resumes) a job: claims it, plans the whole file once, then writes it a chunk of rows at
 * a time, recording after each chunk the rows done and what they did. A resumed job starts after
 * the rows its record says are done; the rows of a chunk that was cut short are planned again from
 * what is now stored (a person already created is "unchanged"), so nothing is written twice.
 */
export async function runUserImportJob(deps: ImportJobDeps, ref: ImportJobRef, runner: string = randomId()): Promise<JobRunOutcome> {
  // Creating people claims their emails (platform items) in the same transactions.
  const db = deps.data.identityFor({ tenantId: ref.tenantId });
  const job = await claimImportJob(db, ref.jobId, runner, deps.now(), IMPORT_STALE_AFTER_SECONDS);
  if (!job) return 'busy';
  const fileKey = objectKeys.importJobFile(ref.tenantId, ref.jobId);
  try {
    const outcome = await runClaimed(deps, db, job, runner, deps.objects, fileKey);
    if (outcome === 'completed') await deps.objects.delete(fileKey);
    return outcome;
  } catch (error) {
    const failure =
      error instanceof ApiError
        ? { code: error.code, message: error.message }
        : {
            code: 'import_failed',
            message:
              job.locale === 'ja'
                ? '取り込みを完了できませんでした。もう一度お試しください。'
                : 'The import could not finish. Please try again.',
          };
    deps.log({
      level: error instanceof ApiError ? 'warn' : 'error',
      msg: 'import job failed',
      jobId: ref.jobId,
      tenantId: ref.tenantId,
      error: String(error),
    });
    await finishImportJob(db, ref.jobId, runner, { status: 'failed', failure }, deps.now());
    await deps.objects.delete(fileKey);
    return 'failed';
  }
}

async function runClaimed(
  deps: ImportJobDeps,
  db: TenantDb,
  job: ImportJobRecord,
  runner: string,
  objects: ObjectStore,
  fileKey: string,
): Promise<JobRunOutcome> {
  const file = await objects.get(fileKey);
  if (!file) throw new ApiError(410, 'import_file_missing');
  const options = { locale: job.locale, sendInvites: job.sendInvites, actorUserId: job.createdBy };
  const prepared = await prepareUserImport(deps, db, file.body, { ...options, mode: 'commit' });
  let storedErrors = job.errors.length;

  if (prepared.fatal) {
    const report = prepared.report;
    const total = Math.max(report.totalRows, 1);
    const step = { from: job.done, to: total, total, created: 0, updated: 0, unchanged: 0, skipped: report.skipped, errors: report.errors };
    if (!(await recordImportStep(db, job.id, runner, step, deps.now(), storedErrors))) return 'taken_over';
    return (await finishImportJob(db, job.id, runner, { status: 'completed' }, deps.now())) ? 'completed' : 'taken_over';
  }

  // Every data row is planned or named by an error; progress walks them in file order.
  const units = [...new Set([...prepared.rows.map((r) => r.row), ...prepared.errors.map((e) => e.row).filter((r) => r > 1)])].sort(
    (a, b) => a - b,
  );
  const total = units.length;
  if (job.done === 0) await checkSeats(db, prepared.rows.filter((r) => r.action === 'create').length);
  // The total first, so the progress bar has its end before the first chunk is written.
  const sized = { from: job.done, to: job.done, total, newDepartments: prepared.report.newDepartments };
  if (
    !(await recordImportStep(
      db,
      job.id,
      runner,
      { ...sized, created: 0, updated: 0, unchanged: 0, skipped: 0, errors: [] },
      deps.now(),
      storedErrors,
    ))
  )
    return 'taken_over';

  for (let from = job.done; from < total; from += IMPORT_CHUNK_ROWS) {
    const to = Math.min(total, from + IMPORT_CHUNK_ROWS);
    const inChunk = new Set(units.slice(from, to));
    const planned = prepared.rows.filter((r) => inChunk.has(r.row));
    const outcome = await commitPlan(deps, db, planned, prepared.existingByEmail, options);
    const errors = [...prepared.errors.filter((e) => inChunk.has(e.row) || (from === 0 && e.row <= 1)), ...outcome.errors].sort(
      (a, b) => a.row - b.row,
    );
    const failed = new Set(outcome.errors.map((e) => e.row));
    const step = {
      from,
      to,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: planned.filter((r) => r.action === 'unchanged' && !failed.has(r.row)).length,
      skipped: skippedRows(errors).size,
      errors: errors.map(strip),
    };
    if (!(await recordImportStep(db, job.id, runner, step, deps.now(), storedErrors))) return 'taken_over';
    storedErrors += errors.length;
  }
  return (await finishImportJob(db, job.id, runner, { status: 'completed' }, deps.now())) ? 'completed' : 'taken_over';
}

/** What the API answers about a job (the worker's bookkeeping stays inside). */
export function jobView(job: ImportJobRecord) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    fileName: job.fileName,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    total: job.total,
    done: job.done,
    created: job.created,
    updated: job.updated,
    unchanged: job.unchanged,
    skipped: job.skipped,
    errors: job.errors,
    errorCount: job.errorCount,
    newDepartments: job.newDepartments,
    failure: job.failure,
  };
}

/** True when a job said to be running has not moved for so long that its worker must have died. */
export function isStale(job: ImportJobRecord, now: Date): boolean {
  return (
    job.status === 'running' && job.heartbeatAt !== null && job.heartbeatAt < Math.floor(now.getTime() / 1000) - IMPORT_STALE_AFTER_SECONDS
  );
}
