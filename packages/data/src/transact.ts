import { BatchWriteCommand, GetCommand, QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb } from './db.js';
import { isConditionFailure } from './errors.js';
import { keys } from './keys.js';

/** One write of a transaction; repositories build these so callers can combine writes atomically. */
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/**
 * Writes all items or none (at most 100 per call, DynamoDB's limit). A transaction cancelled only
 * because another one was writing the same item (a shared counter, a search index shard) wrote
 * nothing, so it is sent again after a short random pause.
 */
export async function writeAtomically(db: PlatformDb, items: TransactItem[]): Promise<void> {
  if (items.length === 0) return;
  for (let attempt = 0; ; attempt++) {
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 25 * 2 ** attempt)));
    }
  }
}

/**
 * Writes `items` together with a claim that must not exist yet (an idempotency key): all or
 * nothing. Answers false, having written nothing, when the claim is already there, so a retry or a
 * concurrent run of the same work does it once.
 */
export async function writeOnce(db: PlatformDb, claim: Record<string, unknown>, items: TransactItem[]): Promise<boolean> {
  try {
    await writeAtomically(db, [{ Put: { TableName: db.table, Item: claim, ConditionExpression: 'attribute_not_exists(pk)' } }, ...items]);
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Cancelled for a concurrent transaction on one of its items, and for no failed condition. */
export function isTransactionConflict(error: unknown): boolean {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (e?.name === 'TransactionConflictException') return true;
  if (e?.name !== 'TransactionCanceledException') return false;
  const codes = (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  return codes.includes('TransactionConflict') && codes.every((c) => c === 'TransactionConflict' || c === 'None');
}

/** A data-plane read of an item that never exists: proves the table answers. */
export async function ping(db: PlatformDb): Promise<void> {
  await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.health() }));
}

/** Every item of a Query, following LastEvaluatedKey page by page (never a Scan). */
export async function queryAll(
  db: PlatformDb,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(new QueryCommand({ ...input, TableName: db.table, ExclusiveStartKey: startKey }));
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** A Query page by page, for exports that stream without holding everything in memory. */
export async function* queryPages(
  db: PlatformDb,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): AsyncGenerator<Record<string, unknown>[]> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(new QueryCommand({ ...input, TableName: db.table, ExclusiveStartKey: startKey }));
    yield out.Items ?? [];
    startKey = out.LastEvaluatedKey;
  } while (startKey);
}

/** Puts many items, 25 per BatchWriteItem, retrying unprocessed ones (bulk loads and seeding only). */
export async function putMany(db: PlatformDb, items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [db.table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      const out = await db.doc.send(new BatchWriteCommand({ RequestItems: request }));
      request = out.UnprocessedItems as typeof request;
      if (request && Object.keys(request).length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
    }
  }
}
