import { foldForSearch, type Department } from '@manabi/core';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TenantDb } from './db.js';
import { queryAll } from './transact.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';
import { ConflictError, NotFoundError, cancelledIndexes, isConditionFailure } from './errors.js';

const toDepartment = (item: Record<string, unknown>): Department => ({
  id: item.id as string,
  tenantId: item.tenantId as string,
  name: item.name as string,
  createdAt: item.createdAt as string,
  updatedAt: item.updatedAt as string,
});

/** Transaction items creating a department and claiming its (folded) name in the tenant. */
export function createDepartmentItems(db: TenantDb, id: string, name: string, now: string): TransactItem[] {
  return [
    {
      Put: {
        TableName: db.table,
        Item: {
          ...keys.department(db.tenantId, id),
          entity: 'department',
          id,
          tenantId: db.tenantId,
          name,
          createdAt: now,
          updatedAt: now,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: db.table,
        Item: { ...keys.departmentName(db.tenantId, foldForSearch(name)), entity: 'departmentName', departmentId: id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

export async function createDepartment(db: TenantDb, id: string, name: string, now: string): Promise<Department> {
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: createDepartmentItems(db, id, name, now) }));
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('conflict', 'A department with this name already exists', 'name');
    throw error;
  }
  return { id, tenantId: db.tenantId, name, createdAt: now, updatedAt: now };
}

export async function listDepartments(db: TenantDb): Promise<Department[]> {
  const out: Department[] = (
    await queryAll(db, {
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': keys.departments(db.tenantId).pk, ':s': keys.departmentSkPrefix() },
    })
  ).map((item) => toDepartment(item));
  return out.sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}

export async function getDepartment(db: TenantDb, id: string): Promise<Department | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.department(db.tenantId, id) }));
  return out.Item ? toDepartment(out.Item) : null;
}

export async function renameDepartment(db: TenantDb, current: Department, name: string, now: string): Promise<Department> {
  const oldFolded = foldForSearch(current.name);
  const newFolded = foldForSearch(name);
  const items: TransactItem[] = [
    {
      Update: {
        TableName: db.table,
        Key: keys.department(db.tenantId, current.id),
        UpdateExpression: 'SET #name = :n, updatedAt = :now',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':n': name, ':now': now },
      },
    },
  ];
  if (oldFolded !== newFolded) {
    items.push(
      {
        Put: {
          TableName: db.table,
          Item: { ...keys.departmentName(db.tenantId, newFolded), entity: 'departmentName', departmentId: current.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      { Delete: { TableName: db.table, Key: keys.departmentName(db.tenantId, oldFolded) } },
    );
  }
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    if (cancelledIndexes(error).includes(0)) throw new NotFoundError('department');
    throw new ConflictError('conflict', 'A department with this name already exists', 'name');
  }
  return { ...current, name, updatedAt: now };
}

export async function deleteDepartment(db: TenantDb, current: Department): Promise<void> {
  await db.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        { Delete: { TableName: db.table, Key: keys.department(db.tenantId, current.id), ConditionExpression: 'attribute_exists(pk)' } },
        { Delete: { TableName: db.table, Key: keys.departmentName(db.tenantId, foldForSearch(current.name)) } },
      ],
    }),
  );
}
