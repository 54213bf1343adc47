import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SsoJit, SsoMapping, SsoProtocol } from '@manabi/core';
import type { PlatformDb, TenantDb } from './db.js';
import { keys } from './keys.js';
import { TTL_ATTRIBUTE } from './table.js';
import { writeAtomically, type TransactItem } from './transact.js';
import { ConflictError, cancelledIndexes, isConditionFailure } from './errors.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** The base of the redirect URI, fixed when first configured (the IdP registered it). */
  spBaseUrl: string;
  /** Sealed with the app's secret box (bound to the company). */
  sealedClientSecret: string;
}

export interface SamlSettings {
  idpEntityId: string;
  idpSsoUrl: string;
  /** The IdP's signing certificates (PEM bodies, base64 without headers). */
  idpCerts: string[];
  metadataUrl: string | null;
  /** This company's SP key (PKCS#8 PEM), sealed; it signs our AuthnRequests. */
  sealedSpKey: string;
  /** The SP certificate (PEM) published in our metadata. */
  spCert: string;
  /** The base of our SP URLs (entity id, ACS), fixed when first configured: the IdP registered them. */
  spBaseUrl: string;
}

export interface SsoConfigRecord {
  protocol: SsoProtocol;
  enabled: boolean;
  domains: string[];
  oidc: OidcSettings | null;
  saml: SamlSettings | null;
  jit: SsoJit;
  mapping: SsoMapping;
  ssoOnly: boolean;
  breakGlassUserId: string | null;
  version: number;
  updatedAt: string;
}

export async function getSsoConfig(db: TenantDb): Promise<SsoConfigRecord | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.ssoConfig(db.tenantId) }));
  if (!out.Item) return null;
  const { pk: _pk, sk: _sk, entity: _e, ...rest } = out.Item;
  return rest as SsoConfigRecord;
}

/**
 * Saves the configuration and moves the domain claims with it, in one transaction: a new domain is
 * claimed only if no company holds it (conditional put), a dropped one is released only if it is
 * still ours. `expectedVersion` (0 for none yet) refuses a save over someone else's newer change.
 * A domain another company holds is a 409 `sso_domain_taken` naming it.
 */
export async function saveSsoConfig(
  db: TenantDb,
  config: Omit<SsoConfigRecord, 'version'>,
  previous: SsoConfigRecord | null,
): Promise<SsoConfigRecord> {
  const version = (previous?.version ?? 0) + 1;
  const record: SsoConfigRecord = { ...config, version };
  const added = config.domains.filter((d) => !previous?.domains.includes(d));
  const dropped = (previous?.domains ?? []).filter((d) => !config.domains.includes(d));
  const items: TransactItem[] = [
    {
      Put: {
        TableName: db.table,
        Item: { ...keys.ssoConfig(db.tenantId), entity: 'ssoConfig', ...record },
        ConditionExpression: previous ? 'version = :v' : 'attribute_not_exists(pk)',
        ...(previous ? { ExpressionAttributeValues: { ':v': previous.version } } : {}),
      },
    },
    ...added.map((domain): TransactItem => ({
      Put: {
        TableName: db.table,
        Item: { ...keys.ssoDomain(domain), entity: 'ssoDomain', domain, tenantId: db.tenantId },
        // A claim left by this company (a retry) is its own; another company's is refused.
        ConditionExpression: 'attribute_not_exists(pk) OR tenantId = :t',
        ExpressionAttributeValues: { ':t': db.tenantId },
      },
    })),
    ...dropped.map((domain): TransactItem => ({
      Delete: {
        TableName: db.table,
        Key: keys.ssoDomain(domain),
        ConditionExpression: 'attribute_not_exists(pk) OR tenantId = :t',
        ExpressionAttributeValues: { ':t': db.tenantId },
      },
    })),
  ];
  try {
    await writeAtomically(db, items);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const failed = cancelledIndexes(error);
    const taken = failed.filter((i) => i >= 1 && i <= added.length).map((i) => added[i - 1]!);
    if (taken.length > 0)
      throw new ConflictError('sso_domain_taken', `Domain already used by another company: ${taken.join(', ')}`, 'domains');
    throw new ConflictError('stale', 'The SSO configuration was changed meanwhile');
  }
  return record;
}

/** Which company an email domain signs in with, if any. */
export async function findSsoDomain(db: PlatformDb, domain: string): Promise<string | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.ssoDomain(domain) }));
  return (out.Item?.tenantId as string | undefined) ?? null;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** What a started SSO sign-in keeps until its callback: whose it is and the values the callback must match. */
export interface SsoState {
  tenantId: string;
  protocol: SsoProtocol;
  /** OIDC: PKCE verifier and nonce. */
  codeVerifier?: string;
  nonce?: string;
  /** SAML: the AuthnRequest id the response must answer. */
  requestId?: string;
  /** The origin the person started from (the app's, or a vendor's host), where they return. */
  returnOrigin: string;
  expiresAt: string;
}

/** Stores a started sign-in under the hash of its state secret (the secret itself travels only through the IdP). */
export async function putSsoState(db: PlatformDb, secret: string, state: SsoState): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: {
        ...keys.ssoState(sha256(secret)),
        entity: 'ssoState',
        ...state,
        [TTL_ATTRIBUTE]: Math.floor(Date.parse(state.expiresAt) / 1000),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/**
 * Uses a started sign-in up: one conditional delete that answers what was stored, so a state works
 * once even when two callbacks race. Null when unknown, used or expired.
 */
export async function takeSsoState(db: PlatformDb, secret: string, now: Date): Promise<SsoState | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return null;
  try {
    const out = await db.doc.send(
      new DeleteCommand({
        TableName: db.table,
        Key: keys.ssoState(sha256(secret)),
        ConditionExpression: 'attribute_exists(pk)',
        ReturnValues: 'ALL_OLD',
      }),
    );
    const item = out.Attributes;
    if (!item || Date.parse(item.expiresAt as string) <= now.getTime()) return null;
    const { pk: _pk, sk: _sk, entity: _e, [TTL_ATTRIBUTE]: _ttl, ...state } = item;
    return state as SsoState;
  } catch (error) {
    if (isConditionFailure(error)) return null;
    throw error;
  }
}

/**
 * Claims a SAML assertion id (per issuer) until the assertion expires: false when it was used
 * before (a replay). The claim outlives the assertion's own validity, so a replay is always refused.
 */
export async function claimSamlAssertion(db: PlatformDb, issuer: string, assertionId: string, until: Date): Promise<boolean> {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          ...keys.samlAssertion(sha256(`${issuer}\n${assertionId}`)),
          entity: 'samlAssertion',
          [TTL_ATTRIBUTE]: Math.floor(until.getTime() / 1000) + 3600,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
