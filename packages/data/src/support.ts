import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomId } from '@manabi/core';
import type { TenantDb } from './db.js';
import { keys } from './keys.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { TTL_ATTRIBUTE } from './table.js';
import type { TransactItem } from './transact.js';

/** A company's time-limited permission for its vendor to see its people and their results. */
export interface SupportGrant {
  grantedAt: string;
  expiresAt: string;
  grantedBy: { id: string; name: string };
}

export async function getSupportGrant(db: TenantDb): Promise<SupportGrant | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.supportGrant(db.tenantId), ConsistentRead: true }));
  if (!out.Item) return null;
  return { grantedAt: out.Item.grantedAt, expiresAt: out.Item.expiresAt, grantedBy: out.Item.grantedBy };
}

/** The grant if it is in force at `now` (an expired grant is no grant, even before TTL removes it). */
export async function activeSupportGrant(db: TenantDb, now: Date): Promise<SupportGrant | null> {
  const grant = await getSupportGrant(db);
  return grant && Date.parse(grant.expiresAt) > now.getTime() ? grant : null;
}

export function supportGrantItem(db: TenantDb, grant: SupportGrant): TransactItem {
  return {
    Put: {
      TableName: db.table,
      Item: {
        ...keys.supportGrant(db.tenantId),
        entity: 'supportGrant',
        ...grant,
        [TTL_ATTRIBUTE]: Math.floor(Date.parse(grant.expiresAt) / 1000) + 86400,
      },
    },
  };
}

export function revokeSupportGrantItem(db: TenantDb): TransactItem {
  return { Delete: { TableName: db.table, Key: keys.supportGrant(db.tenantId) } };
}

/** Who did something the company should be able to see later. */
export interface AuditActor {
  /** `system`: no signed-in person acted (e.g. a refused SSO sign-in, whose claimed identity is in the detail). */
  kind: 'user' | 'vendor' | 'system';
  id: string;
  name: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: AuditActor;
  action: string;
  detail: Record<string, string | number | null>;
}

/** Audit entries are kept for two years. */
const AUDIT_DAYS = 730;

export function auditItem(db: TenantDb, entry: Omit<AuditEntry, 'id'>): TransactItem {
  const id = randomId();
  return {
    Put: {
      TableName: db.table,
      Item: {
        ...keys.auditEntry(db.tenantId, entry.at, id),
        entity: 'audit',
        id,
        ...entry,
        [TTL_ATTRIBUTE]: Math.floor(Date.parse(entry.at) / 1000) + AUDIT_DAYS * 86400,
      },
    },
  };
}

/** Records an entry on its own (when there is no other write to join). */
export async function recordAudit(db: TenantDb, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  const put = auditItem(db, entry).Put!;
  await db.doc.send(new PutCommand({ TableName: put.TableName, Item: put.Item }));
}

/** The company's audit log, newest first, a page at a time. */
export async function listAuditLog(
  db: TenantDb,
  opts: { cursor?: string | null; limit?: number } = {},
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const pk = keys.auditLog(db.tenantId).pk;
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': pk },
      ScanIndexForward: false,
      Limit: opts.limit ?? 50,
      ExclusiveStartKey: decodeCursor(opts.cursor, { pk }, db.tenantId),
    }),
  );
  return {
    items: (out.Items ?? []).map((i) => ({ id: i.id, at: i.at, actor: i.actor, action: i.action, detail: i.detail ?? {} })),
    nextCursor: encodeCursor(out.LastEvaluatedKey),
  };
}
