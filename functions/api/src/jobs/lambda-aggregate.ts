import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createDataAccess, s3ObjectStore } from '@manabi/data';
import { toTableChange } from '@manabi/data/local';
import { applyChanges } from './aggregate.js';

/** DynamoDB Streams → this Lambda: the same aggregator the local stream poller runs. */
const data = createDataAccess({ tableName: process.env.TABLE_NAME ?? 'manabi' });
// Certificates issued on completion are stored as PDFs beside the API's other objects.
if (!process.env.OBJECT_BUCKET) throw new Error('OBJECT_BUCKET is not set');
const objects = s3ObjectStore(process.env.OBJECT_BUCKET);
const config = { publicUrl: process.env.PUBLIC_URL ?? '' };

export const handler = async (event: DynamoDBStreamEvent) => {
  const result = await applyChanges({ data, objects, config, now: () => new Date() }, event.Records.map(toTableChange));
  console.log(JSON.stringify({ level: 'info', msg: 'aggregated', records: event.Records.length, ...result }));
  return result;
};
