import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantDb } from './db.js';
import { keys } from './keys.js';
import { isConditionFailure } from './errors.js';

/** A person's current skill standing as the gap heatmap counts it (see @manabi/reports StandingImage). */
export interface StoredStanding {
  userId: string;
  departmentId: string | null;
  level: string | null;
  skills: { skill: string; required: number | null; current: number | null }[];
}

export async function getStanding(db: TenantDb, userId: string): Promise<(StoredStanding & { rev: number }) | null> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.skillStanding(db.tenantId, userId), ConsistentRead: true }),
  );
  if (!out.Item) return null;
  const i = out.Item;
  return {
    userId: i.userId as string,
    departmentId: (i.departmentId as string | null) ?? null,
    level: (i.level as string | null) ?? null,
    skills: i.skills as StoredStanding['skills'],
    rev: i.rev as number,
  };
}

/**
 * Writes the standing if nobody wrote since `rev` was read (null: it must not exist yet). Each
 * write is one stream record, and records of one item arrive in order, so the aggregator's
 * old → new delta is exact. Returns false on a lost race (the caller reads again).
 */
export async function putStanding(db: TenantDb, standing: StoredStanding, rev: number | null, now: string): Promise<boolean> {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          ...keys.skillStanding(db.tenantId, standing.userId),
          entity: 'standing',
          tenantId: db.tenantId,
          ...standing,
          rev: (rev ?? 0) + 1,
          updatedAt: now,
        },
        ConditionExpression: rev === null ? 'attribute_not_exists(pk)' : 'rev = :r',
        ...(rev === null ? {} : { ExpressionAttributeValues: { ':r': rev } }),
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function deleteStanding(db: TenantDb, userId: string): Promise<void> {
  await db.doc.send(new DeleteCommand({ TableName: db.table, Key: keys.skillStanding(db.tenantId, userId) }));
}
