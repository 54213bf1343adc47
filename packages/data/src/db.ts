import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isId } from '@manabi/core';
import { scopedSessions, type ScopedDataConfig, type SessionCredentialsCache } from './scoped-credentials.js';
import { guardLeadingKeys } from './leading-key-guard.js';
import { stampTenantMembership } from './tenant-membership.js';
import { dynamoClientConfig } from './client-settings.js';

export interface DataConfig {
  tableName: string;
  region?: string;
  /** Set for DynamoDB Local; unset in the cloud. */
  endpoint?: string;
  /**
   * IAM-scoped credentials (the cloud, when the stack sets the role ARNs: `scopedDataFromEnv`).
   * Unset: every client shares the process's own credentials (locally, and DynamoDB Local).
   */
  scoped?: ScopedDataConfig;
  /**
   * Without `scoped` (DynamoDB Local): give each `clientFor` / `identityFor` scope a client that
   * refuses what its IAM role would (leading-key-guard.ts), so the app can be run locally as the
   * cloud runs it with `-c scopedData=true`. Off by default.
   */
  checkLeadingKeys?: boolean;
}

/** Access to platform-level items (`P#…`): sign-in lookup, one-time tokens, rate limits, vendors. */
export interface PlatformDb {
  doc: DynamoDBDocumentClient;
  table: string;
}

/** Access to one tenant's items. Repositories build every key from `tenantId` here. */
export interface TenantDb extends PlatformDb {
  tenantId: string;
}

export interface TenantCtx {
  tenantId: string;
  /**
   * The tenant's vendor, from the verified token. With IAM-scoped credentials the session may read
   * that vendor's content (`V#<vendor>#…`); absent or null, no vendor's.
   */
  vendorId?: string | null;
}

export interface DataAccess {
  platform: PlatformDb;
  /**
   * The one factory for tenant-scoped access. Locally it shares one client; in the cloud this is
   * where credentials scoped to the tenant's keys (IAM LeadingKeys) plug in, without touching
   * repositories.
   */
  clientFor(ctx: TenantCtx): TenantDb;
  /**
   * Tenant access for identity paths whose transactions also write platform items (an email's
   * sign-in claim with the person, a one-time token with its link, a certificate code): in the
   * cloud a platform-role session tagged with this tenant (platform items and this tenant's items
   * only). Locally the same client as `clientFor`.
   */
  identityFor(ctx: TenantCtx): TenantDb;
  /** DynamoDB calls made so far by this client (benchmarks report calls per request). */
  callCount(): number;
  destroy(): void;
}

/** The DynamoDB calls of one unit of work (a request), counted by every client of this module. */
const workCalls = new AsyncLocalStorage<{ calls: number }>();

/**
 * Runs `work` with a DynamoDB call counter of its own: every call made inside it (by any client
 * `createDataAccess` made, however deep) counts, calls of concurrent work elsewhere do not.
 * `calls()` reads the count so far. The request logger writes it on each request's line.
 */
export function countingCalls<T>(work: (calls: () => number) => Promise<T>): Promise<T> {
  const counter = { calls: 0 };
  return workCalls.run(counter, () => work(() => counter.calls));
}

/** Scoped clients kept per tenant (each holds its own connection pool); the oldest go first. */
const MAX_SCOPED_CLIENTS = 500;

type CredentialsProvider = ReturnType<SessionCredentialsCache['provider']>;

export function createDataAccess(config: DataConfig): DataAccess {
  let calls = 0;
  const clients = new Set<DynamoDBClient>();
  const makeClient = (credentials?: CredentialsProvider): DynamoDBClient => {
    const client = new DynamoDBClient({
      region: config.region ?? 'ap-northeast-1',
      ...(config.endpoint ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
      ...(credentials ? { credentials } : {}),
      ...dynamoClientConfig(),
    });
    client.middlewareStack.add(
      (next) => async (args) => {
        calls += 1;
        const work = workCalls.getStore();
        if (work) work.calls += 1;
        return next(args);
      },
      { step: 'initialize', name: 'manabiCallCounter' },
    );
    stampTenantMembership(client);
    clients.add(client);
    return client;
  };
  const docOf = (client: DynamoDBClient): DynamoDBDocumentClient =>
    DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

  const doc = docOf(makeClient());
  const platform: PlatformDb = { doc, table: config.tableName };
  const tenantDb = (d: DynamoDBDocumentClient, tenantId: string): TenantDb => ({ doc: d, table: config.tableName, tenantId });
  const checked = (ctx: TenantCtx): TenantCtx => {
    if (!isId(ctx.tenantId)) throw new Error('Invalid tenant id');
    return ctx;
  };

  // With IAM-scoped credentials: one client per (role, tenant, vendor), signing with that scope's
  // session, so a key built for another tenant is refused by IAM, not only by the key builder.
  const sessions = config.scoped ? scopedSessions(config.scoped) : null;
  const scoped = new Map<string, { client: DynamoDBClient; doc: DynamoDBDocumentClient }>();
  const scopedDoc = (role: 'tenant' | 'platform', tenantId: string, vendorId: string | null): DynamoDBDocumentClient => {
    const key = `${role}|${tenantId}|${vendorId ?? ''}`;
    let entry = scoped.get(key);
    if (!entry) {
      const client = sessions ? makeClient(sessions[role].provider({ tenantId, vendorId })) : makeClient();
      if (!sessions) guardLeadingKeys(client, { role, tenantId, vendorId });
      entry = { client, doc: docOf(client) };
      scoped.set(key, entry);
      if (scoped.size > MAX_SCOPED_CLIENTS) {
        const [oldestKey, oldest] = scoped.entries().next().value!;
        scoped.delete(oldestKey);
        clients.delete(oldest.client);
        oldest.client.destroy();
      }
    }
    return entry.doc;
  };

  return {
    platform,
    clientFor(ctx) {
      const { tenantId, vendorId } = checked(ctx);
      return tenantDb(sessions || config.checkLeadingKeys ? scopedDoc('tenant', tenantId, vendorId ?? null) : doc, tenantId);
    },
    identityFor(ctx) {
      const { tenantId, vendorId } = checked(ctx);
      return tenantDb(sessions || config.checkLeadingKeys ? scopedDoc('platform', tenantId, vendorId ?? null) : doc, tenantId);
    },
    callCount: () => calls,
    destroy: () => {
      for (const client of clients) client.destroy();
    },
  };
}
