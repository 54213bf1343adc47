import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomId } from '@manabi/core';
import type { PlatformDb, TenantDb } from './db.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';
import { TTL_ATTRIBUTE } from './table.js';

/** An email the product wants sent. Locally it stays in the outbox; in the cloud a sender drains it. */
export interface OutboxMessage {
  id: string;
  tenantId: string;
  to: string;
  /** The sender's display name: the brand the company's people know (a vendor's, or the product's). */
  fromName: string;
  subject: string;
  body: string;
  link: string | null;
  kind: string;
  createdAt: string;
}

const RETENTION_DAYS = 30;

export function outboxItem(db: TenantDb, message: Omit<OutboxMessage, 'id' | 'tenantId'>): { message: OutboxMessage; item: TransactItem } {
  const id = randomId();
  const full: OutboxMessage = { ...message, id, tenantId: db.tenantId };
  return {
    message: full,
    item: {
      Put: {
        TableName: db.table,
        Item: {
          ...keys.outboxMessage(db.tenantId, message.createdAt, id),
          entity: 'outbox',
          ...full,
          [TTL_ATTRIBUTE]: Math.floor(Date.parse(message.createdAt) / 1000) + RETENTION_DAYS * 86400,
        },
      },
    },
  };
}

/** A company's queued emails, newest first (one Query on its outbox partition; tests and support). */
export async function listOutboxOfTenant(db: TenantDb, limit = 100): Promise<OutboxMessage[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.outboxOfTenant(db.tenantId).pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(toOutboxMessage);
}

/** An outbox message from its item (a read, or a stream record's image). */
export const toOutboxMessage = (i: Record<string, unknown>): OutboxMessage => ({
  id: i.id as string,
  tenantId: i.tenantId as string,
  to: i.to as string,
  fromName: (i.fromName as string) ?? '',
  subject: i.subject as string,
  body: i.body as string,
  link: (i.link as string | null) ?? null,
  kind: i.kind as string,
  createdAt: i.createdAt as string,
});

/** Newest messages across tenants — for the local developer outbox page only. */
export async function listOutbox(db: PlatformDb, limit = 50): Promise<OutboxMessage[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.outboxAll().gsi1pk },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(toOutboxMessage);
}
