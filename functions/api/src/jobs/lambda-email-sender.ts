import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { createDataAccess, toOutboxMessage } from '@manabi/data';
import { toTableChange } from '@manabi/data/local';
import { cloudEnv } from '../cloud/env.js';
import { drainOutbox } from './email-sender.js';

/**
 * DynamoDB Streams → this Lambda, for new outbox items only (the event source mapping's filter):
 * each message goes out through SES v2 at most once (see email-sender.ts). A platform job: it
 * uses the function's own role (outbox items of every company, the suppression list, vendors).
 */
const env = cloudEnv('emailSender');
const deps = {
  data: createDataAccess({ tableName: env.TABLE_NAME }),
  ses: new SESv2Client({}),
  config: { emailDomain: env.EMAIL_DOMAIN, configurationSet: env.SES_CONFIGURATION_SET },
  now: () => new Date(),
  log: (line: Record<string, unknown>) => console.log(JSON.stringify(line)),
};

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const messages = event.Records.map((r) => toOutboxMessage(toTableChange(r).newImage ?? {}));
  const result = await drainOutbox(deps, messages);
  const failed = result.failedAt === null ? undefined : event.Records[result.failedAt];
  if (failed)
    console.log(JSON.stringify({ level: 'error', msg: 'email send failed', failedAt: result.failedAt, error: String(result.error) }));
  return { batchItemFailures: failed?.dynamodb?.SequenceNumber ? [{ itemIdentifier: failed.dynamodb.SequenceNumber }] : [] };
};
