import { BatchGetCommand, BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb } from './db.js';
import { keys, TENANT_MEMBER_SHARDS, type ItemKey } from './keys.js';
import { MEMBER_INDEX, TTL_ATTRIBUTE } from './table.js';
import { queryAll } from './transact.js';
import { isConditionFailure } from './errors.js';

/**
 * A company's whole data, listed and removed without a Scan: every item of the company carries
 * its membership attribute (tenant-membership.ts), so the keys-only index gsiT lists them, one
 * Query per shard. Items reached that way are read in BatchGets and deleted in BatchWrites, each
 * retrying what DynamoDB left unprocessed.
 */

const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(2000, 25 * 2 ** attempt)));
/** Unprocessed items are retried this many times before the step fails (and the job with it). */
const MAX_BATCH_ATTEMPTS = 10;

/** Every item key of one company, from the membership index (eventually consistent). */
export async function listTenantItemKeys(db: PlatformDb, tenantId: string): Promise<ItemKey[]> {
  const shards = await Promise.all(
    Array.from({ length: TENANT_MEMBER_SHARDS }, (_, shard) =>
      queryAll(db, {
        IndexName: MEMBER_INDEX.name,
        KeyConditionExpression: `${MEMBER_INDEX.partition} = :t`,
        ExpressionAttributeValues: { ':t': keys.tenantMemberShard(tenantId, shard).tpk },
      }),
    ),
  );
  return shards.flat().map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
}

/** The items of these keys (100 per BatchGet, consistent), in no particular order; missing ones are left out. */
export async function getItems(db: PlatformDb, itemKeys: readonly ItemKey[]): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < itemKeys.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
      [db.table]: { Keys: itemKeys.slice(i, i + 100).map(({ pk, sk }) => ({ pk, sk })), ConsistentRead: true },
    };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt >= MAX_BATCH_ATTEMPTS) throw new Error('BatchGetItem left keys unprocessed');
      if (attempt > 0) await pause(attempt);
      const out = await db.doc.send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(out.Responses?.[db.table] ?? []));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

/** Deletes these items (25 per BatchWriteItem), retrying unprocessed ones; the number deleted. */
export async function deleteItems(db: PlatformDb, itemKeys: readonly ItemKey[]): Promise<number> {
  for (let i = 0; i < itemKeys.length; i += 25) {
    let request: Record<string, { DeleteRequest: { Key: Record<string, unknown> } }[]> | undefined = {
      [db.table]: itemKeys.slice(i, i + 25).map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } })),
    };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt >= MAX_BATCH_ATTEMPTS) throw new Error('BatchWriteItem left deletions unprocessed');
      if (attempt > 0) await pause(attempt);
      const out = await db.doc.send(new BatchWriteCommand({ RequestItems: request }));
      request = out.UnprocessedItems as typeof request;
    }
  }
  return itemKeys.length;
}

/** Deletes a platform item only while it still names this company (an email claimed since by another stays). */
export async function deletePlatformPointer(db: PlatformDb, key: ItemKey, tenantId: string): Promise<boolean> {
  try {
    await db.doc.send(
      new DeleteCommand({
        TableName: db.table,
        Key: key,
        ConditionExpression: 'attribute_exists(pk) AND tenantId = :t',
        ExpressionAttributeValues: { ':t': tenantId },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * The platform items that point at a company's items and would outlive them: an email's sign-in
 * claim (from a person), an emailed link's token (from the person's current link) and a
 * certificate's public verification code, an email domain its SSO claims, and the lookup of a
 * SCIM token. Read from the company's items themselves.
 */
export function platformPointersOf(item: Record<string, unknown>): ItemKey[] {
  const out: ItemKey[] = [];
  if (item.entity === 'user' && typeof item.email === 'string') out.push(keys.login(item.email));
  if (typeof item.tokenHash === 'string' && /^[0-9a-f]{16,128}$/.test(item.tokenHash)) out.push(keys.oneTimeToken(item.tokenHash));
  if (item.entity === 'certificate' && typeof item.code === 'string' && !item.code.includes('#')) out.push(keys.certificateCode(item.code));
  if (item.entity === 'ssoConfig' && Array.isArray(item.domains))
    for (const domain of item.domains) if (typeof domain === 'string') out.push(keys.ssoDomain(domain));
  if (item.entity === 'scimToken' && typeof item.id === 'string') out.push(keys.scimTokenLookup(item.id));
  return out;
}

// ── Jobs ────────────────────────────────────────────────────────────────────────────────

export type TenantJobKind = 'export' | 'deletion';
export type TenantJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface TenantJob {
  id: string;
  kind: TenantJobKind;
  tenantId: string;
  tenantName: string;
  /** The company's vendor when the job was asked for (a vendor admin sees its own companies' jobs). */
  vendorId: string | null;
  status: TenantJobStatus;
  requestedBy: { userId: string; tenantId: string; role: string };
  createdAt: string;
  updatedAt: string;
  /** What was done so far (items read or deleted, objects copied or deleted). */
  items: number;
  objects: number;
  /** Export: the archive's object key and size. Deletion: what the verification pass found left (0). */
  archiveKey?: string;
  archiveBytes?: number;
  remainingItems?: number;
  remainingObjects?: number;
  error?: string;
}

const JOB_FIELDS = [
  'id',
  'kind',
  'tenantId',
  'tenantName',
  'vendorId',
  'status',
  'requestedBy',
  'createdAt',
  'updatedAt',
  'items',
  'objects',
  'archiveKey',
  'archiveBytes',
  'remainingItems',
  'remainingObjects',
  'error',
] as const;

const jobOf = (i: Record<string, unknown>): TenantJob =>
  Object.fromEntries(JOB_FIELDS.flatMap((f) => (i[f] === undefined ? [] : [[f, i[f]]]))) as unknown as TenantJob;

export async function putTenantJob(db: PlatformDb, job: TenantJob): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.tenantJob(job.id, job.tenantId, job.createdAt), entity: 'tenantJob', ...job },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getTenantJob(db: PlatformDb, jobId: string): Promise<TenantJob | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.tenantJob(jobId), ConsistentRead: true }));
  return out.Item ? jobOf(out.Item) : null;
}

/** A company's jobs, oldest first. */
export async function listTenantJobs(db: PlatformDb, tenantId: string): Promise<TenantJob[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.tenantJobsOf(tenantId).gsi1pk },
  });
  return items.map(jobOf);
}

/**
 * Moves a job on. `from` guards the step (a job is taken once: `queued` → `running`), so two
 * runners handed the same job cannot both run it; false when the guard failed.
 */
export async function updateTenantJob(
  db: PlatformDb,
  jobId: string,
  fields: Partial<Omit<TenantJob, 'id' | 'kind' | 'tenantId' | 'createdAt'>>,
  from?: TenantJobStatus,
): Promise<boolean> {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return true;
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.tenantJob(jobId),
        UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
        ConditionExpression: from === undefined ? 'attribute_exists(pk)' : 'attribute_exists(pk) AND #status = :from',
        ExpressionAttributeNames: {
          ...Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])),
          ...(from === undefined ? {} : { '#status': 'status' }),
        },
        ExpressionAttributeValues: {
          ...Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
          ...(from === undefined ? {} : { ':from': from }),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

const TOMBSTONE_DAYS = 30;

/** Marks a company as being deleted: the aggregator counts none of its changes from then on. */
export async function putTenantTombstone(db: PlatformDb, tenantId: string, at: string, jobId: string): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      // Kept beyond the stream's 24 hours of retention: a record delivered late is still ignored.
      Item: {
        ...keys.tenantTombstone(tenantId),
        entity: 'tenantTombstone',
        tenantId,
        at,
        jobId,
        [TTL_ATTRIBUTE]: Math.floor(Date.parse(at) / 1000) + TOMBSTONE_DAYS * 86400,
      },
    }),
  );
}

export async function isTenantDeleted(db: PlatformDb, tenantId: string): Promise<boolean> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.tenantTombstone(tenantId), ProjectionExpression: 'pk' }));
  return out.Item !== undefined;
}

export interface TenantSummary {
  id: string;
  name: string;
  vendorId: string | null;
  kind: string;
  status: string;
  createdAt: string;
}

/** Every company of the platform (the registry index; the platform console, never a request of a company). */
export async function listAllTenants(db: PlatformDb): Promise<TenantSummary[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.tenantRegistry().gsi1pk },
  });
  return items.map((i) => ({
    id: String(i.id),
    name: String(i.name),
    vendorId: (i.vendorId as string | null | undefined) ?? null,
    kind: (i.kind as string | undefined) ?? 'client',
    status: (i.status as string | undefined) ?? 'active',
    createdAt: String(i.createdAt),
  }));
}
