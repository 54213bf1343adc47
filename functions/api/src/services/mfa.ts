// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- qrcode ships no types, and other projects (test/) compile this file too
/// <reference path="../types/qrcode.d.ts" />
import { createHash, randomBytes } from 'node:crypto';
import { toString as qrSvg } from 'qrcode';
import {
  MFA_CHALLENGE_MAX_ATTEMPTS,
  MFA_CHALLENGE_SECONDS,
  generateRecoveryCodes,
  normalizeRecoveryCode,
  normalizeTotpCode,
} from '@manabi/core';
import {
  activateTotp,
  consumeToken,
  countTokenAttempt,
  getUserSecurity,
  newOneTimeToken,
  peekToken,
  recordAudit,
  setPendingTotp,
  spendRecoveryCode,
  spendTimeStep,
  type AuditActor,
  type TenantDb,
  type UserRecord,
} from '@manabi/data';
import type { AppDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { checkTotp, newTotpSecret, totpUri } from '../auth/totp.js';
import { brandingForTenant } from './branding.js';

/** A seed is sealed to its owner: copied onto another person's record it does not open. */
const sealContext = (db: TenantDb, userId: string) => `totp:${db.tenantId}:${userId}`;
/** Recovery codes are stored as SHA-256 hashes of their normalised form. */
export const hashRecoveryCode = (code: string) => createHash('sha256').update(code).digest('hex');
const hashCode = hashRecoveryCode;
const actorOf = (user: Pick<UserRecord, 'id' | 'name'>): AuditActor => ({ kind: 'user', id: user.id, name: user.name });

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  /** The otpauth URI as a QR code (an SVG data URL) for the authenticator app to scan. */
  qrDataUrl: string;
}

/** The step between password and code: a short-lived, hashed, one-time token naming the person. */
export function newMfaChallenge(deps: Pick<AppDeps, 'data' | 'now'>, user: Pick<UserRecord, 'id' | 'tenantId'>) {
  const token = newOneTimeToken(deps.data.platform, {
    kind: 'mfa_challenge',
    tenantId: user.tenantId,
    userId: user.id,
    expiresAt: new Date(deps.now().getTime() + MFA_CHALLENGE_SECONDS * 1000).toISOString(),
  });
  return { challengeToken: token.secret, expiresIn: MFA_CHALLENGE_SECONDS, item: token.item };
}

/** Whose challenge a token is; 401 when it is unknown, expired or used. */
export async function openChallenge(deps: AppDeps, challengeToken: string): Promise<{ tenantId: string; userId: string }> {
  const found = await peekToken(deps.data.platform, challengeToken, 'mfa_challenge', deps.now());
  if (!found) throw new ApiError(401, 'mfa_challenge_expired');
  return found;
}

/** Counts one code against a challenge; past the limit the challenge dies and the answer is 429. */
export async function countChallengeAttempt(deps: AppDeps, challengeToken: string): Promise<void> {
  if (await countTokenAttempt(deps.data.platform, challengeToken, MFA_CHALLENGE_MAX_ATTEMPTS)) return;
  await consumeToken(deps.data.platform, challengeToken);
  throw new ApiError(429, 'rate_limited', 'rate_limited.mfa');
}

/** Starts TOTP enrolment: a new seed, kept sealed as pending until a code confirms it. */
export async function startTotpSetup(deps: AppDeps, db: TenantDb, user: UserRecord): Promise<TotpSetup> {
  const security = await getUserSecurity(db, user.id);
  if (security.totpSecret) throw new ApiError(409, 'mfa_already_enabled');
  const secret = newTotpSecret();
  await setPendingTotp(db, user.id, deps.secrets.seal(secret, sealContext(db, user.id)));
  // The authenticator app lists the account under the brand the person knows (the vendor's, on a white label).
  const { branding } = await brandingForTenant(deps, db.tenantId);
  const otpauthUrl = totpUri(secret, branding.productName, user.email);
  const svg = await qrSvg(otpauthUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUrl, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** Confirms enrolment with a code from the app; answers the recovery codes (shown once, stored hashed). */
export async function confirmTotpSetup(deps: AppDeps, db: TenantDb, user: UserRecord, input: string): Promise<string[]> {
  const security = await getUserSecurity(db, user.id);
  if (security.totpSecret) throw new ApiError(409, 'mfa_already_enabled');
  const secret = security.pendingTotpSecret ? deps.secrets.open(security.pendingTotpSecret, sealContext(db, user.id)) : null;
  if (!secret || !security.pendingTotpSecret) throw new ApiError(409, 'mfa_setup_missing');
  const code = normalizeTotpCode(input);
  const now = deps.now();
  const step = code ? await checkTotp(secret, code, now, null) : null;
  if (step === null) {
    await recordAudit(db, {
      at: now.toISOString(),
      actor: actorOf(user),
      action: 'mfa.failed',
      detail: { userId: user.id, stage: 'enrolment' },
    });
    throw invalidCode();
  }
  const codes = generateRecoveryCodes((n) => randomBytes(n));
  const activated = await activateTotp(db, user.id, {
    sealedSecret: security.pendingTotpSecret,
    timeStep: step,
    recoveryCodeHashes: codes.map((c) => hashCode(normalizeRecoveryCode(c)!)),
    at: now.toISOString(),
  });
  if (!activated) throw new ApiError(409, 'mfa_setup_missing');
  await recordAudit(db, {
    at: now.toISOString(),
    actor: actorOf(user),
    action: 'mfa.enrolled',
    detail: { userId: user.id, method: 'totp' },
  });
  return codes;
}

/**
 * Checks a second factor: a TOTP code (each time step usable once) or a recovery code (each usable
 * once). `challengeToken`, when given, is used up in the same write, so one challenge yields one
 * session. Failures are audited and answer 401.
 */
export async function verifySecondFactor(
  deps: AppDeps,
  db: TenantDb,
  user: UserRecord,
  input: string,
  challengeToken?: string,
): Promise<'totp' | 'recovery'> {
  const security = await getUserSecurity(db, user.id);
  if (!security.totpSecret && security.passkeys.length === 0) throw new ApiError(409, 'mfa_not_enabled');
  const now = deps.now();
  const extra = { platform: deps.data.platform, ...(challengeToken ? { consumeToken: challengeToken } : {}) };
  const code = normalizeTotpCode(input);
  if (code) {
    if (!security.totpSecret) throw invalidCode();
    const secret = deps.secrets.open(security.totpSecret, sealContext(db, user.id));
    if (!secret) throw new Error('The TOTP seed does not open with this key');
    const step = await checkTotp(secret, code, now, security.lastTimeStep);
    if (step !== null && (await spendTimeStep(db, user.id, step, extra))) return 'totp';
  } else {
    const recovery = normalizeRecoveryCode(input);
    if (recovery && (await spendRecoveryCode(db, user.id, hashCode(recovery), extra))) {
      await recordAudit(db, {
        at: now.toISOString(),
        actor: actorOf(user),
        action: 'mfa.recovery_code_used',
        detail: { userId: user.id, left: security.recoveryCodeHashes.length - 1 },
      });
      return 'recovery';
    }
  }
  await recordAudit(db, {
    at: now.toISOString(),
    actor: actorOf(user),
    action: 'mfa.failed',
    detail: { userId: user.id, stage: 'sign_in' },
  });
  throw invalidCode();
}

const invalidCode = () => new ApiError(401, 'invalid_mfa_code', 'invalid_mfa_code', [{ path: 'code', message: 'field.mfa_code' }]);
