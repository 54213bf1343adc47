import { createDataAccess, scopedDataFromEnv } from '@manabi/data';
import { cloudEnv } from '../cloud/env.js';
import { runTenantJob } from './tenant-jobs.js';

/**
 * Queue entry (SQS FIFO, one message per batch): one company's daily job. A failure throws, so the
 * message returns to the queue and, after its last attempt, lands in the dead-letter queue (alarmed).
 */
const env = cloudEnv('tenantJob');
const data = createDataAccess({ tableName: env.TABLE_NAME, scoped: scopedDataFromEnv(env) });

export const handler = async (event: { Records: { messageId: string; body: string }[] }) => {
  const deps = { data, config: { publicUrl: env.PUBLIC_URL }, now: () => new Date() };
  for (const record of event.Records) {
    const run = await runTenantJob(deps, JSON.parse(record.body));
    console.log(JSON.stringify({ level: 'info', msg: 'tenant job', messageId: record.messageId, ...run }));
  }
};
