import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantDb } from './db.js';
import { queryAll } from './transact.js';
import { keys } from './keys.js';
import { ConflictError, isConditionFailure } from './errors.js';

/** A stored goal: the domain goal (@manabi/upskilling) plus bookkeeping. */
export interface GoalRecord<G = Record<string, unknown>> {
  goal: G & { id: string; userId: string };
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  rev: number;
  /** The owner's department and level when the goal was set: where reports count it for good. */
  departmentId?: string | null;
  level?: string | null;
}

function item(db: TenantDb, r: GoalRecord): Record<string, unknown> {
  const dueDate = (r.goal as { dueDate?: string }).dueDate ?? '9999-12-31';
  return {
    ...keys.goal(db.tenantId, r.goal.id),
    ...keys.goalsOfUser(db.tenantId, r.goal.userId, r.createdAt, r.goal.id),
    ...keys.goalsOfTenant(db.tenantId, dueDate, r.goal.id),
    entity: 'goal',
    tenantId: db.tenantId,
    ...r,
    departmentId: r.departmentId ?? null,
    level: r.level ?? null,
  };
}

const toRecord = <G>(i: Record<string, unknown>): GoalRecord<G> => ({
  goal: i.goal as GoalRecord<G>['goal'],
  createdBy: i.createdBy as string,
  createdAt: i.createdAt as string,
  updatedAt: i.updatedAt as string,
  rev: i.rev as number,
  departmentId: (i.departmentId as string | null | undefined) ?? null,
  level: (i.level as string | null | undefined) ?? null,
});

export async function createGoal<G>(db: TenantDb, record: GoalRecord<G>): Promise<void> {
  await db.doc.send(
    new PutCommand({ TableName: db.table, Item: item(db, record as GoalRecord), ConditionExpression: 'attribute_not_exists(pk)' }),
  );
}

export async function getGoal<G>(db: TenantDb, id: string): Promise<GoalRecord<G> | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.goal(db.tenantId, id) }));
  return out.Item ? toRecord<G>(out.Item) : null;
}

/** Saves a goal's next state only if nobody changed it since it was read. */
export async function saveGoal<G>(db: TenantDb, current: GoalRecord<G>, goal: GoalRecord<G>['goal'], now: string): Promise<GoalRecord<G>> {
  const next: GoalRecord<G> = { ...current, goal, updatedAt: now, rev: current.rev + 1 };
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: item(db, next as GoalRecord),
        ConditionExpression: 'rev = :r',
        ExpressionAttributeValues: { ':r': current.rev },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('stale', 'The goal was changed meanwhile; reload it');
    throw error;
  }
  return next;
}

export async function listGoalsOfUser<G>(db: TenantDb, userId: string): Promise<GoalRecord<G>[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.goalsOfUser(db.tenantId, userId).gsi1pk },
      ScanIndexForward: false,
    }),
  );
  return (out.Items ?? []).map((i) => toRecord<G>(i));
}

/** Every goal of the company, earliest due first (HR's overview). */
export async function listGoalsOfTenant<G>(db: TenantDb): Promise<GoalRecord<G>[]> {
  const all: GoalRecord<G>[] = (
    await queryAll(db, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': keys.goalsOfTenant(db.tenantId).gsi2pk },
    })
  ).map((i) => toRecord<G>(i));
  return all;
}
