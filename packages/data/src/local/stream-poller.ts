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

export interface StreamPoller {
  /** Reads everything written so far and hands it to the handler (tests call this to settle). */
  drain(): Promise<number>;
  /** How far behind the stream the aggregates are, and what was set aside (health, logs). */
  status(): StreamStatus;
  /** Applies the parked records again (after a fix); returns how many now applied. */
  replayParked(): Promise<{ replayed: number; stillFailing: number }>;
  stop(): void;
}

export interface StreamStatus {
  /** Records read in the current pass and not yet applied (0 when caught up). */
  recordsBehind: number;
  /** Age of the oldest record read and not yet applied, by the stream's clock (0 when caught up). */
  secondsBehind: number;
  /** Records applied since the reader started. */
  applied: number;
  /** Records that failed every try and were set aside, so the records after them still apply. */
  parked: number;
  /** When the last pass over the stream ended (null before the first). */
  lastPassAt: string | null;
  lastError: string | null;
}

/** A record that failed every try: where it is in the stream, so it can be replayed after a fix. */
export interface ParkedRecord {
  shardId: string;
  sequenceNumber: string;
  eventId: string;
  error: string;
  parkedAt: string;
}

export interface ParkingStore {
  list(): ParkedRecord[];
  add(record: ParkedRecord): void;
  remove(sequenceNumber: string): void;
}

export function memoryParking(): ParkingStore {
  let records: ParkedRecord[] = [];
  return {
    list: () => [...records],
    add: (r) => void records.push(r),
    remove: (seq) => void (records = records.filter((r) => r.sequenceNumber !== seq)),
  };
}

/** Parked records in a JSON file (the local server keeps it in .data/ beside the positions). */
export function fileParking(path: string): ParkingStore {
  let records: ParkedRecord[] = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ParkedRecord[]) : [];
  const save = () => writeFileSync(path, JSON.stringify(records, null, 2));
  return {
    list: () => [...records],
    add: (r) => {
      records.push(r);
      save();
    },
    remove: (seq) => {
      records = records.filter((r) => r.sequenceNumber !== seq);
      save();
    },
  };
}

/**
 * Locally, DynamoDB Local's stream plays the role the Lambda event source mapping plays in the
 * cloud: this reads the table's stream shard by shard and passes the records to the same handler.
 * At-least-once, like the cloud: the handler is idempotent. Also like the cloud mapping (bisect on
 * error, retries, on-failure destination), a page that fails is retried record by record, and a
 * record that fails every try is parked with its position and counted, so one bad record never
 * holds back the ones after it.
 */
export function pollTableStream(options: {
  endpoint: string;
  tableName: string;
  positions: PositionStore;
  parking?: ParkingStore;
  handler: (changes: TableChange[]) => Promise<void>;
  intervalMs?: number;
  /** Tries per record before it is parked. */
  attempts?: number;
  onError?: (error: unknown) => void;
  /** After each pass that applied records: the lag, for the log. */
  onPass?: (pass: { records: number; parked: number; status: StreamStatus }) => void;
}): StreamPoller {
  const config = { endpoint: options.endpoint, region: 'ap-northeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const streams = new DynamoDBStreamsClient(config);
  const dynamo = new DynamoDBClient(config);
  const parking = options.parking ?? memoryParking();
  const attempts = Math.max(1, options.attempts ?? 3);
  let running: Promise<number> | null = null;
  let stopped = false;
  const status = { recordsBehind: 0, oldestPendingAt: null as number | null, applied: 0, lastPassAt: null as string | null };
  let lastError: string | null = null;

  const createdAt = (r: _Record): number | null => {
    const t = r.dynamodb?.ApproximateCreationDateTime;
    return t === undefined ? null : t instanceof Date ? t.getTime() : Number(t) * 1000;
  };

  /** One record, tried `attempts` times; parked when every try failed. */
  const applyOne = async (shardId: string, record: _Record): Promise<'applied' | 'parked'> => {
    let error: unknown;
    for (let i = 0; i < attempts; i++) {
      try {
        await options.handler([toTableChange(record)]);
        return 'applied';
      } catch (e) {
        error = e;
      }
    }
    lastError = String(error);
    options.onError?.(error);
    parking.add({
      shardId,
      sequenceNumber: record.dynamodb!.SequenceNumber!,
      eventId: record.eventID ?? '',
      error: String(error),
      parkedAt: new Date().toISOString(),
    });
    return 'parked';
  };

  const streamArn = async (): Promise<string | undefined> =>
    (await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }))).Table?.LatestStreamArn;

  /**
   * Reads until a whole pass finds nothing: what the handler writes during a pass, and records in a
   * shard opened meanwhile (the shard list is read once per pass), are read before the drain ends,
   * so a drain leaves nothing behind however slow the machine is.
   */
  const readAll = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const read = await readPass();
      total += read;
      if (read === 0 || stopped) return total;
    }
  };

  const readPass = async (): Promise<number> => {
    const arn = await streamArn();
    if (!arn) return 0;
    const description = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
    let count = 0;
    let parked = 0;
    for (const shard of description.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      const after = options.positions.get(shardId);
      let iterator = (
        await streams.send(
          new GetShardIteratorCommand({
            StreamArn: arn,
            ShardId: shardId,
            ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
            ...(after ? { SequenceNumber: after } : {}),
          }),
        )
      ).ShardIterator;
      while (iterator && !stopped) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        const records: _Record[] = page.Records ?? [];
        if (records.length === 0) break;
        status.recordsBehind = records.length;
        status.oldestPendingAt = createdAt(records[0]!);
        try {
          await options.handler(records.map(toTableChange));
        } catch {
          // Like the cloud's bisect-on-error: find the bad record(s), apply the rest.
          for (const [i, record] of records.entries()) {
            status.recordsBehind = records.length - i;
            status.oldestPendingAt = createdAt(record);
            if ((await applyOne(shardId, record)) === 'parked') parked++;
          }
        }
        options.positions.set(shardId, records[records.length - 1]!.dynamodb!.SequenceNumber!);
        status.applied += records.length;
        count += records.length;
        status.recordsBehind = 0;
        status.oldestPendingAt = null;
        iterator = page.NextShardIterator;
      }
    }
    status.applied -= parked;
    status.lastPassAt = new Date().toISOString();
    if (count > 0) options.onPass?.({ records: count, parked, status: currentStatus() });
    return count;
  };

  const currentStatus = (): StreamStatus => ({
    recordsBehind: status.recordsBehind,
    secondsBehind: status.oldestPendingAt === null ? 0 : Math.max(0, Math.round((Date.now() - status.oldestPendingAt) / 1000)),
    applied: status.applied,
    parked: parking.list().length,
    lastPassAt: status.lastPassAt,
    lastError,
  });

  /** One reader at a time: work asked for during a read waits for it, then runs. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = (running ?? Promise.resolve(0)).catch(() => 0).then(work);
    // The timer reads only when no drain is under way: `running` clears when the last one ends.
    const tracked: Promise<number> = next.then(
      () => 0,
      () => 0,
    );
    void tracked.finally(() => {
      if (running === tracked) running = null;
    });
    running = tracked;
    return next;
  };

  const replayParked = () =>
    exclusive(async () => {
      const arn = await streamArn();
      let replayed = 0;
      for (const record of parking.list()) {
        const iterator = arn
          ? (
              await streams.send(
                new GetShardIteratorCommand({
                  StreamArn: arn,
                  ShardId: record.shardId,
                  ShardIteratorType: 'AT_SEQUENCE_NUMBER',
                  SequenceNumber: record.sequenceNumber,
                }),
              )
            ).ShardIterator
          : undefined;
        const found = iterator
          ? (await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1 }))).Records?.[0]
          : undefined;
        if (!found) continue; // past the stream's retention: the rebuild command recounts from raw data
        try {
          await options.handler([toTableChange(found)]);
          parking.remove(record.sequenceNumber);
          replayed++;
        } catch (error) {
          lastError = String(error);
        }
      }
      return { replayed, stillFailing: parking.list().length };
    });

  const drain = (): Promise<number> => exclusive(readAll);
  const timer = setInterval(() => {
    if (!running)
      drain().catch((error: unknown) => {
        lastError = String(error);
        options.onError?.(error);
      });
  }, options.intervalMs ?? 1000);
  return {
    drain,
    status: currentStatus,
    replayParked,
    stop() {
      stopped = true;
      clearInterval(timer);
      streams.destroy();
      dynamo.destroy();
    },
  };
}

/**
 * The records of one shard between two sequence numbers (inclusive), as a Lambda on-failure
 * message names them: used to replay a batch the cloud aggregator gave up on. Without `endpoint`,
 * the real DynamoDB Streams with the environment's credentials.
 */
export async function readStreamRange(range: {
  streamArn: string;
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  endpoint?: string;
}): Promise<TableChange[]> {
  const streams = new DynamoDBStreamsClient(range.endpoint ? { endpoint: range.endpoint } : {});
  try {
    const last = BigInt(range.endSequenceNumber);
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: range.streamArn,
          ShardId: range.shardId,
          ShardIteratorType: 'AT_SEQUENCE_NUMBER',
          SequenceNumber: range.startSequenceNumber,
        }),
      )
    ).ShardIterator;
    const out: TableChange[] = [];
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      const records = page.Records ?? [];
      const inRange = records.filter((r) => BigInt(r.dynamodb!.SequenceNumber!) <= last);
      out.push(...inRange.map(toTableChange));
      if (records.length === 0 || inRange.length < records.length) break;
      iterator = page.NextShardIterator;
    }
    return out;
  } finally {
    streams.destroy();
  }
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
