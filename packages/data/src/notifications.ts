import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomId } from '@manabi/core';
import type { TenantDb } from './db.js';
import { keys } from './keys.js';
import { TTL_ATTRIBUTE } from './table.js';
import { queryAll, writeAtomically, writeOnce, type TransactItem } from './transact.js';

type Text = { ja: string; en: string };

// ── Preferences ────────────────────────────────────────────────────────────────────────────

/** A person's email choices, kind → delivery, as stored (kinds never chosen are absent). */
export async function getNotificationPreferences(db: TenantDb, userId: string): Promise<Record<string, string>> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.notificationPreferences(db.tenantId, userId), ConsistentRead: true }),
  );
  return (out.Item?.email as Record<string, string> | undefined) ?? {};
}

/** Replaces a person's choices (the route has validated kinds and deliveries). */
export async function putNotificationPreferences(db: TenantDb, userId: string, email: Record<string, string>, now: string): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.notificationPreferences(db.tenantId, userId), entity: 'notificationPreferences', userId, email, updatedAt: now },
    }),
  );
}

// ── Delivery, once per event and person ────────────────────────────────────────────────────

/** Whether this event was already delivered to this person (a cheap check before building a delivery). */
export async function wasNotified(db: TenantDb, eventKey: string, userId: string): Promise<boolean> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.notificationSent(db.tenantId, eventKey, userId), ConsistentRead: true }),
  );
  return out.Item !== undefined;
}

/**
 * Delivers one event to one person exactly once: the claim on (event, person), the inbox message
 * and the email or digest item are one transaction, so a retried request or a redelivered event
 * finds the claim and writes nothing. Returns whether this call delivered it.
 */
export async function deliverOnce(db: TenantDb, eventKey: string, userId: string, items: TransactItem[], now: string): Promise<boolean> {
  const claim = { ...keys.notificationSent(db.tenantId, eventKey, userId), entity: 'notificationSent', key: eventKey, userId, sentAt: now };
  return writeOnce(db, claim, items);
}

// ── The daily digest ───────────────────────────────────────────────────────────────────────

/** Pending digest items older than this are dropped by TTL (a person who never got them, e.g. deactivated). */
const DIGEST_RETENTION_DAYS = 35;

export interface PendingDigestItem {
  id: string;
  userId: string;
  /** The day (Japan time) the event happened. */
  day: string;
  kind: string;
  title: Text;
  body: Text;
  link: string | null;
  createdAt: string;
}

export function digestPendingItem(db: TenantDb, entry: Omit<PendingDigestItem, 'id'>): TransactItem {
  const id = randomId();
  return {
    Put: {
      TableName: db.table,
      Item: {
        ...keys.digestItem(db.tenantId, entry.userId, entry.day, entry.createdAt, id),
        entity: 'digestItem',
        ...entry,
        id,
        [TTL_ATTRIBUTE]: Math.floor(Date.parse(entry.createdAt) / 1000) + DIGEST_RETENTION_DAYS * 86400,
      },
    },
  };
}

/** The company's undelivered digest items of `throughDay` and earlier, oldest day first (one Query on gsi1). */
export async function listPendingDigests(db: TenantDb, throughDay: string): Promise<PendingDigestItem[]> {
  const range = keys.digestsOfTenant(db.tenantId, throughDay);
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p AND gsi1sk < :below',
    ExpressionAttributeValues: { ':p': range.gsi1pk, ':below': range.below },
  });
  return items.map((i) => ({
    id: i.id as string,
    userId: i.userId as string,
    day: i.day as string,
    kind: i.kind as string,
    title: i.title as Text,
    body: i.body as Text,
    link: (i.link as string | null) ?? null,
    createdAt: i.createdAt as string,
  }));
}

const deleteOf = (db: TenantDb, p: PendingDigestItem): TransactItem => {
  const { pk, sk } = keys.digestItem(db.tenantId, p.userId, p.day, p.createdAt, p.id);
  return { Delete: { TableName: db.table, Key: { pk, sk } } };
};

/**
 * Sends a person's digest of `day` once: the claim on (digest, day, person), the email and the
 * removal of the items it lists are one transaction (the first 97 items; a longer list's remaining
 * removals follow, and a crash between them only lists those again the next day). A second run
 * the same day finds the claim and sends nothing; items that arrived since wait for the next day.
 */
export async function sendDigestOnce(
  db: TenantDb,
  userId: string,
  day: string,
  email: TransactItem,
  pending: readonly PendingDigestItem[],
  now: string,
): Promise<boolean> {
  const first = pending.slice(0, 97);
  if (!(await deliverOnce(db, `digest:${day}`, userId, [email, ...first.map((p) => deleteOf(db, p))], now))) return false;
  for (let i = 97; i < pending.length; i += 100)
    await writeAtomically(
      db,
      pending.slice(i, i + 100).map((p) => deleteOf(db, p)),
    );
  return true;
}
