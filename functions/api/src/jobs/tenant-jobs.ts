import { z } from 'zod';
import { listTenantIds } from '@manabi/data';
import type { NotifyDeps } from '../services/notifications.js';
import { runDigest } from './digest.js';
import { rebuildTenant } from './rebuild.js';
import { runReminders } from './reminders.js';

/**
 * The daily jobs run per company: the scheduler turns one request into one message per company,
 * and the worker runs one company's job. In the cloud the messages go through an SQS FIFO queue
 * (one group per company: never two jobs of the same company at once, each message processed once);
 * locally the same messages are run in process.
 */
export const TENANT_JOB_KINDS = ['reminders', 'digest', 'rebuild'] as const;
export type TenantJobKind = (typeof TENANT_JOB_KINDS)[number];

/**
 * What starts a run: the schedule's input (`{ "job": "digest" }`; reminders when absent), or a
 * hand-started run (`{ "job": "rebuild", "repair": true }`, optionally for one `tenantId`).
 */
export const jobRequestSchema = z
  .object({
    job: z.enum(TENANT_JOB_KINDS).default('reminders'),
    tenantId: z.string().min(1).max(64).optional(),
    /** Rebuild only: correct the cells that differ (else it only reports them). */
    repair: z.boolean().optional(),
  })
  .strict();
export type JobRequest = z.input<typeof jobRequestSchema>;

/** One company's job: the body of one queue message. */
export const tenantJobSchema = z
  .object({ job: z.enum(TENANT_JOB_KINDS), tenantId: z.string().min(1).max(64), repair: z.boolean().optional() })
  .strict();
export type TenantJob = z.infer<typeof tenantJobSchema>;

/** Where the scheduler puts the messages: SQS in the cloud, the worker itself locally. */
export interface TenantJobQueue {
  /** `runId` names the run, so a retried scheduler does not enqueue the same run twice. */
  send(jobs: TenantJob[], runId: string): Promise<void>;
}

export type JobDeps = NotifyDeps;

/**
 * The companies a request concerns: the one it names, or every company from the tenant registry
 * (one Query on gsi1, `keys.tenantRegistry()`; never a Scan).
 */
export async function planTenantJobs(deps: Pick<JobDeps, 'data'>, input: unknown): Promise<TenantJob[]> {
  const request = jobRequestSchema.parse(input ?? {});
  const tenantIds = request.tenantId ? [request.tenantId] : await listTenantIds(deps.data.platform);
  return tenantIds.map((tenantId) => ({
    job: request.job,
    tenantId,
    ...(request.job === 'rebuild' && request.repair ? { repair: true } : {}),
  }));
}

/** The scheduler: plans the run and enqueues one message per company. Returns how many. */
export async function scheduleTenantJobs(
  deps: Pick<JobDeps, 'data'>,
  input: unknown,
  queue: TenantJobQueue,
  runId: string,
): Promise<number> {
  const jobs = await planTenantJobs(deps, input);
  await queue.send(jobs, runId);
  return jobs.length;
}

/**
 * The worker: one company's job. Each is safe to run again (reminders and digests are claimed
 * once per key; a rebuild recounts and adds only the difference), so a redelivered message does no harm.
 */
export async function runTenantJob(deps: JobDeps, input: unknown): Promise<Record<string, unknown>> {
  const job = tenantJobSchema.parse(input);
  switch (job.job) {
    case 'reminders':
      return { ...job, ...(await runReminders(deps, [job.tenantId])) };
    case 'digest':
      return { ...job, ...(await runDigest(deps, [job.tenantId])) };
    case 'rebuild': {
      const report = await rebuildTenant(deps, job.tenantId, { repair: job.repair ?? false });
      return { ...job, cells: report.cells, mismatches: report.mismatches.length, repaired: report.repaired };
    }
  }
}

/**
 * The local server's queue: runs each company's job in turn in this process. A company whose job
 * fails is logged and the others still run (in the cloud its message goes to the dead-letter queue).
 */
export function inProcessJobQueue(deps: JobDeps, log: (line: Record<string, unknown>) => void): TenantJobQueue {
  return {
    async send(jobs) {
      for (const job of jobs) {
        try {
          log({ level: 'info', msg: 'tenant job', ...(await runTenantJob(deps, job)) });
        } catch (error) {
          log({ level: 'error', msg: 'tenant job failed', job: job.job, tenantId: job.tenantId, error: String(error) });
        }
      }
    },
  };
}
