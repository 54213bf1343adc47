import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb } from './db.js';
import { keys, type Owner } from './keys.js';

export interface Bank {
  id: string;
  name: string;
  owner: Owner['kind'];
  questionCount: number;
  createdAt: string;
  /** A digest of the source the bank was last published from in full (the platform catalog only). */
  contentDigest: string | null;
}

const toBank = (i: Record<string, unknown>, owner: Owner): Bank => ({
  id: i.id as string,
  name: i.name as string,
  owner: owner.kind,
  questionCount: (i.questionCount as number) ?? 0,
  createdAt: i.createdAt as string,
  contentDigest: typeof i.contentDigest === 'string' ? i.contentDigest : null,
});

export async function createBank(db: PlatformDb, owner: Owner, id: string, name: string, now: string): Promise<Bank> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.bank(owner, id), entity: 'bank', id, name, createdAt: now },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return { id, name, owner: owner.kind, questionCount: 0, createdAt: now, contentDigest: null };
}

export async function getBank(db: PlatformDb, owner: Owner, id: string): Promise<Bank | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.bank(owner, id) }));
  return out.Item ? toBank(out.Item, owner) : null;
}

export async function listBanks(db: PlatformDb, owner: Owner): Promise<Bank[]> {
  const k = keys.banks(owner);
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix },
    }),
  );
  return (out.Items ?? []).map((i) => toBank(i, owner)).sort((a, b) => a.name.localeCompare(b.name, 'ja'));
}

/** Records that the bank now holds everything of the source with this digest (set after a full publish). */
export async function setBankContentDigest(db: PlatformDb, owner: Owner, id: string, digest: string, now: string): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: keys.bank(owner, id),
      UpdateExpression: 'SET contentDigest = :d, contentPublishedAt = :t',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':d': digest, ':t': now },
    }),
  );
}
