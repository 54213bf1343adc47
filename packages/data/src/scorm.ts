import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb, TenantDb } from './db.js';
import { isConditionFailure } from './errors.js';
import { keys, type Owner } from './keys.js';
import { queryAll, writeAtomically, type TransactItem } from './transact.js';

// ── Uploaded packages ──────────────────────────────────────────────────────────────────────

export interface ScormPackageRecord {
  id: string;
  owner: Owner['kind'];
  title: string;
  version: '1.2' | '2004';
  schemaVersion: string;
  /** The SCO the player launches (the default organization's first). */
  launch: { itemId: string; title: string; path: string; query: string; masteryScore: number | null };
  scoCount: number;
  fileCount: number;
  totalBytes: number;
  fileName: string;
  uploadedAt: string;
  uploadedBy: string;
}

const toScormPackage = (i: Record<string, unknown>): ScormPackageRecord => ({
  id: i.id as string,
  owner: i.owner as Owner['kind'],
  title: i.title as string,
  version: i.version as ScormPackageRecord['version'],
  schemaVersion: i.schemaVersion as string,
  launch: i.launch as ScormPackageRecord['launch'],
  scoCount: i.scoCount as number,
  fileCount: i.fileCount as number,
  totalBytes: i.totalBytes as number,
  fileName: i.fileName as string,
  uploadedAt: i.uploadedAt as string,
  uploadedBy: i.uploadedBy as string,
});

/**
 * Records an uploaded package once its files are stored: the record and its file list in one
 * transaction, so a package either exists with every file listed or not at all.
 */
export async function putScormPackage(
  db: PlatformDb,
  owner: Owner,
  record: ScormPackageRecord,
  files: string[],
  /** Other writes that must happen with it or not at all (the upload it came from). */
  also: TransactItem[] = [],
): Promise<void> {
  await writeAtomically(db, [
    ...also,
    {
      Put: {
        TableName: db.table,
        Item: { ...keys.scormPackage(owner, record.id), entity: 'scormPackage', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: db.table,
        Item: { ...keys.scormPackageFiles(owner, record.id), entity: 'scormPackageFiles', scormId: record.id, files },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]);
}

export async function getScormPackage(db: PlatformDb, owner: Owner, id: string): Promise<ScormPackageRecord | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.scormPackage(owner, id) }));
  return out.Item ? toScormPackage(out.Item) : null;
}

export async function listScormPackages(db: PlatformDb, owner: Owner): Promise<ScormPackageRecord[]> {
  const k = keys.scormPackages(owner);
  const items = await queryAll(db, {
    KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
    ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix },
  });
  return items.map(toScormPackage);
}

/** Removes the record and its file list (in one transaction) and returns the files to delete from the object store. */
export async function deleteScormPackage(db: PlatformDb, owner: Owner, id: string): Promise<string[] | null> {
  const list = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.scormPackageFiles(owner, id), ConsistentRead: true }));
  try {
    await writeAtomically(db, [
      { Delete: { TableName: db.table, Key: keys.scormPackage(owner, id), ConditionExpression: 'attribute_exists(pk)' } },
      { Delete: { TableName: db.table, Key: keys.scormPackageFiles(owner, id) } },
    ]);
  } catch (error) {
    if (isConditionFailure(error)) return null;
    throw error;
  }
  return (list.Item?.files as string[] | undefined) ?? [];
}

// ── Registrations (one learner, one module) ───────────────────────────────────────────────

export interface ScormRegistrationRecord<S = unknown> {
  userId: string;
  packageId: string;
  moduleId: string;
  /** The SCORM package it ran (`<id>` of the company, `vendor:<id>` of its vendor). */
  scormRef: string;
  state: S;
  /** When the result first met the module's rule. */
  completedAt: string | null;
  /** When the result was written as skill evidence (once). */
  evidenceAt: string | null;
  updatedAt: string;
  rev: number;
}

export async function getScormRegistration<S>(
  db: TenantDb,
  userId: string,
  packageId: string,
  moduleId: string,
): Promise<ScormRegistrationRecord<S> | null> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.scormRegistration(db.tenantId, userId, packageId, moduleId), ConsistentRead: true }),
  );
  if (!out.Item) return null;
  const i = out.Item;
  return {
    userId: i.userId as string,
    packageId: i.packageId as string,
    moduleId: i.moduleId as string,
    scormRef: i.scormRef as string,
    state: i.state as S,
    completedAt: (i.completedAt as string | null) ?? null,
    evidenceAt: (i.evidenceAt as string | null) ?? null,
    updatedAt: i.updatedAt as string,
    rev: i.rev as number,
  };
}

/**
 * Writes the next revision of a registration if nobody wrote since `expectedRev` (0: it must not
 * exist yet), together with any other items (skill evidence) in one transaction. False on a race.
 */
export async function saveScormRegistration<S>(
  db: TenantDb,
  next: ScormRegistrationRecord<S>,
  expectedRev: number,
  also: TransactItem[] = [],
): Promise<boolean> {
  const put: TransactItem = {
    Put: {
      TableName: db.table,
      Item: { ...keys.scormRegistration(db.tenantId, next.userId, next.packageId, next.moduleId), entity: 'scormRegistration', ...next },
      ...(expectedRev === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: 'rev = :r', ExpressionAttributeValues: { ':r': expectedRev } }),
    },
  };
  try {
    if (also.length === 0) await db.doc.send(new PutCommand(put.Put!));
    else await writeAtomically(db, [put, ...also]);
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
