import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createDataAccess } from '@manabi/data';
import { toTableChange } from '@manabi/data/local';
import { applyChanges } from './aggregate.js';

/** DynamoDB Streams → this Lambda: the same aggregator the local stream poller runs. */
const data = createDataAccess({ tableName: process.env.TABLE_NAME ?? 'manabi' });

export const handler = async (event: DynamoDBStreamEvent) => {
  const result = await applyChanges({ data, now: () => new Date() }, event.Records.map(toTableChange));
  console.log(JSON.stringify({ level: 'info', msg: 'aggregated', records: event.Records.length, ...result }));
  return result;
};
