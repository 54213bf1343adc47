import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb, TenantDb } from './db.js';
import { isConditionFailure } from './errors.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/** A company's SCIM bearer token as HR sees it: never the secret, nor its hash. */
export interface ScimTokenRecord {
  id: string;
  name: string;
  createdAt: string;
  createdBy: { id: string; name: string };
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** What resolves a presented token: its company, and its secret's hash sealed with the deploy's key. */
export interface ScimTokenLookup {
  tenantId: string;
  tokenId: string;
  sealedHash: string;
}

const toToken = (i: Record<string, unknown>): ScimTokenRecord => ({
  id: i.id as string,
  name: i.name as string,
  createdAt: i.createdAt as string,
  createdBy: i.createdBy as { id: string; name: string },
  lastUsedAt: (i.lastUsedAt as string | undefined) ?? null,
  revokedAt: (i.revokedAt as string | undefined) ?? null,
});

/**
 * The token's record in the company's list and its platform lookup, written together (`db` must be
 * an identity-scoped client: the lookup is a platform item).
 */
export function scimTokenItems(db: TenantDb, token: ScimTokenRecord, sealedHash: string): TransactItem[] {
  return [
    {
      Put: {
        TableName: db.table,
        // Never-used and not-revoked are absent attributes: the conditions below test their absence.
        Item: {
          ...keys.scimToken(db.tenantId, token.id),
          entity: 'scimToken',
          id: token.id,
          name: token.name,
          createdAt: token.createdAt,
          createdBy: token.createdBy,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: db.table,
        Item: { ...keys.scimTokenLookup(token.id), entity: 'scimTokenLookup', tenantId: db.tenantId, tokenId: token.id, sealedHash },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

export async function listScimTokens(db: TenantDb): Promise<ScimTokenRecord[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.scimTokens(db.tenantId).pk },
      Limit: 200,
    }),
  );
  return (out.Items ?? []).map(toToken).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function getScimToken(db: TenantDb, tokenId: string): Promise<ScimTokenRecord | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.scimToken(db.tenantId, tokenId), ConsistentRead: true }));
  return out.Item ? toToken(out.Item) : null;
}

/** Marks the token revoked and removes its lookup in one write: from then on it resolves to nothing. */
export function revokeScimTokenItems(db: TenantDb, tokenId: string, at: string): TransactItem[] {
  return [
    {
      Update: {
        TableName: db.table,
        Key: keys.scimToken(db.tenantId, tokenId),
        UpdateExpression: 'SET revokedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: { ':at': at },
      },
    },
    { Delete: { TableName: db.table, Key: keys.scimTokenLookup(tokenId) } },
  ];
}

export async function findScimTokenLookup(platform: PlatformDb, tokenId: string): Promise<ScimTokenLookup | null> {
  const out = await platform.doc.send(
    new GetCommand({ TableName: platform.table, Key: keys.scimTokenLookup(tokenId), ConsistentRead: true }),
  );
  if (!out.Item) return null;
  return { tenantId: out.Item.tenantId as string, tokenId: out.Item.tokenId as string, sealedHash: out.Item.sealedHash as string };
}

/**
 * Notes when the token was last used, at most once per `everyMs` (an identity provider syncing
 * thousands of people must not cost a write per request). A revoked token is left alone.
 */
export async function touchScimToken(db: TenantDb, tokenId: string, at: Date, everyMs: number): Promise<void> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.scimToken(db.tenantId, tokenId),
        UpdateExpression: 'SET lastUsedAt = :at',
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(revokedAt) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :before)',
        ExpressionAttributeValues: { ':at': at.toISOString(), ':before': new Date(at.getTime() - everyMs).toISOString() },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** What SCIM keeps about a person beyond the person item: the IdP's id, the name parts, a SCIM deletion. */
export interface ScimUserLink {
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
  /** DELETE keeps the person (their history) deactivated, and hides them from SCIM from then on. */
  deleted: boolean;
}

export async function getScimUserLink(db: TenantDb, userId: string): Promise<ScimUserLink | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.scimUser(db.tenantId, userId), ConsistentRead: true }));
  return out.Item ? toLink(out.Item) : null;
}

const toLink = (item: Record<string, unknown>): ScimUserLink => ({
  externalId: (item.externalId as string | null) ?? null,
  givenName: (item.givenName as string | null) ?? null,
  familyName: (item.familyName as string | null) ?? null,
  deleted: Boolean(item.deleted),
});

/** The SCIM links of many people (100 per BatchGetItem; unprocessed keys asked again), by person id. */
export async function getScimUserLinks(db: TenantDb, userIds: string[]): Promise<Map<string, ScimUserLink>> {
  const found = new Map<string, ScimUserLink>();
  for (let i = 0; i < userIds.length; i += 100) {
    let keysLeft: Record<string, unknown>[] = userIds.slice(i, i + 100).map((id) => keys.scimUser(db.tenantId, id));
    for (let attempt = 0; keysLeft.length > 0 && attempt < 8; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(500, 20 * 2 ** attempt)));
      const out = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.table]: { Keys: keysLeft } } }));
      for (const item of out.Responses?.[db.table] ?? []) found.set(item.userId as string, toLink(item));
      keysLeft = (out.UnprocessedKeys?.[db.table]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
  }
  return found;
}

export function scimUserLinkItem(db: TenantDb, userId: string, link: ScimUserLink): TransactItem {
  return { Put: { TableName: db.table, Item: { ...keys.scimUser(db.tenantId, userId), entity: 'scimUser', userId, ...link } } };
}

/** The IdP's id of a department (a SCIM group). */
export async function getScimGroupExternalId(db: TenantDb, departmentId: string): Promise<string | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.scimGroup(db.tenantId, departmentId) }));
  return (out.Item?.externalId as string | undefined) ?? null;
}

export function scimGroupItem(db: TenantDb, departmentId: string, externalId: string | null): TransactItem {
  return {
    Put: { TableName: db.table, Item: { ...keys.scimGroup(db.tenantId, departmentId), entity: 'scimGroup', departmentId, externalId } },
  };
}

export function deleteScimGroupItem(db: TenantDb, departmentId: string): TransactItem {
  return { Delete: { TableName: db.table, Key: keys.scimGroup(db.tenantId, departmentId) } };
}
