import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb } from './db.js';
import { keys, type RateLimitKind } from './keys.js';
import { TTL_ATTRIBUTE } from './table.js';

export interface RateLimitSubject {
  kind: RateLimitKind;
  value: string;
}

const windowStart = (now: number, windowSeconds: number): number => Math.floor(now / 1000 / windowSeconds) * windowSeconds;

/** Failed attempts in the current fixed window, per subject (one BatchGet). */
export async function countFailures(db: PlatformDb, subjects: RateLimitSubject[], now: number, windowSeconds: number): Promise<number[]> {
  const w = windowStart(now, windowSeconds);
  const ks = subjects.map((s) => keys.rateLimit(s.kind, s.value, w));
  const out = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.table]: { Keys: ks, ConsistentRead: true } } }));
  const items = out.Responses?.[db.table] ?? [];
  return ks.map((k) => (items.find((i) => i.pk === k.pk)?.count as number | undefined) ?? 0);
}

/** Counts one failure (or one request, for limits on requests) against each subject; the counters expire with their window (TTL). */
export async function recordFailure(db: PlatformDb, subjects: RateLimitSubject[], now: number, windowSeconds: number): Promise<void> {
  const w = windowStart(now, windowSeconds);
  await Promise.all(
    subjects.map((s) =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.rateLimit(s.kind, s.value, w),
          UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
          ExpressionAttributeNames: { '#count': 'count', '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':one': 1, ':ttl': w + windowSeconds * 2 },
        }),
      ),
    ),
  );
}
