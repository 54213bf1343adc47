import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** A change as the aggregator takes it, whether from a Lambda event or from this poller. */
export interface TableChange {
  eventId: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  newImage: Record<string, unknown> | null;
  oldImage: Record<string, unknown> | null;
  /** When the change happened (the stream's approximate creation time), if known. */
  at?: string;
}

export function toTableChange(r: {
  eventID?: string;
  eventName?: string;
  dynamodb?: { NewImage?: unknown; OldImage?: unknown; ApproximateCreationDateTime?: number | Date };
}): TableChange {
  const created = r.dynamodb?.ApproximateCreationDateTime;
  const image = (x: unknown) => (x ? unmarshall(withoutEmptyValues(x as Record<string, AttributeValue>)) : null);
  return {
    eventId: r.eventID ?? '',
    eventName: (r.eventName ?? 'MODIFY') as TableChange['eventName'],
    newImage: image(r.dynamodb?.NewImage),
    oldImage: image(r.dynamodb?.OldImage),
    // Seconds since the epoch in Lambda events; a Date from the SDK's stream client.
    ...(created === undefined ? {} : { at: new Date(typeof created === 'number' ? created * 1000 : created).toISOString() }),
  };
}

export interface StreamPoller {
  /** Reads everything written so far and hands it to the handler (tests call this to settle). */
  drain(): Promise<number>;
  stop(): void;
}

/**
 * Locally, DynamoDB Local's stream plays the role the Lambda event source mapping plays in the
 * cloud: this reads the table's stream shard by shard and passes the records to the same handler.
 * Positions are kept in the table, so a restart continues where it stopped. At-least-once, like
 * the cloud: the handler is idempotent.
 */
/**
 * Where the poller has read up to, per shard. Kept outside the table: a position written to the
 * table would itself be a stream record, and reading it would write the position again, forever.
 */
export interface PositionStore {
  get(shardId: string): string | null;
  set(shardId: string, sequenceNumber: string): void;
}

export function memoryPositions(): PositionStore {
  const positions = new Map<string, string>();
  return { get: (id) => positions.get(id) ?? null, set: (id, seq) => void positions.set(id, seq) };
}

/** Positions in a JSON file (the local server keeps it in .data/ so a restart continues). */
export function filePositions(path: string): PositionStore {
  const positions: Record<string, string> = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
  return {
    get: (id) => positions[id] ?? null,
    set: (id, seq) => {
      positions[id] = seq;
      writeFileSync(path, JSON.stringify(positions));
    },
  };
}

export function pollTableStream(options: {
  endpoint: string;
  tableName: string;
  positions: PositionStore;
  handler: (changes: TableChange[]) => Promise<void>;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): StreamPoller {
  const config = { endpoint: options.endpoint, region: 'ap-northeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const streams = new DynamoDBStreamsClient(config);
  const dynamo = new DynamoDBClient(config);
  let running: Promise<number> | null = null;

  const readAll = async (): Promise<number> => {
    const table = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) return 0;
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    let count = 0;
    for (const shard of description.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      const after = options.positions.get(shardId);
      let iterator = (
        await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shardId,
            ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
            ...(after ? { SequenceNumber: after } : {}),
          }),
        )
      ).ShardIterator;
      while (iterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        const records: _Record[] = page.Records ?? [];
        if (records.length === 0) break;
        await options.handler(records.map(toTableChange));
        options.positions.set(shardId, records[records.length - 1]!.dynamodb!.SequenceNumber!);
        count += records.length;
        iterator = page.NextShardIterator;
      }
    }
    return count;
  };

  const drain = (): Promise<number> => {
    // One reader at a time: a drain asked for during a read waits for it and then reads again.
    const next = (running ?? Promise.resolve(0)).catch(() => 0).then(readAll);
    // The timer reads only when no drain is under way: `running` clears when the last one ends.
    const tracked: Promise<number> = next.finally(() => {
      if (running === tracked) running = null;
    });
    tracked.catch(() => undefined);
    running = tracked;
    return next;
  };
  const timer = setInterval(() => {
    if (!running) drain().catch((error: unknown) => options.onError?.(error));
  }, options.intervalMs ?? 1000);
  return {
    drain,
    stop() {
      clearInterval(timer);
      streams.destroy();
      dynamo.destroy();
    },
  };
}

/**
 * The streams client decodes an attribute it has no member for (seen from DynamoDB Local for some
 * values) as an empty object, which `unmarshall` refuses: such values are dropped, recursively.
 */
function withoutEmptyValues(map: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const clean = (v: AttributeValue): AttributeValue | undefined => {
    const value = v as unknown as Record<string, unknown>;
    if (!value || Object.keys(value).length === 0) return undefined;
    if (value.M) return { M: withoutEmptyValues(value.M as Record<string, AttributeValue>) };
    if (value.L) return { L: (value.L as AttributeValue[]).map(clean).filter((x): x is AttributeValue => x !== undefined) };
    return v;
  };
  return Object.fromEntries(
    Object.entries(map)
      .map(([k, v]) => [k, clean(v)] as const)
      .filter(([, v]) => v !== undefined),
  ) as Record<string, AttributeValue>;
}
