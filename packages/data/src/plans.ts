import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb, TenantDb } from './db.js';
import { keys, type ItemKey } from './keys.js';
import { ConflictError, isConditionFailure } from './errors.js';
import { queryAll, type TransactItem } from './transact.js';

/** What a vendor sells a company: seats and features. */
export interface TenantPlan {
  /** null: unlimited. */
  seatLimit: number | null;
  features: { adaptive: boolean; reportsExport: boolean };
  /** The catalog packages the company may use (null: the whole catalog). */
  catalogPackageIds: string[] | null;
}

export const DEFAULT_PLAN: TenantPlan = { seatLimit: null, features: { adaptive: true, reportsExport: true }, catalogPackageIds: null };

/** A company's own touches on its vendor's brand (each null: the vendor's). */
export interface TenantBrand {
  productName: string | null;
  primaryColor: string | null;
  logoKey: string | null;
}

export interface TenantAccount {
  id: string;
  name: string;
  vendorId: string | null;
  kind: 'client' | 'vendor_home' | 'platform_home';
  status: 'active' | 'suspended';
  plan: TenantPlan;
  /** Active and invited people (deactivated people free their seat). */
  seatsUsed: number;
  createdAt: string;
  brand: TenantBrand | null;
}

const toAccount = (i: Record<string, unknown>): TenantAccount => ({
  id: i.id as string,
  name: i.name as string,
  vendorId: (i.vendorId as string | null) ?? null,
  kind: (i.kind as TenantAccount['kind']) ?? 'client',
  status: (i.status as TenantAccount['status']) ?? 'active',
  plan: { ...DEFAULT_PLAN, ...((i.plan as TenantPlan | undefined) ?? {}) },
  seatsUsed: (i.seatsUsed as number) ?? 0,
  createdAt: i.createdAt as string,
  brand: (i.brand as TenantBrand | null) ?? null,
});

export async function getTenantAccount(db: PlatformDb, tenantId: string): Promise<TenantAccount | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.tenant(tenantId), ConsistentRead: true }));
  return out.Item ? toAccount(out.Item) : null;
}

/** A vendor's client companies (one Query on the vendor's index partition). */
export async function listTenantsOfVendor(db: PlatformDb, vendorId: string): Promise<TenantAccount[]> {
  return (
    await queryAll(db, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': keys.tenantsOfVendor(vendorId).gsi2pk },
    })
  ).map(toAccount);
}

/**
 * Claims `n` seats (negative: frees them) in the same transaction as the users it is for. The
 * tenant item keeps `seatsFree` only when the plan has a limit; the condition refuses a claim that
 * would go below zero, so concurrent creations and imports cannot exceed the plan.
 */
export function seatClaim(db: TenantDb, n: number): TransactItem {
  return {
    Update: {
      TableName: db.table,
      Key: keys.tenant(db.tenantId),
      UpdateExpression: 'ADD seatsUsed :n, seatsFree :minus',
      ConditionExpression: n > 0 ? 'attribute_exists(pk) AND (attribute_not_exists(seatLimit) OR seatsFree >= :n)' : 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':n': n, ':minus': -n },
    },
  };
}

/** Seats still free (null: unlimited). */
export async function freeSeats(db: TenantDb): Promise<number | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.tenant(db.tenantId), ConsistentRead: true }));
  return typeof out.Item?.seatLimit === 'number' ? ((out.Item.seatsFree as number) ?? 0) : null;
}

/** Sets a plan. Lowering the limit below the seats in use is refused (`seat_limit_below_usage`). */
export async function setTenantPlan(db: PlatformDb, tenantId: string, plan: TenantPlan): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await getTenantAccount(db, tenantId);
    if (!current) return;
    if (plan.seatLimit !== null && plan.seatLimit < current.seatsUsed)
      throw new ConflictError('seat_limit_below_usage', `${current.seatsUsed} seats are in use`, 'plan.seatLimit');
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.tenant(tenantId),
          UpdateExpression:
            plan.seatLimit === null
              ? 'SET #plan = :plan REMOVE seatLimit, seatsFree'
              : 'SET #plan = :plan, seatLimit = :limit, seatsFree = :free',
          ConditionExpression: 'attribute_exists(pk) AND (seatsUsed = :used OR (attribute_not_exists(seatsUsed) AND :used = :zero))',
          ExpressionAttributeNames: { '#plan': 'plan' },
          ExpressionAttributeValues: {
            ':plan': plan,
            ':used': current.seatsUsed,
            ':zero': 0,
            ...(plan.seatLimit === null ? {} : { ':limit': plan.seatLimit, ':free': plan.seatLimit - current.seatsUsed }),
          },
        }),
      );
      return;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Someone joined or left in between: read the count again.
    }
  }
  throw new ConflictError('conflict', 'The plan could not be changed; try again');
}

export async function setTenantBrand(db: PlatformDb, tenantId: string, brand: TenantBrand): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: keys.tenant(tenantId),
      UpdateExpression: 'SET brand = :b',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':b': brand },
    }),
  );
}

export async function setTenantStatus(db: PlatformDb, tenantId: string, status: 'active' | 'suspended'): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: keys.tenant(tenantId),
      UpdateExpression: 'SET #s = :s',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': status },
    }),
  );
}

/**
 * Whether a signed-in person may act now: their company and its vendor are active. One BatchGet
 * of two small items per request, so a suspension takes effect on the next request, whatever
 * tokens are out there.
 */
export async function accountStatus(
  db: PlatformDb,
  tenantId: string,
  vendorId: string | null,
): Promise<'active' | 'suspended' | 'missing'> {
  const wanted = [keys.tenant(tenantId), ...(vendorId ? [keys.vendor(vendorId)] : [])];
  const out = await db.doc.send(
    new BatchGetCommand({
      RequestItems: { [db.table]: { Keys: wanted, ProjectionExpression: 'pk, #s', ExpressionAttributeNames: { '#s': 'status' } } },
    }),
  );
  const items = out.Responses?.[db.table] ?? [];
  const tenant = items.find((i) => i.pk === wanted[0]!.pk);
  if (!tenant) return 'missing';
  return items.some((i) => i.status === 'suspended') ? 'suspended' : 'active';
}

/** What the auth middleware needs to know about a token's company, vendor and person right now. */
export interface AccessState {
  account: 'active' | 'suspended' | 'missing';
  /** The person's status and access generation (null: no such person is stored). */
  person: { status: string; accessGen: number } | null;
}

/**
 * The company, its vendor and the person in one BatchGet of three small items (the request's
 * only read besides its own work; the caller caches it briefly per process).
 */
export async function accessState(db: PlatformDb, tenantId: string, vendorId: string | null, userId: string): Promise<AccessState> {
  return (await accessStateWith(db, { tenantId, vendorId, userId }, null)).state;
}

/** Whose access a request checks: from the verified token. */
export interface AccessSubject {
  tenantId: string;
  vendorId: string | null;
  userId: string;
}

/**
 * The access state read together with one more item, the request's own first read, in the same
 * BatchGetItem: a hot path pays one DynamoDB call for both (the answer path: its attempt). With an
 * item the whole batch is read strongly consistent, as that item's own read would be, so the
 * access state is current too. Without one it reads only the three small items, eventually
 * consistent.
 */
export async function accessStateWith(
  db: PlatformDb,
  who: AccessSubject,
  also: ItemKey | null,
): Promise<{ state: AccessState; item: Record<string, unknown> | null }> {
  const tenantKey = keys.tenant(who.tenantId);
  const userKey = keys.user(who.tenantId, who.userId);
  const vendorKey = who.vendorId ? keys.vendor(who.vendorId) : null;
  let wanted: ItemKey[] = [tenantKey, userKey, ...(vendorKey ? [vendorKey] : []), ...(also ? [also] : [])];
  const items: Record<string, unknown>[] = [];
  // Unprocessed keys (throttling) are asked again; with three or four items this is rare.
  for (let round = 0; wanted.length > 0; round++) {
    if (round >= 5) throw new Error('accessState: keys left unprocessed');
    const out = await db.doc.send(
      new BatchGetCommand({
        RequestItems: {
          // The extra item is read whole (one projection applies to the batch); the three access
          // items alone need only their status and generation.
          [db.table]: also
            ? { Keys: wanted, ConsistentRead: true }
            : { Keys: wanted, ProjectionExpression: 'pk, sk, #s, accessGen', ExpressionAttributeNames: { '#s': 'status' } },
        },
      }),
    );
    items.push(...(out.Responses?.[db.table] ?? []));
    wanted = (out.UnprocessedKeys?.[db.table]?.Keys as ItemKey[] | undefined) ?? [];
  }
  const find = (key: ItemKey) => items.find((i) => i.pk === key.pk && i.sk === key.sk);
  const tenant = find(tenantKey);
  const person = find(userKey);
  const vendor = vendorKey ? find(vendorKey) : undefined;
  const account = !tenant ? 'missing' : tenant.status === 'suspended' || vendor?.status === 'suspended' ? 'suspended' : 'active';
  return {
    state: {
      account,
      person: person ? { status: person.status as string, accessGen: (person.accessGen as number | undefined) ?? 0 } : null,
    },
    item: also ? (find(also) ?? null) : null,
  };
}
