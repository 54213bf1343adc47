import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FileKind } from '@manabi/core';
import type { PlatformDb } from './db.js';
import { keys, type Owner } from './keys.js';
import { isConditionFailure } from './errors.js';
import { TTL_ATTRIBUTE } from './table.js';
import { queryAll } from './transact.js';

/**
 * An uploaded lesson file of a company or a vendor. It is `pending` from the moment an upload URL
 * is handed out until the server has checked the stored bytes; only `ready` files are listed or
 * served. A pending record expires by itself (TTL) if the upload never completes.
 */
export interface FileRecord {
  id: string;
  name: string;
  status: 'pending' | 'ready';
  /** Declared size while pending (the upload URL allows exactly this many bytes); measured when ready. */
  size: number;
  /** Decided from the content on completion; null while pending. */
  kind: FileKind | null;
  contentType: string | null;
  uploadedBy: string;
  createdAt: string;
  /** 'question': an image in a question's text (content-addressed, not listed among lesson files). */
  purpose?: 'question';
}

const PENDING_SECONDS = 24 * 3600;

const toFile = (i: Record<string, unknown>): FileRecord => ({
  id: i.id as string,
  name: i.name as string,
  status: i.status as FileRecord['status'],
  size: i.size as number,
  kind: (i.kind as FileKind | null) ?? null,
  contentType: (i.contentType as string | null) ?? null,
  uploadedBy: i.uploadedBy as string,
  createdAt: i.createdAt as string,
  ...(i.purpose === 'question' ? { purpose: 'question' as const } : {}),
});

export async function putPendingFile(db: PlatformDb, owner: Owner, record: FileRecord, now: Date): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: {
        ...keys.lessonFile(owner, record.id),
        entity: 'file',
        ...record,
        [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + PENDING_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** Marks a checked upload ready (once: a second completion finds it no longer pending). */
export async function markFileReady(
  db: PlatformDb,
  owner: Owner,
  id: string,
  checked: { kind: FileKind; contentType: string; size: number },
): Promise<boolean> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.lessonFile(owner, id),
        UpdateExpression: 'SET #status = :ready, #kind = :kind, contentType = :type, #size = :size REMOVE #ttl',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status', '#kind': 'kind', '#size': 'size', '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: {
          ':ready': 'ready',
          ':pending': 'pending',
          ':kind': checked.kind,
          ':type': checked.contentType,
          ':size': checked.size,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Records a file that is ready at once (its bytes already stored and checked), unless a record
 * with that id exists: ids of content-addressed files name their bytes, so a second put of the
 * same image changes nothing. Returns whether this call created it.
 */
export async function putReadyFileOnce(db: PlatformDb, owner: Owner, record: FileRecord): Promise<boolean> {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...keys.lessonFile(owner, record.id), entity: 'file', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getFile(db: PlatformDb, owner: Owner, id: string): Promise<FileRecord | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.lessonFile(owner, id), ConsistentRead: true }));
  return out.Item ? toFile(out.Item) : null;
}

/** An owner's files, oldest first (ids are random, so the order is re-sorted by the caller). */
export async function listFiles(db: PlatformDb, owner: Owner): Promise<FileRecord[]> {
  const k = keys.lessonFiles(owner);
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
    ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix },
  });
  return items.map(toFile);
}

export async function deleteFile(db: PlatformDb, owner: Owner, id: string): Promise<void> {
  await db.doc.send(new DeleteCommand({ TableName: db.table, Key: keys.lessonFile(owner, id) }));
}
