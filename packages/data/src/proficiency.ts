import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomId } from '@manabi/core';
import type { TenantDb } from './db.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/** One stored piece of evidence (the shapes of @manabi/upskilling's ProficiencyEntry, plus who and what). */
export interface StoredProficiencyEntry {
  skillId: string;
  source: 'assessment' | 'manager_rating' | 'self_rating';
  date: string;
  percent?: number;
  band?: number;
  value?: number;
  ref?: string;
  by?: string;
  comment?: string;
}

export function proficiencyEntryItem(db: TenantDb, userId: string, entry: StoredProficiencyEntry, at: string): TransactItem {
  return {
    Put: {
      TableName: db.table,
      Item: {
        ...keys.proficiencyEntry(db.tenantId, userId, entry.skillId, at, randomId()),
        entity: 'proficiency',
        userId,
        recordedAt: at,
        ...entry,
      },
    },
  };
}

export async function addProficiencyEntry(db: TenantDb, userId: string, entry: StoredProficiencyEntry, at: string): Promise<void> {
  await db.doc.send(new PutCommand(proficiencyEntryItem(db, userId, entry, at).Put!));
}

/** All evidence for one user (one Query; a few entries per skill per year). */
export async function listProficiencyEntries(db: TenantDb, userId: string): Promise<StoredProficiencyEntry[]> {
  const k = keys.proficiencyEntries(db.tenantId, userId);
  const entries: StoredProficiencyEntry[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const i of out.Items ?? []) {
      entries.push({
        skillId: i.skillId as string,
        source: i.source as StoredProficiencyEntry['source'],
        date: i.date as string,
        ...(i.percent !== undefined ? { percent: i.percent as number } : {}),
        ...(i.band !== undefined ? { band: i.band as number } : {}),
        ...(i.value !== undefined ? { value: i.value as number } : {}),
        ...(i.ref ? { ref: i.ref as string } : {}),
        ...(i.by ? { by: i.by as string } : {}),
        ...(i.comment ? { comment: i.comment as string } : {}),
      });
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return entries;
}
