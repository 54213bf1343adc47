import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { emailSchema, isId, mfaRequiredFor, passwordSchema, ROLES, canSignIn, type Role } from '@manabi/core';
import {
  auditItem,
  consumeLinkItems,
  consumeToken,
  disableMfa,
  getSecuritySettings,
  getTenant,
  getUser,
  getUserSecurity,
  isConditionFailure,
  peekLink,
  recordAudit,
  revokeSessionsItem,
  securitySettingsItem,
  updateUser,
  writeAtomically,
  type AuditActor,
  type UserRecord,
} from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { errorSchema, idParams, passkeyCreationOptionsSchema, passkeyRequestOptionsSchema, sessionSchema } from '@manabi/contract';
import { hashPassword } from '../auth/password.js';
import { mailContextFor } from '../services/branding.js';
import { passwordResetItems, requestPasswordReset } from '../services/password-reset.js';
import { reinvite } from '../services/reinvite.js';
import { confirmTotpSetup, countChallengeAttempt, openChallenge, startTotpSetup, verifySecondFactor } from '../services/mfa.js';
import { startSession } from '../services/session.js';
import { finishPasskeyRegistration, finishPasskeySignIn, startPasskeyRegistration, startPasskeySignIn } from '../services/passkeys.js';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { clientIp, sessionResponse } from './auth.js';

const HR: readonly Role[] = ['tenant_admin'];
const ok = z.object({ ok: z.literal(true) });
const tokenField = z.string().min(1).max(200);
const codeField = z.string().trim().min(1).max(40);
const totpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() }).openapi('TotpSetup');
const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) }).openapi('RecoveryCodes');
const mfaStatusSchema = z
  .object({
    enabled: z.boolean(),
    required: z.boolean(),
    totp: z.boolean(),
    passkeys: z.number().int(),
    recoveryCodesLeft: z.number().int(),
    enabledAt: z.string().nullable(),
  })
  .openapi('MfaStatus');
/** A WebAuthn credential as the browser library serialises it (checked in full by @simplewebauthn/server). */
const webauthnResponse = z
  .object({
    id: z.string().min(1).max(1400),
    rawId: z.string().min(1).max(1400),
    type: z.literal('public-key'),
    response: z.record(z.string(), z.unknown()),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    authenticatorAttachment: z.string().max(40).optional(),
  })
  .passthrough();
const securitySettingsSchema = z.object({ requireMfaForAdmins: z.boolean() }).openapi('SecuritySettings');

/**
 * Password reset (self-service and by HR), bulk re-invitations, and MFA: the sign-in's second
 * step, enrolment, disabling, and the company's MFA policy. Every security event goes to the
 * company's audit log.
 */
export function registerAccountSecurityRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const selfActor = (user: Pick<UserRecord, 'id' | 'name'>): AuditActor => ({ kind: 'user', id: user.id, name: user.name });
  const signedInUser = async (auth: AuthClaims): Promise<UserRecord> => {
    const user = await getUser(deps.data.clientFor(auth), auth.userId);
    if (!user) throw notFound('user');
    return user;
  };
  /** The person and company behind an MFA challenge; 401 once it is unusable. */
  const challenged = async (challengeToken: string) => {
    const found = await openChallenge(deps, challengeToken);
    const db = deps.data.identityFor({ tenantId: found.tenantId });
    const [user, tenant] = await Promise.all([getUser(db, found.userId), getTenant(db)]);
    if (!user || !tenant || !canSignIn(user) || tenant.status !== 'active') throw new ApiError(401, 'mfa_challenge_expired');
    return { db, user, tenant };
  };

  // ── Password reset ────────────────────────────────────────────────────────────────────
  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/password-reset/request',
      roles: 'public',
      tags: ['auth'],
      summary: 'Ask for a password reset link (the same answer, in about the same time, whatever the address)',
      request: { body: jsonBody(z.object({ email: emailSchema })) },
      responses: {
        202: json(ok, 'If the address belongs to an account, a link is on its way'),
        400: ERROR_RESPONSES[400],
        429: json(errorSchema, 'Too many requests for this email or from this IP'),
      },
    }),
    async (c) => {
      await requestPasswordReset(deps, c.req.valid('json').email, clientIp(c, deps));
      return c.json({ ok: true as const }, 202);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/auth/password-reset',
      roles: 'public',
      tags: ['auth'],
      summary: 'Whose password a reset link sets (404 when it is used, expired or superseded)',
      request: { query: z.object({ token: tokenField }) },
      responses: { 200: json(z.object({ email: z.string() }).openapi('PasswordResetLink'), 'The link'), 404: ERROR_RESPONSES[404] },
    }),
    async (c) => {
      const found = await peekLink(deps.data.platform, c.req.valid('query').token, 'password_reset', deps.now());
      const user = found ? await getUser(deps.data.clientFor({ tenantId: found.tenantId }), found.userId) : null;
      if (!user || user.status !== 'active') throw new ApiError(404, 'not_found', 'not_found.invitation');
      return c.json({ email: user.email }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/password-reset/complete',
      roles: 'public',
      tags: ['auth'],
      summary: 'Set a new password with a reset link; every session of the person ends',
      request: { body: jsonBody(z.object({ token: tokenField, password: passwordSchema })) },
      responses: { 200: json(ok, 'Password changed; sign in with it'), 400: ERROR_RESPONSES[400] },
    }),
    async (c) => {
      const { token, password } = c.req.valid('json');
      const invalid = new ApiError(400, 'invalid_token', 'invalid_token', [{ path: 'token', message: 'field.invalid_or_expired' }]);
      const found = await peekLink(deps.data.platform, token, 'password_reset', deps.now());
      if (!found) throw invalid;
      const db = deps.data.identityFor({ tenantId: found.tenantId });
      const user = await getUser(db, found.userId);
      if (!user || user.status !== 'active') throw invalid;
      const at = deps.now().toISOString();
      try {
        // One transaction: the link is used (only if it is still the newest), the password
        // changes, every earlier session is voided, and the audit log says so.
        await updateUser(db, user, { passwordHash: await hashPassword(password) }, at, [
          ...consumeLinkItems(deps.data.platform, db, token, 'password_reset', user.id),
          revokeSessionsItem(db, user.id, at),
          auditItem(db, { at, actor: selfActor(user), action: 'password_reset.completed', detail: { userId: user.id } }),
        ]);
      } catch (error) {
        if (isConditionFailure(error) || (error as { code?: string }).code === 'conflict') throw invalid;
        throw error;
      }
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/users/{id}/password-reset',
      roles: HR,
      tags: ['users'],
      summary: 'Email a person a password reset link (HR)',
      request: { params: idParams },
      responses: {
        202: json(ok, 'Reset link queued'),
        409: json(errorSchema, 'The person has no password yet or is deactivated (not_active)'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.identityFor(auth);
      const id = c.req.valid('param').id;
      const user = isId(id) ? await getUser(db, id) : null;
      if (!user) throw notFound('user');
      if (user.status !== 'active') throw new ApiError(409, 'not_active');
      const hr = await signedInUser(auth);
      const at = deps.now().toISOString();
      await writeAtomically(db, [
        ...passwordResetItems(deps, db, user, await mailContextFor(deps, db.tenantId)),
        auditItem(db, { at, actor: selfActor(hr), action: 'password_reset.sent', detail: { userId: user.id } }),
      ]);
      return c.json({ ok: true as const }, 202);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/users/reinvite',
      roles: HR,
      tags: ['users'],
      summary: 'Email a fresh invitation to everyone still invited, or to the invited people of one department',
      request: {
        body: jsonBody(
          z.object({
            departmentId: z.string().max(40).nullable().default(null),
            /** A key of the client's choosing: a retried request with the same key sends nothing twice. */
            requestKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
          }),
        ),
      },
      responses: {
        200: json(
          z.object({ invited: z.number().int(), alreadySent: z.number().int(), matched: z.number().int() }).openapi('ReinviteResult'),
          'How many invitations were queued now, and how many this request had already queued',
        ),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const body = c.req.valid('json');
      const result = await reinvite(deps, deps.data.identityFor(auth), await signedInUser(auth), body);
      return c.json(result, 200);
    },
  );

  // ── MFA: the sign-in's second step ────────────────────────────────────────────────────
  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/mfa/verify',
      roles: 'public',
      tags: ['auth'],
      summary: 'Second sign-in step: a code from the authenticator app, or a recovery code',
      request: { body: jsonBody(z.object({ challengeToken: tokenField, code: codeField })) },
      responses: {
        200: json(sessionSchema, 'Signed in'),
        400: ERROR_RESPONSES[400],
        401: json(errorSchema, 'Wrong or replayed code (invalid_mfa_code), or the challenge expired (mfa_challenge_expired)'),
        409: json(errorSchema, 'MFA is not enabled for this person'),
        429: json(errorSchema, 'Too many wrong codes: the challenge is ended'),
      },
    }),
    async (c) => {
      const { challengeToken, code } = c.req.valid('json');
      const { db, user, tenant } = await challenged(challengeToken);
      await countChallengeAttempt(deps, challengeToken);
      const factor = await verifySecondFactor(deps, db, user, code, challengeToken);
      c.get('logger').bind({ tenantId: tenant.id, userId: user.id });
      const way = { method: factor === 'totp' ? 'password+totp' : 'password+recovery_code', ip: clientIp(c, deps) };
      return sessionResponse(deps, c, user, tenant, await startSession(deps, user, tenant, way), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/mfa/enrol/start',
      roles: 'public',
      tags: ['auth'],
      summary: 'During sign-in, where MFA is required and not set up: a new authenticator seed',
      request: { body: jsonBody(z.object({ challengeToken: tokenField })) },
      responses: {
        200: json(totpSetupSchema, 'The seed, its otpauth URI and QR code'),
        400: ERROR_RESPONSES[400],
        401: json(errorSchema, 'The challenge expired'),
        409: json(errorSchema, 'MFA is already on'),
      },
    }),
    async (c) => {
      const { db, user } = await challenged(c.req.valid('json').challengeToken);
      return c.json(await startTotpSetup(deps, db, user), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/mfa/enrol/confirm',
      roles: 'public',
      tags: ['auth'],
      summary: 'During sign-in: confirm the authenticator with a code; signed in, with the recovery codes (shown once)',
      request: { body: jsonBody(z.object({ challengeToken: tokenField, code: codeField })) },
      responses: {
        200: json(sessionSchema.extend({ recoveryCodes: z.array(z.string()) }), 'Enrolled and signed in'),
        400: ERROR_RESPONSES[400],
        401: json(errorSchema, 'Wrong code, or the challenge expired'),
        409: json(errorSchema, 'No setup started, or MFA already on'),
        429: json(errorSchema, 'Too many wrong codes'),
      },
    }),
    async (c) => {
      const { challengeToken, code } = c.req.valid('json');
      const { db, user, tenant } = await challenged(challengeToken);
      await countChallengeAttempt(deps, challengeToken);
      const recoveryCodes = await confirmTotpSetup(deps, db, user, code);
      // One challenge, one session: if another request used it meanwhile, this one signs nobody in.
      if (!(await consumeToken(deps.data.platform, challengeToken))) throw new ApiError(401, 'mfa_challenge_expired');
      const way = { method: 'password+totp_enrolment', ip: clientIp(c, deps) };
      return sessionResponse(deps, c, user, tenant, await startSession(deps, user, tenant, way), 200, { recoveryCodes });
    },
  );

  // ── MFA: the signed-in person's own settings ──────────────────────────────────────────
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/mfa',
      roles: ROLES,
      tags: ['me'],
      summary: 'Whether two-step verification is on, required for me, and recovery codes left',
      responses: { 200: json(mfaStatusSchema, 'MFA status'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const [security, settings] = await Promise.all([getUserSecurity(db, auth.userId), getSecuritySettings(db)]);
      return c.json(
        {
          enabled: security.totpSecret !== null || security.passkeys.length > 0,
          required: mfaRequiredFor(auth.role, settings),
          totp: security.totpSecret !== null,
          passkeys: security.passkeys.length,
          recoveryCodesLeft: security.recoveryCodeHashes.length,
          enabledAt: security.mfaEnabledAt,
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/me/mfa/totp/start',
      roles: ROLES,
      tags: ['me'],
      summary: 'Start setting up an authenticator app: a new seed (pending until confirmed)',
      responses: {
        200: json(totpSetupSchema, 'The seed, its otpauth URI and QR code'),
        409: json(errorSchema, 'MFA is already on'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      return c.json(await startTotpSetup(deps, deps.data.clientFor(auth), await signedInUser(auth)), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/me/mfa/totp/confirm',
      roles: ROLES,
      tags: ['me'],
      summary: 'Confirm the authenticator app with a code; answers the recovery codes (shown once)',
      request: { body: jsonBody(z.object({ code: codeField })) },
      responses: {
        ...ERROR_RESPONSES,
        200: json(recoveryCodesSchema, 'MFA on'),
        401: json(errorSchema, 'Wrong code'),
        409: json(errorSchema, 'No setup started, or MFA already on'),
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const recoveryCodes = await confirmTotpSetup(deps, deps.data.clientFor(auth), await signedInUser(auth), c.req.valid('json').code);
      return c.json({ recoveryCodes }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/me/mfa/disable',
      roles: ROLES,
      tags: ['me'],
      summary: 'Turn two-step verification off (a current code or a recovery code confirms it)',
      request: { body: jsonBody(z.object({ code: codeField })) },
      responses: {
        ...ERROR_RESPONSES,
        200: json(ok, 'MFA off'),
        401: json(errorSchema, 'Wrong code'),
        409: json(errorSchema, 'Required for this role (mfa_required), or not on (mfa_not_enabled)'),
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      if (mfaRequiredFor(auth.role, await getSecuritySettings(db))) throw new ApiError(409, 'mfa_required');
      const user = await signedInUser(auth);
      await verifySecondFactor(deps, db, user, c.req.valid('json').code);
      const { passkeys } = await getUserSecurity(db, user.id);
      await disableMfa(
        db,
        user.id,
        passkeys.map((p) => p.id),
      );
      await recordAudit(db, { at: deps.now().toISOString(), actor: selfActor(user), action: 'mfa.disabled', detail: { userId: user.id } });
      return c.json({ ok: true as const }, 200);
    },
  );

  // ── Passkeys (WebAuthn) ───────────────────────────────────────────────────────────────
  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/me/mfa/passkeys/options',
      roles: ROLES,
      tags: ['me'],
      summary: 'Options for the browser to create a passkey on this host',
      responses: { 200: json(passkeyCreationOptionsSchema, 'WebAuthn creation options'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      return c.json(await startPasskeyRegistration(deps, c, deps.data.clientFor(auth), await signedInUser(auth)), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/me/mfa/passkeys',
      roles: ROLES,
      tags: ['me'],
      summary: 'Add the passkey the browser created; the first MFA method also answers the recovery codes (shown once)',
      request: { body: jsonBody(z.object({ response: webauthnResponse })) },
      responses: {
        ...ERROR_RESPONSES,
        201: json(z.object({ recoveryCodes: z.array(z.string()).nullable() }).openapi('PasskeyAdded'), 'Passkey added'),
        401: json(errorSchema, 'The passkey did not verify'),
        409: json(errorSchema, 'No registration started'),
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const response = c.req.valid('json').response as unknown as RegistrationResponseJSON;
      return c.json(await finishPasskeyRegistration(deps, c, deps.data.clientFor(auth), await signedInUser(auth), response), 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/mfa/passkey/options',
      roles: 'public',
      tags: ['auth'],
      summary: 'Second sign-in step with a passkey: options for the browser',
      request: { body: jsonBody(z.object({ challengeToken: tokenField })) },
      responses: {
        200: json(passkeyRequestOptionsSchema, 'WebAuthn request options'),
        400: ERROR_RESPONSES[400],
        401: json(errorSchema, 'The challenge expired'),
        409: json(errorSchema, 'The person has no passkey'),
      },
    }),
    async (c) => {
      const { challengeToken } = c.req.valid('json');
      const { db, user } = await challenged(challengeToken);
      return c.json(await startPasskeySignIn(deps, c, db, user, challengeToken), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/mfa/passkey/verify',
      roles: 'public',
      tags: ['auth'],
      summary: 'Second sign-in step with a passkey: the browser’s signed answer',
      request: { body: jsonBody(z.object({ challengeToken: tokenField, response: webauthnResponse })) },
      responses: {
        200: json(sessionSchema, 'Signed in'),
        400: ERROR_RESPONSES[400],
        401: json(errorSchema, 'The passkey did not verify, or the challenge expired'),
        429: json(errorSchema, 'Too many failed tries'),
      },
    }),
    async (c) => {
      const { challengeToken, response } = c.req.valid('json');
      const { db, user, tenant } = await challenged(challengeToken);
      await countChallengeAttempt(deps, challengeToken);
      await finishPasskeySignIn(deps, c, db, user, challengeToken, response as unknown as AuthenticationResponseJSON);
      const way = { method: 'password+passkey', ip: clientIp(c, deps) };
      return sessionResponse(deps, c, user, tenant, await startSession(deps, user, tenant, way), 200);
    },
  );

  // ── The company's MFA policy ──────────────────────────────────────────────────────────
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/security-settings',
      roles: HR,
      tags: ['settings'],
      summary: 'The company’s sign-in security settings',
      responses: { 200: json(securitySettingsSchema, 'Settings'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const settings = await getSecuritySettings(deps.data.clientFor(c.get('auth')));
      return c.json({ requireMfaForAdmins: settings.requireMfaForAdmins }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/security-settings',
      roles: HR,
      tags: ['settings'],
      summary: 'Require two-step verification for HR admins and managers (or not)',
      request: { body: jsonBody(securitySettingsSchema) },
      responses: { 200: json(securitySettingsSchema, 'Saved'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const { requireMfaForAdmins } = c.req.valid('json');
      const at = deps.now().toISOString();
      const hr = await signedInUser(auth);
      await writeAtomically(db, [
        securitySettingsItem(db, { requireMfaForAdmins, updatedAt: at }),
        auditItem(db, {
          at,
          actor: selfActor(hr),
          action: 'security_settings.updated',
          detail: { requireMfaForAdmins: String(requireMfaForAdmins) },
        }),
      ]);
      return c.json({ requireMfaForAdmins }, 200);
    },
  );
}
