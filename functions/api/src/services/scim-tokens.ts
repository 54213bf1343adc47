import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isId, randomId } from '@manabi/core';
import {
  findScimTokenLookup,
  getScimToken,
  getUser,
  revokeScimTokenItems,
  scimTokenItems,
  touchScimToken,
  writeAtomically,
  type ScimTokenRecord,
} from '@manabi/data';
import type { AppDeps, AuthClaims } from '../env.js';
import { notFound } from '../errors.js';
import { auditEventItem, personActor } from './audit.js';

/**
 * A SCIM token is `mnbscim.<token id>.<secret>`: the id finds the token's record (and with it the
 * company, the only way a SCIM request learns its tenant), the 256-bit secret proves it. Only the
 * secret's SHA-256 is kept, sealed with the deploy's key (a local key file, or the cloud's app key).
 */
const PREFIX = 'mnbscim';
const hashOf = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();
const sealContext = (tenantId: string, tokenId: string) => `scim-token:${tenantId}:${tokenId}`;

/** How often "last used" is rewritten at most. */
const LAST_USED_EVERY_MS = 60_000;

type TokenDeps = Pick<AppDeps, 'data' | 'now' | 'secrets'>;

/** HR creates a token: its record and the secret, which is shown this once and never again. */
export async function createScimToken(
  deps: TokenDeps,
  auth: AuthClaims,
  name: string,
): Promise<{ token: ScimTokenRecord; secret: string }> {
  const db = deps.data.identityFor(auth);
  const me = await getUser(db, auth.userId);
  const id = randomId();
  const secret = randomBytes(32).toString('base64url');
  const token: ScimTokenRecord = {
    id,
    name,
    createdAt: deps.now().toISOString(),
    createdBy: { id: auth.userId, name: me?.name ?? '' },
    lastUsedAt: null,
    revokedAt: null,
  };
  const sealed = deps.secrets.seal(hashOf(secret).toString('hex'), sealContext(auth.tenantId, id));
  await writeAtomically(db, [
    ...scimTokenItems(db, token, sealed),
    auditEventItem(deps, auth.tenantId, {
      type: 'scim_token.created',
      actor: personActor({ id: auth.userId, name: token.createdBy.name }),
      subject: { kind: 'scim_token', id, name },
    }),
  ]);
  return { token, secret: `${PREFIX}.${id}.${secret}` };
}

/** Revokes at once (the lookup is deleted in the same write); revoking a revoked token changes nothing. */
export async function revokeScimToken(deps: TokenDeps, auth: AuthClaims, tokenId: string): Promise<void> {
  const db = deps.data.identityFor(auth);
  const token = isId(tokenId) ? await getScimToken(db, tokenId) : null;
  if (!token) throw notFound('scim_token');
  if (token.revokedAt) return;
  const me = await getUser(db, auth.userId);
  await writeAtomically(db, [
    ...revokeScimTokenItems(db, tokenId, deps.now().toISOString()),
    auditEventItem(deps, auth.tenantId, {
      type: 'scim_token.revoked',
      actor: personActor({ id: auth.userId, name: me?.name ?? '' }),
      subject: { kind: 'scim_token', id: tokenId, name: token.name },
    }),
  ]);
}

/** The company and token a presented bearer value belongs to, or null (unknown, revoked, or a wrong secret). */
export async function resolveScimToken(deps: TokenDeps, presented: string): Promise<{ tenantId: string; token: ScimTokenRecord } | null> {
  const [prefix, tokenId, secret, ...rest] = presented.split('.');
  if (prefix !== PREFIX || !tokenId || !secret || rest.length > 0 || !isId(tokenId)) return null;
  const lookup = await findScimTokenLookup(deps.data.platform, tokenId);
  if (!lookup) return null;
  const storedHex = deps.secrets.open(lookup.sealedHash, sealContext(lookup.tenantId, tokenId));
  if (!storedHex) return null;
  const stored = Buffer.from(storedHex, 'hex');
  const given = hashOf(secret);
  if (stored.length !== given.length || !timingSafeEqual(stored, given)) return null;
  const db = deps.data.clientFor({ tenantId: lookup.tenantId });
  const token = await getScimToken(db, tokenId);
  if (!token || token.revokedAt) return null;
  await touchScimToken(db, tokenId, deps.now(), LAST_USED_EVERY_MS);
  return { tenantId: lookup.tenantId, token };
}
