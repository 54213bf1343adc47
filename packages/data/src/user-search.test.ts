import { newTenantId, newUserId, type UserSearchEntry } from '@manabi/core';
import { describe, expect, it } from 'vitest';
import type { TenantDb } from './db.js';
import { isTransactionConflict } from './transact.js';
import { searchIndexWrites, searchShardOf, USER_SEARCH_SHARDS } from './user-search.js';

const db = { doc: null as never, table: 't', tenantId: newTenantId() } satisfies TenantDb;
const person = (id: string): UserSearchEntry => ({
  id,
  name: '鈴木 花子',
  furigana: 'スズキ ハナコ',
  email: `${id}@example.jp`,
  departmentId: null,
  level: null,
  status: 'invited',
  role: 'learner',
});

describe('the search index shards', () => {
  it('places a person on a fixed shard, spreading people evenly', () => {
    const ids = Array.from({ length: 6_400 }, () => newUserId());
    const counts = new Array<number>(USER_SEARCH_SHARDS).fill(0);
    for (const id of ids) counts[searchShardOf(id)]! += 1;
    expect(ids.every((id) => searchShardOf(id) === searchShardOf(id))).toBe(true);
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(160);
  });

  it('writes a batch with one Update per shard, each setting its people’s entries', () => {
    const people = Array.from({ length: 200 }, () => person(newUserId()));
    const writes = searchIndexWrites(db, people);
    const shards = new Set(people.map((p) => searchShardOf(p.id)));
    expect(writes).toHaveLength(shards.size);
    const set = writes.flatMap((w) => Object.values(w.Update!.ExpressionAttributeNames!));
    expect(set.sort()).toEqual(people.map((p) => `u_${p.id}`).sort());
    expect(writes.every((w) => w.Update!.Key!.pk === `T#${db.tenantId}#USERSEARCH`)).toBe(true);
  });
});

describe('isTransactionConflict', () => {
  it('retries only a cancellation caused by a concurrent transaction, never a failed condition', () => {
    const cancelled = (...codes: string[]) => ({
      name: 'TransactionCanceledException',
      CancellationReasons: codes.map((Code) => ({ Code })),
    });
    expect(isTransactionConflict(cancelled('None', 'TransactionConflict'))).toBe(true);
    expect(isTransactionConflict(cancelled('ConditionalCheckFailed', 'TransactionConflict'))).toBe(false);
    expect(isTransactionConflict(cancelled('ConditionalCheckFailed'))).toBe(false);
    expect(isTransactionConflict({ name: 'TransactionConflictException' })).toBe(true);
    expect(isTransactionConflict(new Error('boom'))).toBe(false);
  });
});
