import {
  encodeSearchEntry,
  foldForSearch,
  searchEntryOf,
  searchText,
  type Level,
  type Locale,
  type Role,
  type User,
  type UserStatus,
} from '@manabi/core';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TenantDb } from './db.js';
import { queryAll, writeAtomically } from './transact.js';
import { searchIndexWrites } from './user-search.js';
import { keys } from './keys.js';
import { seatClaim } from './plans.js';
import type { TransactItem } from './transact.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { ConflictError, NotFoundError, cancelledIndexes, isConditionFailure } from './errors.js';

/** The stored user: the public fields plus what never leaves the server. */
export interface UserRecord extends User {
  passwordHash: string | null;
  version: number;
  /**
   * Bumped whenever the person's role changes or they are deactivated; access tokens carry the
   * value they were issued with, so an older token is refused at once (absent: 0, never changed).
   */
  accessGen?: number;
}

export interface NewUser {
  id: string;
  name: string;
  furigana?: string | null;
  email: string;
  role: Role;
  departmentId: string | null;
  level: Level | null;
  hireDate: string | null;
  jobRole?: string | null;
  locale: Locale;
  status: UserStatus;
  emailVerified: boolean;
  passwordHash: string | null;
}

const sortName = (name: string): string => foldForSearch(name).slice(0, 200);

/** The full item for a user, with every index attribute derived from the fields (one place). */
export function userItem(tenantId: string, user: Omit<UserRecord, 'tenantId'>): Record<string, unknown> {
  const sn = sortName(user.name);
  return {
    ...keys.user(tenantId, user.id),
    ...keys.usersByName(tenantId, sn, user.id),
    ...(user.departmentId ? keys.usersByDepartment(tenantId, user.departmentId, sn, user.id) : {}),
    ...(user.level ? keys.usersByLevel(tenantId, user.level, sn, user.id) : {}),
    entity: 'user',
    ...user,
    tenantId,
    search: searchText(user),
  };
}

export function loginItem(email: string, tenantId: string, userId: string): Record<string, unknown> {
  return { ...keys.login(email), entity: 'login', email, tenantId, userId };
}

export function toUserRecord(item: Record<string, unknown>): UserRecord {
  return {
    id: item.id as string,
    tenantId: item.tenantId as string,
    name: item.name as string,
    furigana: (item.furigana as string | null) ?? null,
    email: item.email as string,
    role: item.role as Role,
    departmentId: (item.departmentId as string | null) ?? null,
    level: (item.level as Level | null) ?? null,
    hireDate: (item.hireDate as string | null) ?? null,
    jobRole: (item.jobRole as string | null) ?? null,
    status: item.status as UserStatus,
    locale: (item.locale as Locale) ?? 'ja',
    emailVerified: Boolean(item.emailVerified),
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
    passwordHash: (item.passwordHash as string | null) ?? null,
    version: (item.version as number) ?? 1,
    accessGen: (item.accessGen as number | undefined) ?? 0,
  };
}

export function publicUser(record: UserRecord): User {
  const { passwordHash: _hash, version: _version, accessGen: _gen, ...user } = record;
  return user;
}

/**
 * Transaction items that create a user, claim their email (the claim fails on a duplicate) and
 * write their search index entry. Batched imports pass `single: false`: they check departments
 * once up front and write the index entries of the whole batch together (a transaction may touch
 * an item only once, and several people of a batch may share a shard).
 */
export function createUserItems(db: TenantDb, user: NewUser, now: string, single = true): TransactItem[] {
  const record = { ...user, furigana: user.furigana ?? null, jobRole: user.jobRole ?? null, createdAt: now, updatedAt: now, version: 1 };
  const items: TransactItem[] = [
    { Put: { TableName: db.table, Item: userItem(db.tenantId, record), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: db.table, Item: loginItem(user.email, db.tenantId, user.id), ConditionExpression: 'attribute_not_exists(pk)' } },
  ];
  if (user.departmentId && single) items.push(departmentExists(db, user.departmentId));
  if (single) items.push(...searchIndexWrites(db, [{ ...user, furigana: user.furigana ?? null }]));
  return items;
}

function departmentExists(db: TenantDb, departmentId: string): TransactItem {
  return {
    ConditionCheck: { TableName: db.table, Key: keys.department(db.tenantId, departmentId), ConditionExpression: 'attribute_exists(pk)' },
  };
}

/** Creates a user (plus any extra items, e.g. an invitation) atomically; a taken email is a conflict. */
export async function createUser(db: TenantDb, user: NewUser, now: string, extra: TransactItem[] = []): Promise<UserRecord> {
  // The person takes a seat of the company's plan in the same transaction (refused when none is free).
  const items = [...createUserItems(db, user, now), ...extra, seatClaim(db, user.status === 'deactivated' ? 0 : 1)];
  try {
    await writeAtomically(db, items);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const failed = cancelledIndexes(error);
    if (failed.includes(items.length - 1)) throw new ConflictError('seat_limit_reached', 'Every seat of the company’s plan is taken');
    if (failed.includes(1)) throw new ConflictError('email_taken', 'This email address is already in use', 'email');
    if (failed.includes(2) && user.departmentId) throw new NotFoundError('department');
    throw new ConflictError('conflict', 'The user could not be created');
  }
  return {
    ...user,
    furigana: user.furigana ?? null,
    jobRole: user.jobRole ?? null,
    tenantId: db.tenantId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

export async function getUser(db: TenantDb, userId: string): Promise<UserRecord | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.user(db.tenantId, userId) }));
  return out.Item ? toUserRecord(out.Item) : null;
}

export interface UserChanges {
  name?: string;
  furigana?: string | null;
  email?: string;
  role?: Role;
  departmentId?: string | null;
  level?: Level | null;
  hireDate?: string | null;
  jobRole?: string | null;
  locale?: Locale;
  status?: UserStatus;
  emailVerified?: boolean;
  passwordHash?: string | null;
}

/**
 * Applies changes with optimistic locking on `version`: the item is rewritten whole so that
 * every index attribute follows the fields. An email change moves the sign-in claim atomically.
 */
export async function updateUser(
  db: TenantDb,
  current: UserRecord,
  changes: UserChanges,
  now: string,
  extra: TransactItem[] = [],
): Promise<UserRecord> {
  const next: UserRecord = { ...current, ...changes, updatedAt: now, version: current.version + 1 };
  // A new role, or a deactivation, voids the tokens issued before it (the auth middleware compares).
  // Activation needs no bump: an invited person holds no token, and a deactivation already voided the old ones.
  const deactivated = next.status === 'deactivated' && current.status !== 'deactivated';
  if (next.role !== current.role || deactivated) next.accessGen = (current.accessGen ?? 0) + 1;
  const { tenantId: _t, ...rest } = next;
  const items: TransactItem[] = [
    {
      Put: {
        TableName: db.table,
        Item: userItem(db.tenantId, rest),
        ConditionExpression: 'attribute_exists(pk) AND version = :v',
        ExpressionAttributeValues: { ':v': current.version },
      },
    },
  ];
  const emailChanged = next.email !== current.email;
  if (emailChanged) {
    items.push({
      Put: { TableName: db.table, Item: loginItem(next.email, db.tenantId, next.id), ConditionExpression: 'attribute_not_exists(pk)' },
    });
    items.push({
      Delete: {
        TableName: db.table,
        Key: keys.login(current.email),
        ConditionExpression: 'userId = :u AND tenantId = :t',
        ExpressionAttributeValues: { ':u': current.id, ':t': db.tenantId },
      },
    });
  }
  const departmentChecked = next.departmentId && next.departmentId !== current.departmentId;
  if (departmentChecked) items.push(departmentExists(db, next.departmentId!));
  // The search entry follows the person in the same transaction, only when a field it holds changed.
  if (encodeSearchEntry(searchEntryOf(next)) !== encodeSearchEntry(searchEntryOf(current))) items.push(...searchIndexWrites(db, [next]));
  items.push(...extra);
  // Deactivating frees a seat; coming back takes one (refused when none is free).
  const seats = (next.status === 'deactivated' ? 0 : 1) - (current.status === 'deactivated' ? 0 : 1);
  if (seats !== 0) items.push(seatClaim(db, seats));
  try {
    if (items.length === 1) {
      await db.doc.send(new PutCommand(items[0]!.Put!));
    } else {
      await writeAtomically(db, items);
    }
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const failed = (error as { name?: string }).name === 'ConditionalCheckFailedException' ? [0] : cancelledIndexes(error);
    if (failed.includes(0)) throw new ConflictError('stale', 'The user was changed by someone else; reload and try again');
    if (seats > 0 && failed.includes(items.length - 1))
      throw new ConflictError('seat_limit_reached', 'Every seat of the company’s plan is taken');
    if (emailChanged && failed.includes(1)) throw new ConflictError('email_taken', 'This email address is already in use', 'email');
    if (departmentChecked && failed.includes(emailChanged ? 3 : 1)) throw new NotFoundError('department');
    throw new ConflictError('conflict', 'The user could not be updated');
  }
  return next;
}

export interface UserListQuery {
  q?: string;
  departmentId?: string;
  level?: Level;
  status?: UserStatus;
  role?: Role;
  limit: number;
  cursor?: string;
}

/**
 * One page of a tenant's users, ordered by name. Picks the index that narrows most (department,
 * then level, then all users) and filters the rest; reads stop once the page is full, so a page
 * never holds more than `limit` users and the cursor resumes exactly after the last one read.
 */
export async function listUsers(db: TenantDb, query: UserListQuery): Promise<{ items: UserRecord[]; nextCursor: string | null }> {
  let index: { name: string; partitionAttr: string; partition: string };
  if (query.departmentId) {
    index = { name: 'gsi2', partitionAttr: 'gsi2pk', partition: keys.usersByDepartment(db.tenantId, query.departmentId).gsi2pk };
  } else if (query.level) {
    index = { name: 'gsi3', partitionAttr: 'gsi3pk', partition: keys.usersByLevel(db.tenantId, query.level).gsi3pk };
  } else {
    index = { name: 'gsi1', partitionAttr: 'gsi1pk', partition: keys.usersByName(db.tenantId).gsi1pk };
  }
  const filters: string[] = [];
  const values: Record<string, unknown> = { ':p': index.partition };
  const names: Record<string, string> = {};
  if (query.q) {
    filters.push('contains(#search, :q)');
    names['#search'] = 'search';
    values[':q'] = foldForSearch(query.q);
  }
  if (query.level && index.name !== 'gsi3') {
    filters.push('#level = :level');
    names['#level'] = 'level';
    values[':level'] = query.level;
  }
  if (query.status) {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.role) {
    filters.push('#role = :role');
    names['#role'] = 'role';
    values[':role'] = query.role;
  }
  let startKey = decodeCursor(query.cursor, { [index.partitionAttr]: index.partition }, db.tenantId);
  const items: UserRecord[] = [];
  // Bound the work a heavily filtered page may do; the cursor lets the client continue.
  for (let reads = 0; reads < 20 && items.length < query.limit; reads++) {
    const input: QueryCommandInput = {
      TableName: db.table,
      IndexName: index.name,
      KeyConditionExpression: `${index.partitionAttr} = :p`,
      ExpressionAttributeValues: values,
      Limit: query.limit - items.length,
      ExclusiveStartKey: startKey,
    };
    if (filters.length > 0) {
      input.FilterExpression = filters.join(' AND ');
      input.ExpressionAttributeNames = names;
    }
    const out = await db.doc.send(new QueryCommand(input));
    for (const item of out.Items ?? []) items.push(toUserRecord(item));
    startKey = out.LastEvaluatedKey as typeof startKey;
    if (!startKey) break;
  }
  return { items, nextCursor: encodeCursor(startKey) };
}

/** Every user of a tenant (for imports): pages through the by-name index. */
export async function listAllUsers(db: TenantDb): Promise<UserRecord[]> {
  const all: UserRecord[] = (
    await queryAll(db, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.usersByName(db.tenantId).gsi1pk },
    })
  ).map((item) => toUserRecord(item));
  return all;
}

/** Users by id, in the order asked (at most 100 per BatchGetItem; unprocessed keys are asked again). */
export async function getUsersByIds(db: TenantDb, ids: string[]): Promise<UserRecord[]> {
  const found = new Map<string, UserRecord>();
  for (let i = 0; i < ids.length; i += 100) {
    let keysLeft: Record<string, unknown>[] = ids.slice(i, i + 100).map((id) => keys.user(db.tenantId, id));
    for (let attempt = 0; keysLeft.length > 0 && attempt < 8; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(500, 20 * 2 ** attempt)));
      const out = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.table]: { Keys: keysLeft, ConsistentRead: true } } }));
      for (const item of out.Responses?.[db.table] ?? []) found.set(item.id as string, toUserRecord(item));
      keysLeft = (out.UnprocessedKeys?.[db.table]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
  }
  return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
}

export async function countUsersInDepartment(db: TenantDb, departmentId: string): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': keys.usersByDepartment(db.tenantId, departmentId).gsi2pk },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return count;
}
