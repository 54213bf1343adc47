import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb } from './db.js';
import { isConditionFailure } from './errors.js';
import { keys, type Owner } from './keys.js';
import { TTL_ATTRIBUTE } from './table.js';
import type { TransactItem } from './transact.js';

/**
 * A SCORM zip on its way in: `pending` from the moment its upload URL is handed out, `importing`
 * while one completion reads and stores it, `completed` (naming its package) once the package
 * record is written. The record expires by itself (TTL) a day after it was created; until then a
 * repeated completion answers the same package.
 */
export interface ScormUploadRecord {
  id: string;
  fileName: string;
  /** Declared size: the upload URL accepts exactly this many bytes. */
  size: number;
  status: 'pending' | 'importing' | 'completed';
  /** The package it became (completed only). */
  scormId: string | null;
  uploadedBy: string;
  createdAt: string;
}

export const SCORM_UPLOAD_TTL_SECONDS = 24 * 3600;

const toUpload = (i: Record<string, unknown>): ScormUploadRecord => ({
  id: i.id as string,
  fileName: i.fileName as string,
  size: i.size as number,
  status: i.status as ScormUploadRecord['status'],
  scormId: (i.scormId as string | null) ?? null,
  uploadedBy: i.uploadedBy as string,
  createdAt: i.createdAt as string,
});

export async function putScormUpload(db: PlatformDb, owner: Owner, record: ScormUploadRecord, now: Date): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: {
        ...keys.scormUpload(owner, record.id),
        entity: 'scormUpload',
        ...record,
        [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + SCORM_UPLOAD_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getScormUpload(db: PlatformDb, owner: Owner, id: string): Promise<ScormUploadRecord | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.scormUpload(owner, id), ConsistentRead: true }));
  return out.Item ? toUpload(out.Item) : null;
}

/**
 * Takes a pending upload for importing (one completion at a time). An import that was claimed more
 * than `staleAfterSeconds` ago died with its Lambda (the API's timeout is far shorter) and may be
 * claimed again. False when another completion holds it, or it is completed or gone.
 */
export async function claimScormUpload(db: PlatformDb, owner: Owner, id: string, now: Date, staleAfterSeconds: number): Promise<boolean> {
  const at = Math.floor(now.getTime() / 1000);
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.scormUpload(owner, id),
        UpdateExpression: 'SET #status = :importing, claimedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND (#status = :pending OR (#status = :importing AND claimedAt < :stale))',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':importing': 'importing', ':pending': 'pending', ':at': at, ':stale': at - staleAfterSeconds },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * The write that marks an import's upload completed, to go in the same transaction as the package
 * record: the package exists exactly when its upload names it.
 */
export function scormUploadCompletedItem(db: PlatformDb, owner: Owner, id: string, scormId: string): TransactItem {
  return {
    Update: {
      TableName: db.table,
      Key: keys.scormUpload(owner, id),
      UpdateExpression: 'SET #status = :completed, scormId = :scorm REMOVE claimedAt',
      ConditionExpression: '#status = :importing',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':completed': 'completed', ':importing': 'importing', ':scorm': scormId },
    },
  };
}

export async function deleteScormUpload(db: PlatformDb, owner: Owner, id: string): Promise<void> {
  await db.doc.send(new DeleteCommand({ TableName: db.table, Key: keys.scormUpload(owner, id) }));
}
