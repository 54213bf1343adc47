import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createDataAccess } from '@manabi/data';
import { cloudEnv } from '../cloud/env.js';
import { applyEmailEvent } from './email-events.js';

/** SES bounce and complaint events (configuration set → SNS → SQS) → the suppression list in the table. */
const env = cloudEnv('emailEvents');
const data = createDataAccess({ tableName: env.TABLE_NAME });

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      const suppressed = await applyEmailEvent(data.platform, record.body, new Date());
      console.log(JSON.stringify({ level: 'info', msg: 'email event', suppressed }));
    } catch (error) {
      console.log(JSON.stringify({ level: 'error', msg: 'email event failed', error: String(error) }));
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
