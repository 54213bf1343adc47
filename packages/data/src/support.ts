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

/**
 * Who did something the company should be able to see later: a person of the company, its
 * provider (vendor), its identity provider through a SCIM token, or someone unknown (a failed
 * sign-in names the address tried, never more).
 */
export interface AuditActor {
  /** `system`: no signed-in person acted (e.g. a refused SSO sign-in, whose claimed identity is in the detail). */
  kind: 'user' | 'vendor' | 'scim' | 'anonymous' | 'system';
  id: string;
  name: string;
}

/** Whom an entry is about, when that is not the actor (the person deactivated, the token revoked). */
export interface AuditSubject {
  kind: 'user' | 'department' | 'scim_token';
  id: string;
  name: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: AuditActor;
  action: string;
  detail: Record<string, string | number | null>;
  subject?: AuditSubject;
  /** The caller's IP when the request came from outside (sign-ins, SCIM). */
  ip?: string;
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
        ...keys.auditByType(db.tenantId, entry.action, entry.at, id),
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

export interface AuditLogQuery {
  cursor?: string | null;
  limit?: number;
  /** Only entries of this type (read from the type's own index). */
  type?: string;
  /** ISO timestamps, both inclusive: `to` is completed to the end of its second/day by the caller. */
  from?: string;
  to?: string;
}

/** The company's audit log, newest first, a page at a time; optionally one type, and a time range. */
export async function listAuditLog(db: TenantDb, opts: AuditLogQuery = {}): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const byType = opts.type !== undefined;
  const partition: Record<string, string> = byType
    ? { gsi1pk: keys.auditByType(db.tenantId, opts.type!).gsi1pk }
    : { pk: keys.auditLog(db.tenantId).pk };
  const [pkName, skName] = byType ? ['gsi1pk', 'gsi1sk'] : ['pk', 'sk'];
  // Sort keys are `<ISO time>#<id>`: '0' sorts before every time and '~' after, so the range is inclusive.
  const low = opts.from ?? '0';
  const high = `${opts.to ?? '9999'}~`;
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      ...(byType ? { IndexName: 'gsi1' } : {}),
      KeyConditionExpression: '#p = :p AND #s BETWEEN :lo AND :hi',
      ExpressionAttributeNames: { '#p': pkName!, '#s': skName! },
      ExpressionAttributeValues: { ':p': Object.values(partition)[0], ':lo': low, ':hi': high },
      ScanIndexForward: false,
      Limit: opts.limit ?? 50,
      ExclusiveStartKey: decodeCursor(opts.cursor, partition, db.tenantId),
    }),
  );
  return {
    items: (out.Items ?? []).map((i) => ({
      id: i.id,
      at: i.at,
      actor: i.actor,
      action: i.action,
      detail: i.detail ?? {},
      ...(i.subject ? { subject: i.subject } : {}),
      ...(i.ip ? { ip: i.ip } : {}),
    })),
    nextCursor: encodeCursor(out.LastEvaluatedKey),
  };
}
