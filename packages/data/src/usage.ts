import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb, TenantDb } from './db.js';
import { keys } from './keys.js';
import { cancelledIndexes, isConditionFailure } from './errors.js';
import { TTL_ATTRIBUTE } from './table.js';
import { queryAll } from './transact.js';

/** One company's usage in one month. */
export interface UsageMonth {
  tenantId: string;
  vendorId: string | null;
  month: string;
  activeLearners: number;
  attempts: number;
}

/** Markers only need to outlive their month (and a redelivered stream record). */
const MARKER_DAYS = 70;

/**
 * Counts one activity once: the marker's conditional put and the counter's ADD commit together, so
 * a person is active at most once per month and an attempt counts once, however often the stream
 * delivers the record. Returns whether it counted.
 */
export async function countUsage(
  db: TenantDb,
  input: { vendorId: string | null; month: string; kind: 'active' | 'attempt'; id: string; now: Date },
): Promise<boolean> {
  const ttl = Math.floor(input.now.getTime() / 1000) + MARKER_DAYS * 86400;
  const field = input.kind === 'active' ? 'activeLearners' : 'attempts';
  const usageKey = keys.usageMonth(db.tenantId, input.month, input.vendorId);
  const { pk, sk, ...indexKeys } = usageKey;
  const indexNames = Object.keys(indexKeys);
  for (let attempt = 0; ; attempt++) {
    try {
      await db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: db.table,
                Item: { ...keys.usageMarker(db.tenantId, input.month, input.kind, input.id), [TTL_ATTRIBUTE]: ttl },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: db.table,
                Key: { pk, sk },
                UpdateExpression: `ADD #f :one SET entity = :e, tenantId = :t, vendorId = :v, #m = :m${indexNames
                  .map((n) => `, ${n} = :${n}`)
                  .join('')}`,
                ExpressionAttributeNames: { '#f': field, '#m': 'month' },
                ExpressionAttributeValues: {
                  ':one': 1,
                  ':e': 'usage',
                  ':t': db.tenantId,
                  ':v': input.vendorId,
                  ':m': input.month,
                  ...Object.fromEntries(Object.entries(indexKeys).map(([n, v]) => [`:${n}`, v])),
                },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (cancelledIndexes(error).includes(0)) return false; // counted before
      // Another writer touched the month's counter at the same moment: try again.
      if (attempt >= 8) throw error;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }
}

const toUsage = (i: Record<string, unknown>): UsageMonth => ({
  tenantId: i.tenantId as string,
  vendorId: (i.vendorId as string | null) ?? null,
  month: i.month as string,
  activeLearners: (i.activeLearners as number) ?? 0,
  attempts: (i.attempts as number) ?? 0,
});

/** Every company's usage of one month under a vendor (one Query on the vendor's month). */
export async function usageOfVendor(db: PlatformDb, vendorId: string, month: string): Promise<UsageMonth[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :p',
    ExpressionAttributeValues: { ':p': keys.usageOfVendor(vendorId, month).gsi2pk },
  });
  return items.map(toUsage);
}

/** Every company's usage of one month across the platform (one Query on the month). */
export async function usageOfPlatform(db: PlatformDb, month: string): Promise<UsageMonth[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.usageOfPlatform(month).gsi1pk },
  });
  return items.map(toUsage);
}

/** One company's usage of one month (one GetItem); zeros when nothing was counted. */
export async function usageOfTenant(db: TenantDb, month: string): Promise<UsageMonth> {
  const { pk, sk } = keys.usageMonth(db.tenantId, month, null);
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: { pk, sk } }));
  return out.Item ? toUsage(out.Item) : { tenantId: db.tenantId, vendorId: null, month, activeLearners: 0, attempts: 0 };
}
