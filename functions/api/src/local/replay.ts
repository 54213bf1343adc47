/**
 * `npm run stream:replay`: applies stream records that the aggregator set aside, once the cause is
 * fixed. Every step of the aggregator is idempotent, so a record that did apply before counts once.
 *
 * - Locally (default): the records parked by the local server's stream reader
 *   (`.data/stream-parked.json`); stop `npm start` first, or pass `--endpoint` of the running
 *   DynamoDB Local. Records that still fail stay parked.
 * - In the cloud: `--batch <file>` with a message from the aggregator's failed-records queue (the
 *   Lambda on-failure record: `DDBStreamBatchInfo` with the shard and the first and last sequence
 *   numbers), run with the deploy's AWS credentials and `TABLE_NAME`. The stream keeps records for
 *   24 hours; older ones are recounted from raw data with `npm run reports:rebuild -- --repair`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDataAccess, DEFAULT_TABLE_NAME, s3ObjectStore } from '@manabi/data';
import { fileObjectStore, fileParking, filePositions, pollTableStream, readStreamRange, startDynamoLocal } from '@manabi/data/local';
import { applyChanges } from '../jobs/aggregate.js';

const { values } = parseArgs({ options: { endpoint: { type: 'string' }, batch: { type: 'string' } } });
const now = () => new Date();

if (values.batch) {
  const message = JSON.parse(readFileSync(values.batch, 'utf8')) as {
    DDBStreamBatchInfo: { streamArn: string; shardId: string; startSequenceNumber: string; endSequenceNumber: string };
  };
  const data = createDataAccess({
    tableName: process.env.TABLE_NAME ?? DEFAULT_TABLE_NAME,
    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
  });
  try {
    const changes = await readStreamRange({ ...message.DDBStreamBatchInfo, ...(values.endpoint ? { endpoint: values.endpoint } : {}) });
    // Certificates the replayed records issue go where the cloud aggregator puts them.
    if (!process.env.OBJECT_BUCKET) throw new Error('OBJECT_BUCKET is not set');
    const objects = s3ObjectStore(process.env.OBJECT_BUCKET);
    await applyChanges({ data, objects, config: { publicUrl: process.env.PUBLIC_URL ?? '' }, now }, changes);
    console.log(JSON.stringify({ replayed: changes.length }));
  } finally {
    data.destroy();
  }
} else {
  const dataDir = process.env.MANABI_DATA_DIR ?? join(process.cwd(), '.data');
  const dynamo = values.endpoint ? null : await startDynamoLocal({ dataDir: join(dataDir, 'dynamodb') });
  const endpoint = values.endpoint ?? dynamo!.endpoint;
  const data = createDataAccess({ tableName: DEFAULT_TABLE_NAME, endpoint });
  const poller = pollTableStream({
    endpoint,
    tableName: DEFAULT_TABLE_NAME,
    positions: filePositions(join(dataDir, 'stream-positions.json')),
    parking: fileParking(join(dataDir, 'stream-parked.json')),
    handler: async (changes) => {
      const objects = fileObjectStore(join(dataDir, 'objects'));
      const config = { publicUrl: process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 8787}` };
      await applyChanges({ data, objects, config, now }, changes);
    },
    // Only the replay: new records are the server's to read.
    intervalMs: 24 * 3600_000,
  });
  try {
    console.log(JSON.stringify(await poller.replayParked()));
  } finally {
    poller.stop();
    data.destroy();
    await dynamo?.stop();
  }
}
