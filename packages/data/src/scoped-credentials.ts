import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { isId } from '@manabi/core';
import { NO_TAG_VALUE, PLATFORM_DATA_ROLE_ENV, TENANT_DATA_ROLE_ENV } from './scoped-env.js';

/** Credentials as the SDK's `credentials` option takes them. */
export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** What the data layer needs from STS (the real client, or a stand-in in tests). */
export interface AssumeRoleSender {
  send(command: AssumeRoleCommand): Promise<{
    Credentials?: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string; Expiration?: Date };
  }>;
}

export interface ScopedDataConfig {
  /** Role whose policy limits items to `T#<TenantId>…`, the catalog and the session's vendor. */
  tenantRoleArn: string;
  /** Role for platform items (identity paths); tagged with the tenant it serves, or none. */
  platformRoleArn: string;
  sts?: AssumeRoleSender;
  region?: string;
}

/** The session tags of one scope. `vendorId` null: the tenant sells through no vendor. */
export interface SessionScope {
  tenantId: string | null;
  vendorId: string | null;
}

/** The role ARNs the stack sets, or undefined (locally, or where the stack does not enable them). */
export function scopedDataFromEnv(env: NodeJS.ProcessEnv = process.env): ScopedDataConfig | undefined {
  const tenantRoleArn = env[TENANT_DATA_ROLE_ENV];
  const platformRoleArn = env[PLATFORM_DATA_ROLE_ENV];
  if (!tenantRoleArn && !platformRoleArn) return undefined;
  if (!tenantRoleArn || !platformRoleArn) {
    throw new Error(`${TENANT_DATA_ROLE_ENV} and ${PLATFORM_DATA_ROLE_ENV} are set together or not at all`);
  }
  return { tenantRoleArn, platformRoleArn };
}

/** Refresh this long before the credentials expire, so no request goes out with expiring ones. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** Sessions kept at most (a warm function serving many tenants must not grow without bound). */
export const MAX_CACHED_SESSIONS = 2000;

function tagValue(value: string | null, what: string): string {
  if (value === null) return NO_TAG_VALUE;
  // The tag is substituted into the policy's LeadingKeys patterns: a '*' or '#' would widen them.
  if (!isId(value)) throw new Error(`Invalid ${what} for a data session`);
  return value;
}

/**
 * Assumes a role with the session tags `TenantId` and `VendorId` and keeps the credentials per
 * scope until shortly before they expire; concurrent requests of one scope share one AssumeRole.
 */
export class SessionCredentialsCache {
  private readonly sessions = new Map<string, { credentials: SessionCredentials } | { pending: Promise<SessionCredentials> }>();
  private assumed = 0;

  constructor(
    private readonly sts: AssumeRoleSender,
    private readonly roleArn: string,
    /** Names the sessions in CloudTrail (`<prefix>-<tenant>`). */
    private readonly sessionPrefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** AssumeRole calls made so far (tests and diagnostics). */
  assumeRoleCount(): number {
    return this.assumed;
  }

  /** A credentials provider bound to one scope, as the SDK client's `credentials` option. */
  provider(scope: SessionScope): () => Promise<SessionCredentials> {
    const tags = { TenantId: tagValue(scope.tenantId, 'tenant id'), VendorId: tagValue(scope.vendorId, 'vendor id') };
    const key = `${tags.TenantId}|${tags.VendorId}`;
    return () => this.credentialsFor(key, tags);
  }

  private async credentialsFor(key: string, tags: { TenantId: string; VendorId: string }): Promise<SessionCredentials> {
    const entry = this.sessions.get(key);
    if (entry && 'pending' in entry) return entry.pending;
    if (entry && entry.credentials.expiration.getTime() - REFRESH_MARGIN_MS > this.now()) {
      // Most recently used last: the oldest entry is the one evicted.
      this.sessions.delete(key);
      this.sessions.set(key, entry);
      return entry.credentials;
    }
    const pending = this.assume(tags);
    this.sessions.set(key, { pending });
    try {
      const credentials = await pending;
      this.sessions.delete(key);
      this.sessions.set(key, { credentials });
      while (this.sessions.size > MAX_CACHED_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
      return credentials;
    } catch (error) {
      this.sessions.delete(key);
      throw error;
    }
  }

  private async assume(tags: { TenantId: string; VendorId: string }): Promise<SessionCredentials> {
    this.assumed += 1;
    const out = await this.sts.send(
      new AssumeRoleCommand({
        RoleArn: this.roleArn,
        RoleSessionName: `${this.sessionPrefix}-${tags.TenantId}`,
        DurationSeconds: 3600,
        Tags: [
          { Key: 'TenantId', Value: tags.TenantId },
          { Key: 'VendorId', Value: tags.VendorId },
        ],
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new Error('AssumeRole answered without credentials');
    }
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  }
}

/** The two caches the data layer uses in the cloud. */
export function scopedSessions(config: ScopedDataConfig): { tenant: SessionCredentialsCache; platform: SessionCredentialsCache } {
  const sts = config.sts ?? new STSClient({ region: config.region ?? 'ap-northeast-1' });
  return {
    tenant: new SessionCredentialsCache(sts, config.tenantRoleArn, 'tenant'),
    platform: new SessionCredentialsCache(sts, config.platformRoleArn, 'platform'),
  };
}
