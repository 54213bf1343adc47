import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb, TenantDb } from './db.js';
import { keys } from './keys.js';
import { hashToken, newOneTimeToken, peekToken, type OneTimeToken } from './tokens.js';
import { writeAtomically, type TransactItem } from './transact.js';
import { TTL_ATTRIBUTE } from './table.js';
import { isConditionFailure } from './errors.js';

/** Links of which only the newest works: issuing one makes every earlier one of its kind dead. */
export type LinkKind = 'invitation' | 'password_reset';

/**
 * A new emailed link: the token (hashed) and the person's current-link pointer, which names this
 * token alone. Consuming checks the pointer, so an older link of the same kind no longer works.
 */
export function newLinkItems(
  platform: PlatformDb,
  db: TenantDb,
  link: { kind: LinkKind; userId: string; expiresAt: string },
): { secret: string; items: TransactItem[] } {
  const token = newOneTimeToken(platform, { kind: link.kind, tenantId: db.tenantId, userId: link.userId, expiresAt: link.expiresAt });
  const pointer: TransactItem = {
    Put: {
      TableName: db.table,
      Item: {
        ...keys.currentLink(db.tenantId, link.userId, link.kind),
        entity: 'link',
        tokenHash: hashToken(token.secret),
        [TTL_ATTRIBUTE]: Math.floor(Date.parse(link.expiresAt) / 1000),
      },
    },
  };
  return { secret: token.secret, items: [token.item, pointer] };
}

/** Reads a link without using it: null when unknown, expired, of another kind, or superseded by a newer one. */
export async function peekLink(platform: PlatformDb, secret: string, kind: LinkKind, now: Date): Promise<OneTimeToken | null> {
  const found = await peekToken(platform, secret, kind, now);
  if (!found) return null;
  const out = await platform.doc.send(
    new GetCommand({ TableName: platform.table, Key: keys.currentLink(found.tenantId, found.userId, kind), ConsistentRead: true }),
  );
  return out.Item?.tokenHash === hashToken(secret) ? found : null;
}

/**
 * The items that use a link up: the token itself and the pointer, on the condition that the pointer
 * still names this token. Once one link is used, every link of that kind for the person is dead.
 */
export function consumeLinkItems(platform: PlatformDb, db: TenantDb, secret: string, kind: LinkKind, userId: string): TransactItem[] {
  const tokenHash = hashToken(secret);
  return [
    { Delete: { TableName: platform.table, Key: keys.oneTimeToken(tokenHash), ConditionExpression: 'attribute_exists(pk)' } },
    {
      Delete: {
        TableName: db.table,
        Key: keys.currentLink(db.tenantId, userId, kind),
        ConditionExpression: 'tokenHash = :h',
        ExpressionAttributeValues: { ':h': tokenHash },
      },
    },
  ];
}

/** One person's sign-in security record (see keys.userSecurity). */
export interface UserSecurity {
  /** Sessions started before this instant no longer refresh (a password reset sets it). */
  sessionsValidFrom: string | null;
  /** The sealed TOTP seed once enrolment is confirmed. */
  totpSecret: string | null;
  /** A seed shown for enrolment, not yet confirmed with a code. */
  pendingTotpSecret: string | null;
  /** The last TOTP time step accepted: a code of that step or earlier is a replay. */
  lastTimeStep: number | null;
  /** Hashes of the recovery codes not used yet. */
  recoveryCodeHashes: string[];
  mfaEnabledAt: string | null;
  /** The person's passkeys (WebAuthn credentials). */
  passkeys: StoredPasskey[];
  /** The WebAuthn challenge of a passkey registration under way. */
  pendingPasskeyChallenge: string | null;
}

export interface StoredPasskey {
  /** The credential id (base64url). */
  id: string;
  /** The COSE public key (base64url). */
  publicKey: string;
  counter: number;
  transports: string[];
  createdAt: string;
}

/** A person's security item and passkeys: one consistent Query on their security partition. */
export async function getUserSecurity(db: TenantDb, userId: string): Promise<UserSecurity> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.userSecurityPartition(db.tenantId, userId).pk },
      ConsistentRead: true,
    }),
  );
  const items = out.Items ?? [];
  const i = items.find((x) => x.sk === keys.userSecurity(db.tenantId, userId).sk) ?? {};
  const passkeys = items
    .filter((x) => x.entity === 'passkey')
    .map((x) => ({
      id: x.credentialId as string,
      publicKey: x.publicKey as string,
      counter: x.counter as number,
      transports: (x.transports as string[] | undefined) ?? [],
      createdAt: x.createdAt as string,
    }));
  return {
    passkeys,
    pendingPasskeyChallenge: (i.pendingPasskeyChallenge as string | undefined) ?? null,
    sessionsValidFrom: (i.sessionsValidFrom as string | undefined) ?? null,
    totpSecret: (i.totpSecret as string | undefined) ?? null,
    pendingTotpSecret: (i.pendingTotpSecret as string | undefined) ?? null,
    lastTimeStep: (i.lastTimeStep as number | undefined) ?? null,
    recoveryCodeHashes: i.recoveryCodes instanceof Set ? [...(i.recoveryCodes as Set<string>)] : [],
    mfaEnabledAt: (i.mfaEnabledAt as string | undefined) ?? null,
  };
}

const securityKey = (db: TenantDb, userId: string) => keys.userSecurity(db.tenantId, userId);

/** Voids every session the person started before `at` (their refresh tokens stop working). */
export function revokeSessionsItem(db: TenantDb, userId: string, at: string): TransactItem {
  return {
    Update: {
      TableName: db.table,
      Key: securityKey(db, userId),
      UpdateExpression: 'SET sessionsValidFrom = :at, entity = :e',
      ExpressionAttributeValues: { ':at': at, ':e': 'userSecurity' },
    },
  };
}

/** Keeps a seed shown for enrolment until a code confirms it (a new setup replaces it). */
export async function setPendingTotp(db: TenantDb, userId: string, sealedSecret: string): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: securityKey(db, userId),
      UpdateExpression: 'SET pendingTotpSecret = :s, entity = :e',
      ExpressionAttributeValues: { ':s': sealedSecret, ':e': 'userSecurity' },
    }),
  );
}

/**
 * Confirms enrolment: the pending seed becomes the seed, the confirming code's time step is spent
 * and the recovery codes are stored (hashed). Fails (false) if the pending seed changed meanwhile
 * or MFA is already on.
 */
export async function activateTotp(
  db: TenantDb,
  userId: string,
  change: { sealedSecret: string; timeStep: number; recoveryCodeHashes: string[]; at: string },
): Promise<boolean> {
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: securityKey(db, userId),
        UpdateExpression: 'SET totpSecret = :s, lastTimeStep = :ts, recoveryCodes = :rc, mfaEnabledAt = :at REMOVE pendingTotpSecret',
        ConditionExpression: 'pendingTotpSecret = :s AND attribute_not_exists(totpSecret)',
        ExpressionAttributeValues: {
          ':s': change.sealedSecret,
          ':ts': change.timeStep,
          ':rc': new Set(change.recoveryCodeHashes),
          ':at': change.at,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Spends a TOTP time step: fails (false) when that step or a later one was already used (a replay). */
export async function spendTimeStep(
  db: TenantDb,
  userId: string,
  timeStep: number,
  extra: { platform: PlatformDb; consumeToken?: string },
): Promise<boolean> {
  return conditional(
    db,
    {
      Key: securityKey(db, userId),
      UpdateExpression: 'SET lastTimeStep = :ts',
      ConditionExpression: 'attribute_exists(totpSecret) AND (attribute_not_exists(lastTimeStep) OR lastTimeStep < :ts)',
      ExpressionAttributeValues: { ':ts': timeStep },
    },
    extra,
  );
}

/** Uses one recovery code up: fails (false) when it is unknown or was used already. */
export async function spendRecoveryCode(
  db: TenantDb,
  userId: string,
  codeHash: string,
  extra: { platform: PlatformDb; consumeToken?: string },
): Promise<boolean> {
  return conditional(
    db,
    {
      Key: securityKey(db, userId),
      UpdateExpression: 'DELETE recoveryCodes :set',
      ConditionExpression: 'contains(recoveryCodes, :h)',
      ExpressionAttributeValues: { ':set': new Set([codeHash]), ':h': codeHash },
    },
    extra,
  );
}

/** Replaces the recovery codes (the old ones stop working). */
export async function replaceRecoveryCodes(db: TenantDb, userId: string, hashes: string[]): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: securityKey(db, userId),
      UpdateExpression: 'SET recoveryCodes = :rc',
      ConditionExpression: 'attribute_exists(totpSecret)',
      ExpressionAttributeValues: { ':rc': new Set(hashes) },
    }),
  );
}

/** Turns MFA off: the seed, its last step, the recovery codes and every passkey are removed. */
export async function disableMfa(db: TenantDb, userId: string, passkeyIds: string[]): Promise<void> {
  await writeAtomically(db, [
    {
      Update: {
        TableName: db.table,
        Key: securityKey(db, userId),
        UpdateExpression: 'REMOVE totpSecret, pendingTotpSecret, lastTimeStep, recoveryCodes, mfaEnabledAt, pendingPasskeyChallenge',
      },
    },
    ...passkeyIds.map((id) => ({ Delete: { TableName: db.table, Key: keys.userPasskey(db.tenantId, userId, id) } })),
  ]);
}

/** Keeps the WebAuthn challenge of a passkey registration until its answer comes. */
export async function setPendingPasskeyChallenge(db: TenantDb, userId: string, challenge: string): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: securityKey(db, userId),
      UpdateExpression: 'SET pendingPasskeyChallenge = :c, entity = :e',
      ExpressionAttributeValues: { ':c': challenge, ':e': 'userSecurity' },
    }),
  );
}

/**
 * Stores a verified passkey and uses up the registration's challenge (false if it was used
 * meanwhile). The first MFA method of a person also brings the recovery codes.
 */
export async function addPasskey(
  db: TenantDb,
  userId: string,
  change: { passkey: StoredPasskey; challenge: string; recoveryCodeHashes: string[] | null; at: string },
): Promise<boolean> {
  const recovery = change.recoveryCodeHashes;
  try {
    await writeAtomically(db, [
      {
        Put: {
          TableName: db.table,
          Item: {
            ...keys.userPasskey(db.tenantId, userId, change.passkey.id),
            entity: 'passkey',
            credentialId: change.passkey.id,
            publicKey: change.passkey.publicKey,
            counter: change.passkey.counter,
            transports: change.passkey.transports,
            createdAt: change.passkey.createdAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: db.table,
          Key: securityKey(db, userId),
          UpdateExpression: `SET mfaEnabledAt = if_not_exists(mfaEnabledAt, :at)${recovery ? ', recoveryCodes = :rc' : ''} REMOVE pendingPasskeyChallenge`,
          ConditionExpression: 'pendingPasskeyChallenge = :c',
          ExpressionAttributeValues: { ':at': change.at, ':c': change.challenge, ...(recovery ? { ':rc': new Set(recovery) } : {}) },
        },
      },
    ]);
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Records a passkey sign-in: its signature counter moves on (a counter that does not grow, other
 * than the 0 of authenticators without one, is a cloned key) and the MFA challenge is used up.
 */
export async function usePasskey(
  db: TenantDb,
  userId: string,
  credentialId: string,
  newCounter: number,
  extra: { platform: PlatformDb; consumeToken: string },
): Promise<boolean> {
  return conditional(
    db,
    {
      Key: keys.userPasskey(db.tenantId, userId, credentialId),
      UpdateExpression: 'SET #counter = :n',
      ConditionExpression: 'attribute_exists(pk) AND (#counter < :n OR (#counter = :zero AND :n = :zero))',
      ExpressionAttributeValues: { ':n': newCounter, ':zero': 0 },
      ExpressionAttributeNames: { '#counter': 'counter' },
    },
    extra,
  );
}

/** Keeps the WebAuthn challenge of a passkey sign-in on the MFA challenge it belongs to. */
export async function setTokenWebauthnChallenge(platform: PlatformDb, secret: string, challenge: string): Promise<void> {
  await platform.doc.send(
    new UpdateCommand({
      TableName: platform.table,
      Key: keys.oneTimeToken(hashToken(secret)),
      UpdateExpression: 'SET webauthnChallenge = :c',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':c': challenge },
    }),
  );
}

export async function getTokenWebauthnChallenge(platform: PlatformDb, secret: string): Promise<string | null> {
  const out = await platform.doc.send(
    new GetCommand({ TableName: platform.table, Key: keys.oneTimeToken(hashToken(secret)), ConsistentRead: true }),
  );
  return (out.Item?.webauthnChallenge as string | undefined) ?? null;
}

type ConditionalUpdate = {
  Key: Record<string, unknown>;
  UpdateExpression: string;
  ConditionExpression: string;
  ExpressionAttributeValues: Record<string, unknown>;
  ExpressionAttributeNames?: Record<string, string>;
};

/** A conditional update, optionally together with the use of a one-time token (an MFA challenge). */
async function conditional(
  db: TenantDb,
  update: ConditionalUpdate,
  extra: { platform: PlatformDb; consumeToken?: string },
): Promise<boolean> {
  const items: TransactItem[] = [{ Update: { TableName: db.table, ...update } }];
  if (extra.consumeToken) {
    items.push({
      Delete: {
        TableName: extra.platform.table,
        Key: keys.oneTimeToken(hashToken(extra.consumeToken)),
        ConditionExpression: 'attribute_exists(pk)',
      },
    });
  }
  try {
    await writeAtomically(db, items);
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The company's sign-in security settings. */
export interface SecuritySettings {
  /** HR admins and managers must use MFA (vendor and platform admins always must). */
  requireMfaForAdmins: boolean;
  updatedAt: string | null;
}

export async function getSecuritySettings(db: TenantDb): Promise<SecuritySettings> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.securitySettings(db.tenantId) }));
  return { requireMfaForAdmins: out.Item?.requireMfaForAdmins === true, updatedAt: (out.Item?.updatedAt as string | undefined) ?? null };
}

export function securitySettingsItem(db: TenantDb, settings: { requireMfaForAdmins: boolean; updatedAt: string }): TransactItem {
  return { Put: { TableName: db.table, Item: { ...keys.securitySettings(db.tenantId), entity: 'securitySettings', ...settings } } };
}

/** Claims one person for one bulk re-invitation request: false when that request already did (a retry). */
export function reinviteClaimItem(db: TenantDb, requestKey: string, userId: string, now: Date): TransactItem {
  return {
    Put: {
      TableName: db.table,
      Item: {
        ...keys.reinviteClaim(db.tenantId, requestKey, userId),
        entity: 'reinviteClaim',
        [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + 7 * 86400,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
