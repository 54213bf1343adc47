import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb } from './db.js';
import { keys } from './keys.js';

export interface Vendor {
  id: string;
  name: string;
  status: 'active' | 'suspended';
  createdAt: string;
}

export async function putVendor(db: PlatformDb, vendor: Vendor): Promise<void> {
  await db.doc.send(new PutCommand({ TableName: db.table, Item: { ...keys.vendor(vendor.id), entity: 'vendor', ...vendor } }));
}

export async function getVendor(db: PlatformDb, id: string): Promise<Vendor | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.vendor(id) }));
  const i = out.Item;
  return i ? { id: i.id as string, name: i.name as string, status: i.status as Vendor['status'], createdAt: i.createdAt as string } : null;
}

/** Whether the demo seed has completed (a second start keeps the data and seeds nothing). */
export async function isSeeded(db: PlatformDb): Promise<boolean> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.seedMarker(), ConsistentRead: true }));
  return Boolean(out.Item);
}

/** Marks the seed done, once it has written everything. */
export async function markSeeded(db: PlatformDb, now: string): Promise<void> {
  await db.doc.send(new PutCommand({ TableName: db.table, Item: { ...keys.seedMarker(), seededAt: now } }));
}
