import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createDataAccess, s3ObjectStore, scopedDataFromEnv } from '@manabi/data';
import { toTableChange } from '@manabi/data/local';
import { importJobsStarted, runImportJobToEnd } from './import-worker.js';
import { cloudEnv } from '../cloud/env.js';

/**
 * DynamoDB Streams → this Lambda, for new import job records only (the event source mapping's
 * filter): each job runs here to its end, writing its progress to its record. A failed invocation
 * is retried by the mapping; the job's claim and its per-chunk conditional writes make a retry
 * resume rather than import again.
 */
const env = cloudEnv('import');
const data = createDataAccess({ tableName: env.TABLE_NAME, scoped: scopedDataFromEnv(env) });
const objects = s3ObjectStore(env.OBJECT_BUCKET);
const deps = {
  data,
  objects,
  config: { publicUrl: env.PUBLIC_URL },
  now: () => new Date(),
  log: (line: Record<string, unknown>) => console.log(JSON.stringify(line)),
};

export const handler = async (event: DynamoDBStreamEvent, context: { getRemainingTimeInMillis(): number }): Promise<void> => {
  // Leave a minute of the invocation for the last chunk and the final write.
  const deadline = Date.now() + context.getRemainingTimeInMillis() - 60_000;
  for (const ref of importJobsStarted(event.Records.map(toTableChange))) {
    const outcome = await runImportJobToEnd(deps, ref, deadline, (ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    console.log(JSON.stringify({ level: 'info', msg: 'import job', ...ref, outcome }));
  }
};
