import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { createDataAccess, s3ObjectStore, scopedDataFromEnv } from '@manabi/data';
import { toTableChange } from '@manabi/data/local';
import { applyUntilFailure } from './aggregate.js';
import { cloudEnv } from '../cloud/env.js';

/** DynamoDB Streams → this Lambda: the same aggregator the local stream poller runs. */
const env = cloudEnv('aggregate');
const data = createDataAccess({ tableName: env.TABLE_NAME, scoped: scopedDataFromEnv(env) });
const objects = s3ObjectStore(env.OBJECT_BUCKET);
const config = { publicUrl: env.PUBLIC_URL };

/**
 * Reports the first record that failed (ReportBatchItemFailures): the mapping checkpoints the
 * records before it and retries from it, bisecting; a record that still fails goes to the
 * failed-records queue with its position, and the records after it go on.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const result = await applyUntilFailure({ data, objects, config, now: () => new Date() }, event.Records.map(toTableChange));
  const failed = result.failed ? event.Records[result.failed.index] : undefined;
  console.log(
    JSON.stringify({
      level: failed ? 'error' : 'info',
      msg: 'aggregated',
      records: event.Records.length,
      applied: result.applied,
      ...(result.failed ? { failedAt: result.failed.index, error: String(result.failed.error) } : {}),
    }),
  );
  return { batchItemFailures: failed?.dynamodb?.SequenceNumber ? [{ itemIdentifier: failed.dynamodb.SequenceNumber }] : [] };
};
