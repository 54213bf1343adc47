import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { normalizeEmail } from '@manabi/core';
import type { PlatformDb, TenantDb } from './db.js';
import { isConditionFailure } from './errors.js';
import { keys } from './keys.js';
import type { OutboxMessage } from './outbox.js';

/**
 * Delivery state of an outbox message, kept on the message item itself. `claimed` is written
 * with a condition that no state exists yet, so however often a message is handed to senders
 * (stream redelivery, two drains at once), one of them sends it.
 */
export type DeliveryState = 'claimed' | 'sent' | 'suppressed' | 'unknown';

const messageKey = (m: Pick<OutboxMessage, 'tenantId' | 'createdAt' | 'id'>) => {
  const { pk, sk } = keys.outboxMessage(m.tenantId, m.createdAt, m.id);
  return { pk, sk };
};

/** Claims a message for sending; false when another sender has it (or it is gone). */
export async function claimOutboxMessage(db: TenantDb, message: OutboxMessage, at: string): Promise<boolean> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: messageKey(message),
        UpdateExpression: 'SET deliveryState = :claimed, claimedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deliveryState)',
        ExpressionAttributeValues: { ':claimed': 'claimed', ':at': at },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Records how a claimed message ended (sent with SES's id, suppressed, or an outcome nobody knows). */
export async function settleOutboxMessage(
  db: TenantDb,
  message: OutboxMessage,
  state: Exclude<DeliveryState, 'claimed'>,
  at: string,
  providerMessageId?: string,
): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: messageKey(message),
      UpdateExpression: `SET deliveryState = :state, settledAt = :at${providerMessageId ? ', providerMessageId = :pid' : ''}`,
      ConditionExpression: 'deliveryState = :claimed',
      ExpressionAttributeValues: {
        ':state': state,
        ':at': at,
        ':claimed': 'claimed',
        ...(providerMessageId ? { ':pid': providerMessageId } : {}),
      },
    }),
  );
}

/** Gives a claim back when the provider certainly did not take the message, so a retry may send it. */
export async function releaseOutboxClaim(db: TenantDb, message: OutboxMessage): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: messageKey(message),
      UpdateExpression: 'REMOVE deliveryState, claimedAt',
      ConditionExpression: 'deliveryState = :claimed',
      ExpressionAttributeValues: { ':claimed': 'claimed' },
    }),
  );
}

/** A message's delivery state (tests and support). */
export async function deliveryStateOf(db: TenantDb, message: OutboxMessage): Promise<DeliveryState | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: messageKey(message), ConsistentRead: true }));
  return (out.Item?.deliveryState as DeliveryState | undefined) ?? null;
}

export type SuppressionReason = 'bounce' | 'complaint';

export interface Suppression {
  email: string;
  reason: SuppressionReason;
  at: string;
}

/** Adds an address to the suppression list (the latest report wins; it never expires by itself). */
export async function suppressEmail(db: PlatformDb, email: string, reason: SuppressionReason, at: string): Promise<void> {
  const normalized = normalizeEmail(email);
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.emailSuppression(normalized), entity: 'emailSuppression', email: normalized, reason, at },
    }),
  );
}

export async function getSuppression(db: PlatformDb, email: string): Promise<Suppression | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.emailSuppression(normalizeEmail(email)) }));
  return out.Item ? { email: out.Item.email as string, reason: out.Item.reason as SuppressionReason, at: out.Item.at as string } : null;
}
