import { randomUUID } from 'node:crypto';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createDataAccess, scopedDataFromEnv } from '@manabi/data';
import { cloudEnv } from '../cloud/env.js';
import { sqsJobQueue } from './sqs-job-queue.js';
import { scheduleTenantJobs } from './tenant-jobs.js';

/**
 * Scheduled entry (EventBridge, daily; or `aws lambda invoke` by hand for a rebuild): one message
 * per company on the job queue, which the tenant-job function drains. The event's input is the
 * request (`{ "job": "digest" }`, `{ "job": "rebuild", "repair": true, "tenantId": "…" }`).
 */
const env = cloudEnv('jobScheduler');
const data = createDataAccess({ tableName: env.TABLE_NAME, scoped: scopedDataFromEnv(env) });
const queue = sqsJobQueue(new SQSClient({}), env.JOB_QUEUE_URL);

/** EventBridge wraps the target input as the event itself; `aws lambda invoke` passes the request as is. */
export const handler = async (event: Record<string, unknown> | undefined, context?: { awsRequestId?: string }) => {
  const request = { ...(event ?? {}) };
  // A run id per invocation: Lambda's request id stays the same when it retries an asynchronous invocation.
  const runId = context?.awsRequestId ?? randomUUID();
  const enqueued = await scheduleTenantJobs({ data }, request, queue, runId);
  console.log(JSON.stringify({ level: 'info', msg: 'jobs scheduled', job: request.job ?? 'reminders', enqueued, runId }));
  return { enqueued };
};
