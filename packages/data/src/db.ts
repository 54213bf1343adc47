import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isId } from '@manabi/core';

export interface DataConfig {
  tableName: string;
  region?: string;
  /** Set for DynamoDB Local; unset in the cloud. */
  endpoint?: string;
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
}

export interface DataAccess {
  platform: PlatformDb;
  /**
   * The one factory for tenant-scoped access. Locally it shares one client; in the cloud this is
   * where credentials scoped to the tenant's keys (IAM LeadingKeys) plug in, without touching
   * repositories.
   */
  clientFor(ctx: TenantCtx): TenantDb;
  /** DynamoDB calls made so far by this client (benchmarks report calls per request). */
  callCount(): number;
  destroy(): void;
}

export function createDataAccess(config: DataConfig): DataAccess {
  const client = new DynamoDBClient({
    region: config.region ?? 'ap-northeast-1',
    ...(config.endpoint ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 3,
  });
  let calls = 0;
  client.middlewareStack.add(
    (next) => async (args) => {
      calls += 1;
      return next(args);
    },
    { step: 'initialize', name: 'manabiCallCounter' },
  );
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const platform: PlatformDb = { doc, table: config.tableName };
  return {
    platform,
    clientFor(ctx) {
      if (!isId(ctx.tenantId)) throw new Error('Invalid tenant id');
      return { doc, table: config.tableName, tenantId: ctx.tenantId };
    },
    callCount: () => calls,
    destroy: () => client.destroy(),
  };
}
