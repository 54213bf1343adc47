import { decodeSearchEntry, encodeSearchEntry, searchEntryOf, type UserSearchEntry } from '@manabi/core';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantDb } from './db.js';
import { cancelledIndexes, isConditionFailure } from './errors.js';
import { keys } from './keys.js';
import { queryAll, writeAtomically, type TransactItem } from './transact.js';

/**
 * The company's people search index (see docs/access-patterns.md, "People search"): every person's
 * compact entry (name, furigana, email, department, level, status, role) as one string attribute
 * `u_<id>` of one of a fixed number of shard items, written in the same transaction as the person.
 * A search reads the whole partition with one Query (following pages past 1 MB) and filters,
 * sorts and pages in memory.
 */
export const USER_SEARCH_SHARDS = 64;
/** Bumped when the entry format changes: a search that finds an older index rebuilds it once. */
export const USER_SEARCH_VERSION = 1;
/** How long a rebuild may hold the lease before another request may take over. */
const REBUILD_LEASE_MS = 5 * 60_000;
const ENTRY_PREFIX = 'u_';

/** The shard of a person: FNV-1a of the id, so it never changes and spreads people evenly. */
export function searchShardOf(userId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % USER_SEARCH_SHARDS;
}

/** Transaction items that write these people's entries: one Update per shard (an item may appear once per transaction). */
export function searchIndexWrites(db: TenantDb, people: UserSearchEntry[]): TransactItem[] {
  const byShard = new Map<number, UserSearchEntry[]>();
  for (const person of people) {
    const shard = searchShardOf(person.id);
    byShard.set(shard, [...(byShard.get(shard) ?? []), person]);
  }
  return [...byShard].map(([shard, group]) => {
    const names: Record<string, string> = {};
    const values: Record<string, string> = {};
    const sets = group.map((person, i) => {
      names[`#e${i}`] = `${ENTRY_PREFIX}${person.id}`;
      values[`:e${i}`] = encodeSearchEntry(searchEntryOf(person));
      return `#e${i} = :e${i}`;
    });
    return {
      Update: {
        TableName: db.table,
        Key: keys.userSearchShard(db.tenantId, shard),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
}

export interface SearchIndexState {
  entries: UserSearchEntry[];
  /** The index is complete for the current format (built, or every person written since). */
  ready: boolean;
  /** An unexpired rebuild lease is held by another request. */
  building: boolean;
}

/** Reads the whole index partition (strongly consistent: a person just added is found). */
export async function readSearchIndex(db: TenantDb, now: Date): Promise<SearchIndexState> {
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': keys.userSearchIndex(db.tenantId).pk },
    ConsistentRead: true,
  });
  const meta = items.find((item) => item.sk === keys.userSearchMeta(db.tenantId).sk);
  const entries: UserSearchEntry[] = [];
  for (const item of items) {
    if (item === meta) continue;
    for (const [name, value] of Object.entries(item)) {
      if (name.startsWith(ENTRY_PREFIX) && typeof value === 'string')
        entries.push(decodeSearchEntry(name.slice(ENTRY_PREFIX.length), value));
    }
  }
  return {
    entries,
    ready: meta?.version === USER_SEARCH_VERSION,
    building: typeof meta?.leaseUntil === 'number' && meta.leaseUntil > now.getTime(),
  };
}

/** For a new company (put in its creation transaction): its index is complete from the first person on. */
export function searchIndexReadyItem(db: TenantDb): TransactItem {
  return {
    Put: { TableName: db.table, Item: { ...keys.userSearchMeta(db.tenantId), entity: 'userSearchMeta', version: USER_SEARCH_VERSION } },
  };
}

/** Takes the rebuild lease (one request rebuilds; the others answer without writing). */
export async function claimSearchRebuild(db: TenantDb, now: Date, leaseId: string): Promise<boolean> {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          ...keys.userSearchMeta(db.tenantId),
          entity: 'userSearchMeta',
          version: 0,
          leaseId,
          leaseUntil: now.getTime() + REBUILD_LEASE_MS,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR (version <> :v AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now))',
        ExpressionAttributeValues: { ':v': USER_SEARCH_VERSION, ':now': now.getTime() },
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** A person as the rebuild read them: the entry plus the item version it was read at. */
export interface VersionedEntry {
  entry: UserSearchEntry;
  version: number;
}

/**
 * Writes every person's entry, each together with a check that the person is still at the version
 * read (the list comes from an eventually consistent index): a person changed meanwhile is read
 * again and written with their current fields. Concurrent person writes put their own entries in
 * their own transactions, so whichever commits last holds the newest fields. Then marks the index
 * ready for this format and releases the lease.
 */
export async function rebuildSearchIndex(
  db: TenantDb,
  people: VersionedEntry[],
  leaseId: string,
  reread: (userId: string) => Promise<VersionedEntry | null>,
): Promise<void> {
  const byShard = new Map<number, VersionedEntry[]>();
  for (const p of people) {
    const shard = searchShardOf(p.entry.id);
    byShard.set(shard, [...(byShard.get(shard) ?? []), p]);
  }
  const chunks: VersionedEntry[][] = [];
  for (const group of byShard.values()) for (let i = 0; i < group.length; i += 90) chunks.push(group.slice(i, i + 90));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) await writeChunk(db, chunks[next++]!, reread);
  };
  await Promise.all(Array.from({ length: Math.min(4, chunks.length) }, worker));
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.userSearchMeta(db.tenantId), entity: 'userSearchMeta', version: USER_SEARCH_VERSION },
      ConditionExpression: 'leaseId = :l',
      ExpressionAttributeValues: { ':l': leaseId },
    }),
  );
}

async function writeChunk(
  db: TenantDb,
  chunk: VersionedEntry[],
  reread: (userId: string) => Promise<VersionedEntry | null>,
): Promise<void> {
  let current = chunk;
  for (let attempt = 0; current.length > 0; attempt++) {
    const items: TransactItem[] = [
      ...current.map((p) => ({
        ConditionCheck: {
          TableName: db.table,
          Key: keys.user(db.tenantId, p.entry.id),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': p.version },
        },
      })),
      ...searchIndexWrites(
        db,
        current.map((p) => p.entry),
      ),
    ];
    try {
      await writeAtomically(db, items);
      return;
    } catch (error) {
      if (!isConditionFailure(error) || attempt >= 5) throw error;
      const changed = new Set(cancelledIndexes(error).filter((i) => i < current.length));
      const refreshed = await Promise.all(current.map((p, i) => (changed.has(i) ? reread(p.entry.id) : Promise.resolve(p))));
      current = refreshed.filter((p): p is VersionedEntry => p !== null);
    }
  }
}

/** Whether the index format is current (the rebuild's end marker); used by tests and tools. */
export async function searchIndexVersion(db: TenantDb): Promise<number | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.userSearchMeta(db.tenantId), ConsistentRead: true }));
  return typeof out.Item?.version === 'number' ? out.Item.version : null;
}
