import { createHash, randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb } from './db.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';
import { TTL_ATTRIBUTE } from './table.js';
import { isConditionFailure } from './errors.js';

export type TokenKind = 'verify_email' | 'invitation' | 'password_reset' | 'mfa_challenge' | 'sso_handoff';

export interface OneTimeToken {
  kind: TokenKind;
  tenantId: string;
  userId: string;
  expiresAt: string;
}

/** Only the hash of a token is stored: a leaked table does not leak usable links. */
export const hashToken = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** A new secret and the transaction item that stores it. */
export function newOneTimeToken(db: PlatformDb, token: OneTimeToken): { secret: string; item: TransactItem } {
  const secret = randomBytes(32).toString('base64url');
  return {
    secret,
    item: {
      Put: {
        TableName: db.table,
        Item: {
          ...keys.oneTimeToken(hashToken(secret)),
          entity: 'token',
          ...token,
          [TTL_ATTRIBUTE]: Math.floor(Date.parse(token.expiresAt) / 1000),
        },
      },
    },
  };
}

/** Reads a token without using it (e.g. to show whose invitation it is). Expired counts as absent. */
export async function peekToken(db: PlatformDb, secret: string, kind: TokenKind, now: Date): Promise<OneTimeToken | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.oneTimeToken(hashToken(secret)) }));
  const item = out.Item;
  if (!item || item.kind !== kind || Date.parse(item.expiresAt as string) <= now.getTime()) return null;
  return { kind, tenantId: item.tenantId as string, userId: item.userId as string, expiresAt: item.expiresAt as string };
}

/** The transaction item that uses up a token: it fails if the token was already used. */
export function consumeTokenItem(db: PlatformDb, secret: string): TransactItem {
  return { Delete: { TableName: db.table, Key: keys.oneTimeToken(hashToken(secret)), ConditionExpression: 'attribute_exists(pk)' } };
}

/** Uses a token up on its own; false if it was already used. */
export async function consumeToken(db: PlatformDb, secret: string): Promise<boolean> {
  try {
    await db.doc.send(new DeleteCommand(consumeTokenItem(db, secret).Delete!));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Counts one attempt against a token (an MFA challenge allows a few codes): true while attempts
 * remain, false once `max` were used (one conditional write, so racing attempts cannot exceed it).
 */
export async function countTokenAttempt(db: PlatformDb, secret: string, max: number): Promise<boolean> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.oneTimeToken(hashToken(secret)),
        UpdateExpression: 'ADD attempts :one',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(attempts) OR attempts < :max)',
        ExpressionAttributeValues: { ':one': 1, ':max': max },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
