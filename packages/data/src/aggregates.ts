import { withoutMembership } from './tenant-membership.js';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantDb } from './db.js';
import { keys } from './keys.js';
import { putMany, queryPages, writeAtomically, type TransactItem } from './transact.js';
import { isConditionFailure } from './errors.js';

export interface ShardIncrement {
  cellId: string;
  shard: number;
  add: Readonly<Record<string, number>>;
  /** Cells read as a group (e.g. an assessment's items): stored as members of the group's shards. */
  group?: { id: string; member: string };
}

const shardKey = (tenantId: string, inc: Pick<ShardIncrement, 'cellId' | 'shard' | 'group'>) =>
  inc.group
    ? keys.aggregateGroupShard(tenantId, inc.group.id, inc.shard, inc.group.member)
    : keys.aggregateShard(tenantId, inc.cellId, inc.shard);

/** Increments per transaction, leaving room for the "applied" claim. */
const CHUNK = 90;

/**
 * Applies increments at most once per `key`: each chunk of up to 90 cell updates is written in one
 * transaction with its own claim (`<key>/<chunk>`), so a redelivered record, or a retry after a
 * partial failure, adds each chunk exactly once. Returns how many chunks were newly applied.
 */
export async function applyIncrementsOnce(
  db: TenantDb,
  key: string,
  increments: readonly ShardIncrement[],
  now: string,
  /** Kept on the claim (e.g. the department and level the record was counted under, for a rebuild). */
  note: Record<string, unknown> = {},
): Promise<number> {
  let applied = 0;
  // Increments that add nothing are left out (an empty ADD is not a valid update).
  const nonEmpty = increments.filter((inc) => Object.values(inc.add).some((v) => v !== 0));
  for (let i = 0; i < nonEmpty.length; i += CHUNK) {
    const chunk = nonEmpty.slice(i, i + CHUNK);
    const items: TransactItem[] = [
      {
        Put: {
          TableName: db.table,
          Item: { ...keys.aggregateApplied(db.tenantId, `${key}/${i / CHUNK}`), entity: 'aggregateApplied', at: now, ...note },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...chunk.map((inc): TransactItem => {
        const fields = Object.entries(inc.add).filter(([, v]) => v !== 0);
        const names = Object.fromEntries(fields.map(([f], k) => [`#f${k}`, f]));
        const values = Object.fromEntries(fields.map(([, v], k) => [`:v${k}`, v]));
        return {
          Update: {
            TableName: db.table,
            Key: shardKey(db.tenantId, inc),
            UpdateExpression: `ADD ${fields.map((_, k) => `#f${k} :v${k}`).join(', ')}`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        };
      }),
    ];
    if (items.length === 1) continue;
    try {
      await writeAtomically(db, items);
      applied += 1;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Already applied (the claim exists): nothing to do for this chunk.
    }
  }
  return applied;
}

/** The claim of a key's first chunk (what a rebuild reads to count a record where it was counted). */
export async function getAppliedClaim(db: TenantDb, key: string): Promise<Record<string, unknown> | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.aggregateApplied(db.tenantId, `${key}/0`) }));
  return out.Item ?? null;
}

/** Adds a repair (rebuilt − maintained) to shard 0 of each cell, with the stream's own ADD. */
export async function addToCells(
  db: TenantDb,
  repairs: ReadonlyMap<string, Readonly<Record<string, number>>>,
  groupOf: (cellId: string) => ShardIncrement['group'] = () => undefined,
): Promise<void> {
  for (const [cellId, add] of repairs) {
    const fields = Object.entries(add).filter(([, v]) => v !== 0);
    if (fields.length === 0) continue;
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: shardKey(db.tenantId, { cellId, shard: 0, group: groupOf(cellId) }),
        UpdateExpression: `ADD ${fields.map((_, k) => `#f${k} :v${k}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(fields.map(([f], k) => [`#f${k}`, f])),
        ExpressionAttributeValues: Object.fromEntries(fields.map(([, v], k) => [`:v${k}`, v])),
      }),
    );
  }
}

/** Every shard item of one cell (one Query), for the reports layer to merge. */
export async function readCellShards(db: TenantDb, cellId: string): Promise<Record<string, unknown>[]> {
  const k = keys.aggregateCell(db.tenantId, cellId);
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((item) => {
    const { pk: _pk, sk: _sk, ...counters } = withoutMembership(item);
    return counters;
  });
}

/**
 * Every member of a group, merged over its shards by the caller: one Query per shard (paged), so an
 * assessment's whole item table costs `shards` reads whatever the number of attempts.
 */
export async function readGroupShards(db: TenantDb, groupId: string, shards: number): Promise<Map<string, Record<string, unknown>[]>> {
  const out = new Map<string, Record<string, unknown>[]>();
  await Promise.all(
    Array.from({ length: shards }, async (_, shard) => {
      const k = keys.aggregateGroupShard(db.tenantId, groupId, shard);
      for await (const page of queryPages(db, {
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': k.pk },
        ConsistentRead: true,
      })) {
        for (const { pk: _pk, sk, ...counters } of page.map(withoutMembership)) {
          const member = String(sk).slice(2);
          out.set(member, [...(out.get(member) ?? []), counters]);
        }
      }
    }),
  );
  return out;
}

/** Many cells' shards at once (dashboards read a handful of cells). */
export async function readCellsShards(db: TenantDb, cellIds: string[]): Promise<Map<string, Record<string, unknown>[]>> {
  const result = new Map<string, Record<string, unknown>[]>();
  await Promise.all(cellIds.map(async (id) => result.set(id, await readCellShards(db, id))));
  return result;
}

/**
 * Writes recomputed cells (a rebuild, or seeding a benchmark) into shard 0 of each cell; readers
 * merge whatever shards exist, so this replaces nothing the stream wrote only if the cells were empty.
 */
export async function putRebuiltCells(
  db: TenantDb,
  cells: ReadonlyMap<string, Readonly<Record<string, number>>>,
  groupOf: (cellId: string) => ShardIncrement['group'] = () => undefined,
): Promise<void> {
  await putMany(
    db,
    [...cells].map(([cellId, counters]) => ({ ...shardKey(db.tenantId, { cellId, shard: 0, group: groupOf(cellId) }), ...counters })),
  );
}
