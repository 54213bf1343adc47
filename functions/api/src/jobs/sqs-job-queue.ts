import { SendMessageBatchCommand, type SendMessageBatchCommandOutput } from '@aws-sdk/client-sqs';
import type { TenantJob, TenantJobQueue } from './tenant-jobs.js';

/** What the queue needs from SQS (the real client, or a stand-in in tests). */
export interface SqsBatchSender {
  send(command: SendMessageBatchCommand): Promise<Pick<SendMessageBatchCommandOutput, 'Failed'>>;
}

/** SQS takes at most 10 messages per batch. */
const BATCH = 10;

/**
 * The cloud's queue: an SQS FIFO queue. Each company is its own message group (its jobs run one
 * at a time, in order), and the deduplication id is the run's, so a scheduler that is retried
 * within 5 minutes does not enqueue the same company twice for the same run.
 */
export function sqsJobQueue(sqs: SqsBatchSender, queueUrl: string): TenantJobQueue {
  return {
    async send(jobs: TenantJob[], runId: string) {
      for (let i = 0; i < jobs.length; i += BATCH) {
        const entries = jobs.slice(i, i + BATCH).map((job, j) => ({
          Id: String(i + j),
          MessageBody: JSON.stringify(job),
          MessageGroupId: job.tenantId,
          MessageDeduplicationId: `${runId}:${job.job}:${job.tenantId}`.slice(0, 128),
        }));
        const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
        // A partial failure throws: the scheduler's invocation is retried, and the ids already sent are deduplicated.
        if (out.Failed && out.Failed.length > 0)
          throw new Error(`SQS refused ${out.Failed.length} job message(s): ${out.Failed.map((f) => f.Code).join(', ')}`);
      }
    },
  };
}
