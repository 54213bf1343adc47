import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { generateRecoveryCodes, normalizeRecoveryCode } from '@manabi/core';
import {
  addPasskey,
  getTokenWebauthnChallenge,
  getUserSecurity,
  recordAudit,
  setPendingPasskeyChallenge,
  setTokenWebauthnChallenge,
  usePasskey,
  type TenantDb,
  type UserRecord,
} from '@manabi/data';
import type { AppDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { requestHost } from '../routes/branding.js';
import { brandingForTenant } from './branding.js';
import { hashRecoveryCode } from './mfa.js';

/**
 * Where a passkey belongs: the host the person is on (the platform's, or a vendor's domain) is
 * the relying party, and the browser's Origin must be that host, over https (plain http only for
 * localhost, as browsers themselves allow).
 */
export function relyingParty(deps: AppDeps, c: Context): { rpID: string; origin: string } {
  const rpID = requestHost(deps, c);
  const origin = c.req.header('origin') ?? '';
  let url: URL | null = null;
  try {
    url = new URL(origin);
  } catch {
    url = null;
  }
  const local = rpID === 'localhost' || rpID.endsWith('.localhost');
  if (!url || url.hostname !== rpID || !(url.protocol === 'https:' || (local && url.protocol === 'http:'))) {
    throw new ApiError(400, 'validation_error', 'validation_error', [{ path: 'origin', message: 'field.origin_missing' }]);
  }
  return { rpID, origin: url.origin };
}

/** Options for the browser to create a passkey; the challenge waits on the person's security item. */
export async function startPasskeyRegistration(
  deps: AppDeps,
  c: Context,
  db: TenantDb,
  user: UserRecord,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { rpID } = relyingParty(deps, c);
  const [security, { branding }] = await Promise.all([getUserSecurity(db, user.id), brandingForTenant(deps, db.tenantId)]);
  const options = await generateRegistrationOptions({
    rpName: branding.productName,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: security.passkeys.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await setPendingPasskeyChallenge(db, user.id, options.challenge);
  return options;
}

/** Checks the browser's new passkey against the pending challenge and stores it; the first MFA method brings recovery codes. */
export async function finishPasskeyRegistration(
  deps: AppDeps,
  c: Context,
  db: TenantDb,
  user: UserRecord,
  response: RegistrationResponseJSON,
): Promise<{ recoveryCodes: string[] | null }> {
  const { rpID, origin } = relyingParty(deps, c);
  const security = await getUserSecurity(db, user.id);
  if (!security.pendingPasskeyChallenge) throw new ApiError(409, 'mfa_setup_missing');
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: security.pendingPasskeyChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch {
    verified = null;
  }
  if (!verified?.verified) throw new ApiError(401, 'invalid_mfa_code');
  const firstMethod = !security.totpSecret && security.passkeys.length === 0;
  const codes = firstMethod ? generateRecoveryCodes((n) => randomBytes(n)) : null;
  const at = deps.now().toISOString();
  const { credential } = verified.registrationInfo;
  const added = await addPasskey(db, user.id, {
    passkey: {
      id: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
      createdAt: at,
    },
    challenge: security.pendingPasskeyChallenge,
    recoveryCodeHashes: codes ? codes.map((code) => hashRecoveryCode(normalizeRecoveryCode(code)!)) : null,
    at,
  });
  if (!added) throw new ApiError(409, 'mfa_setup_missing');
  await recordAudit(db, {
    at,
    actor: { kind: 'user', id: user.id, name: user.name },
    action: 'mfa.enrolled',
    detail: { userId: user.id, method: 'passkey' },
  });
  return { recoveryCodes: codes };
}

/** Options for a passkey sign-in (the second step); the challenge waits on the MFA challenge item. */
export async function startPasskeySignIn(
  deps: AppDeps,
  c: Context,
  db: TenantDb,
  user: UserRecord,
  challengeToken: string,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { rpID } = relyingParty(deps, c);
  const security = await getUserSecurity(db, user.id);
  if (security.passkeys.length === 0) throw new ApiError(409, 'mfa_not_enabled');
  const options = await generateAuthenticationOptions({
    rpID,
    allowCredentials: security.passkeys.map((p) => ({ id: p.id, transports: p.transports })),
    userVerification: 'preferred',
  });
  await setTokenWebauthnChallenge(deps.data.platform, challengeToken, options.challenge);
  return options;
}

/** Checks a passkey sign-in; the counter moves on and the MFA challenge is used up in one write. */
export async function finishPasskeySignIn(
  deps: AppDeps,
  c: Context,
  db: TenantDb,
  user: UserRecord,
  challengeToken: string,
  response: AuthenticationResponseJSON,
): Promise<void> {
  const { rpID, origin } = relyingParty(deps, c);
  const [security, expectedChallenge] = await Promise.all([
    getUserSecurity(db, user.id),
    getTokenWebauthnChallenge(deps.data.platform, challengeToken),
  ]);
  const passkey = security.passkeys.find((p) => p.id === response.id);
  const at = deps.now().toISOString();
  const fail = async () => {
    await recordAudit(db, {
      at,
      actor: { kind: 'user', id: user.id, name: user.name },
      action: 'mfa.failed',
      detail: { userId: user.id, stage: 'passkey' },
    });
    return new ApiError(401, 'invalid_mfa_code');
  };
  if (!passkey || !expectedChallenge) throw await fail();
  let result;
  try {
    result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: false,
    });
  } catch {
    result = null;
  }
  if (!result?.verified) throw await fail();
  const used = await usePasskey(db, user.id, passkey.id, result.authenticationInfo.newCounter, {
    platform: deps.data.platform,
    consumeToken: challengeToken,
  });
  if (!used) throw await fail();
}
