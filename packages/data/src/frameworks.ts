import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantDb } from './db.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';
import { ConflictError, isConditionFailure } from './errors.js';

export interface StoredFramework<F = unknown> {
  framework: F;
  rev: number;
  updatedAt: string;
}

/** The transaction item that gives a new company its framework (part of signup). */
export function initialFrameworkItem(db: TenantDb, framework: unknown, now: string): TransactItem {
  return {
    Put: {
      TableName: db.table,
      Item: { ...keys.skillFramework(db.tenantId), entity: 'skillFramework', framework, rev: 1, updatedAt: now },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function getFramework<F>(db: TenantDb): Promise<StoredFramework<F> | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.skillFramework(db.tenantId) }));
  return out.Item ? { framework: out.Item.framework as F, rev: out.Item.rev as number, updatedAt: out.Item.updatedAt as string } : null;
}

/** Replaces the framework if nobody saved it since `expectedRev` (HR edits are whole-document). */
export async function saveFramework<F>(db: TenantDb, framework: F, expectedRev: number, now: string): Promise<StoredFramework<F>> {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...keys.skillFramework(db.tenantId), entity: 'skillFramework', framework, rev: expectedRev + 1, updatedAt: now },
        ConditionExpression: 'rev = :r',
        ExpressionAttributeValues: { ':r': expectedRev },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('stale', 'The framework was changed meanwhile; reload it', 'expectedRev');
    throw error;
  }
  return { framework, rev: expectedRev + 1, updatedAt: now };
}
