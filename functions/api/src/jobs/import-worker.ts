import { getImportJob, tenantOfKey } from '@manabi/data';
import type { TableChange } from '@manabi/data/local';
import {
  IMPORT_STALE_AFTER_SECONDS,
  isStale,
  runUserImportJob,
  type ImportJobDeps,
  type ImportJobRef,
  type JobRunOutcome,
} from '../services/user-import-job.js';

/**
 * The import jobs a batch of table changes starts: each new job record (an INSERT of entity
 * `importJob`). The company comes from the record's key, as everywhere in the aggregator.
 */
export function importJobsStarted(changes: readonly TableChange[]): ImportJobRef[] {
  const refs: ImportJobRef[] = [];
  for (const change of changes) {
    const image = change.newImage;
    if (change.eventName !== 'INSERT' || !image || image.entity !== 'importJob') continue;
    const tenantId = typeof image.pk === 'string' ? tenantOfKey(image.pk) : null;
    if (tenantId && typeof image.id === 'string') refs.push({ tenantId, jobId: image.id });
  }
  return refs;
}

/**
 * Runs a job to its end from a worker that may have been started twice (a redelivered stream
 * record): when another worker holds the job, this one waits while that worker makes progress and
 * takes over only if it stops (its heartbeat goes stale), as long as `deadline` allows.
 */
export async function runImportJobToEnd(
  deps: ImportJobDeps,
  ref: ImportJobRef,
  deadline: number,
  wait: (ms: number) => Promise<void>,
): Promise<JobRunOutcome> {
  for (;;) {
    const outcome = await runUserImportJob(deps, ref);
    if (outcome !== 'busy') return outcome;
    const job = await getImportJob(deps.data.clientFor({ tenantId: ref.tenantId }), ref.jobId);
    if (!job || job.status === 'completed' || job.status === 'failed') return 'busy';
    if (isStale(job, deps.now())) continue;
    const staleAt = ((job.heartbeatAt ?? 0) + IMPORT_STALE_AFTER_SECONDS + 1) * 1000;
    if (staleAt > deadline) return 'busy';
    await wait(Math.max(1000, Math.min(staleAt - deps.now().getTime(), 30_000)));
  }
}

/** The local server's worker: jobs run in this process, several at a time; `idle` waits for them. */
export function inProcessImportRunner(deps: ImportJobDeps) {
  const running = new Set<Promise<void>>();
  return {
    start(ref: ImportJobRef): void {
      const run: Promise<void> = runUserImportJob(deps, ref)
        .then(
          (outcome) => deps.log({ level: 'info', msg: 'import job', jobId: ref.jobId, tenantId: ref.tenantId, outcome }),
          (error: unknown) => deps.log({ level: 'error', msg: 'import job crashed', jobId: ref.jobId, error: String(error) }),
        )
        .finally(() => running.delete(run));
      running.add(run);
    },
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
