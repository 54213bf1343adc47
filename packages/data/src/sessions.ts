import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantDb } from './db.js';
import { keys } from './keys.js';
import { TTL_ATTRIBUTE } from './table.js';
import { isConditionFailure } from './errors.js';

/**
 * A sign-in session backs the refresh token. Each refresh moves `generation` on by one; a refresh
 * token of an older generation means the token was replayed, and the session is revoked.
 */
export interface Session {
  id: string;
  userId: string;
  generation: number;
  revoked: boolean;
  expiresAt: string;
}

export async function createSession(db: TenantDb, session: Omit<Session, 'generation' | 'revoked'>, now: string): Promise<Session> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: {
        ...keys.session(db.tenantId, session.id),
        entity: 'session',
        ...session,
        generation: 1,
        revoked: false,
        createdAt: now,
        [TTL_ATTRIBUTE]: Math.floor(Date.parse(session.expiresAt) / 1000),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return { ...session, generation: 1, revoked: false };
}

export async function getSession(db: TenantDb, sessionId: string): Promise<Session | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.session(db.tenantId, sessionId) }));
  const i = out.Item;
  if (!i) return null;
  return {
    id: i.id as string,
    userId: i.userId as string,
    generation: i.generation as number,
    revoked: Boolean(i.revoked),
    expiresAt: i.expiresAt as string,
  };
}

export type RotateResult = { ok: true; generation: number; createdAt: string } | { ok: false; reason: 'replayed' | 'revoked' | 'missing' };

/** Moves the session to the next generation if `generation` is current (one conditional write), stamped `now`. */
export async function rotateSession(db: TenantDb, sessionId: string, generation: number, now: string): Promise<RotateResult> {
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.session(db.tenantId, sessionId),
        // The session's start comes back with the write: a password reset voids the sessions begun before it.
        ReturnValues: 'ALL_NEW',
        // usedAt dates the person's activity by the app's clock (the stream's own time is not it).
        UpdateExpression: 'SET generation = :next, usedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND generation = :g AND revoked = :f',
        ExpressionAttributeValues: { ':g': generation, ':next': generation + 1, ':f': false, ':now': now },
      }),
    );
    return { ok: true, generation: generation + 1, createdAt: (out.Attributes?.createdAt as string | undefined) ?? '' };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const current = await getSession(db, sessionId);
    if (!current) return { ok: false, reason: 'missing' };
    if (current.revoked) return { ok: false, reason: 'revoked' };
    await revokeSession(db, sessionId);
    return { ok: false, reason: 'replayed' };
  }
}

export async function revokeSession(db: TenantDb, sessionId: string): Promise<void> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.session(db.tenantId, sessionId),
        UpdateExpression: 'SET revoked = :t',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':t': true },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
