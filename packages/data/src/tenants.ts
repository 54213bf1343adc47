import type { Locale, Tenant } from '@manabi/core';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb, TenantDb } from './db.js';
import { queryAll } from './transact.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';
import { DEFAULT_PLAN, type TenantAccount, type TenantPlan } from './plans.js';

/**
 * The tenant item. `seats` is the number of people created in the same transaction (the counter
 * starts there; a transaction may touch an item only once). A vendor's client company is also
 * listed under its vendor.
 */
export function tenantItem(
  db: TenantDb,
  tenant: Omit<Tenant, 'id'>,
  options: { seats?: number; plan?: TenantPlan; kind?: TenantAccount['kind'] } = {},
): TransactItem {
  const plan = options.plan ?? DEFAULT_PLAN;
  const seats = options.seats ?? 0;
  const kind = options.kind ?? 'client';
  return {
    Put: {
      TableName: db.table,
      Item: {
        ...keys.tenant(db.tenantId),
        ...keys.tenantRegistry(tenant.createdAt, db.tenantId),
        ...(tenant.vendorId && kind === 'client' ? keys.tenantsOfVendor(tenant.vendorId, tenant.createdAt, db.tenantId) : {}),
        entity: 'tenant',
        id: db.tenantId,
        ...tenant,
        kind,
        plan,
        seatsUsed: seats,
        ...(plan.seatLimit === null ? {} : { seatLimit: plan.seatLimit, seatsFree: plan.seatLimit - seats }),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function getTenant(db: TenantDb): Promise<Tenant | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.tenant(db.tenantId) }));
  if (!out.Item) return null;
  const i = out.Item;
  return {
    id: i.id as string,
    name: i.name as string,
    vendorId: (i.vendorId as string | null) ?? null,
    locale: (i.locale as Locale) ?? 'ja',
    status: (i.status as Tenant['status']) ?? 'active',
    createdAt: i.createdAt as string,
  };
}

/** Every tenant id (for scheduled jobs; pages through the platform registry index). */
export async function listTenantIds(db: PlatformDb): Promise<string[]> {
  const ids: string[] = (
    await queryAll(db, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.tenantRegistry().gsi1pk },
    })
  ).map((i) => i.id as string);
  return ids;
}
