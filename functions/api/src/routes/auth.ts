import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { passwordSchema, signinSchema, signupSchema, canSignIn, mfaStepFor } from '@manabi/core';
import {
  consumeLinkItems,
  consumeToken,
  getSecuritySettings,
  getSsoConfig,
  getTenant,
  getUserSecurity,
  peekLink,
  writeAtomically,
  getUser,
  getVendor,
  vendorOfHost,
  isConditionFailure,
  peekToken,
  revokeSession,
  rotateSession,
  updateUser,
  type UserRecord,
} from '@manabi/data';
import type { Tenant } from '@manabi/core';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { errorSchema, sessionSchema } from '@manabi/contract';
import { activateSignup, signUpCompany } from '../services/signup.js';
import { refuseSuspended, signIn } from '../services/signin.js';
import { issueTokens, startSession, type IssuedSession } from '../services/session.js';
import { hashPassword } from '../auth/password.js';
import { REFRESH_TTL_SECONDS } from '../auth/jwt.js';
import { presentTenant, presentUserWithDepartment } from './present.js';
import { newMfaChallenge } from '../services/mfa.js';
import { refusePasswordWhenSsoOnly } from '../services/sso-signin.js';
import { personSubject, recordAuditEvent } from '../services/audit.js';
import { requestHost } from './branding.js';

export const REFRESH_COOKIE = 'manabi_refresh';

const tokenBody = z.object({ token: z.string().min(1).max(200) });
const okSchema = z.object({ ok: z.literal(true) });
const signupAcceptedSchema = z.object({ status: z.literal('verification_sent') }).openapi('SignupAccepted');
/** After the password, when MFA applies: the person proves a second factor (`verify`) or enrols one first (`enrol`). */
export const mfaChallengeSchema = z
  .object({
    mfa: z.enum(['verify', 'enrol']),
    challengeToken: z.string(),
    expiresIn: z.number().int(),
    /** How the person can prove the second factor (a recovery code works whenever MFA is on). */
    methods: z.array(z.enum(['totp', 'passkey', 'recovery'])),
  })
  .openapi('MfaChallenge');
const invitationSchema = z.object({ email: z.string(), name: z.string(), tenantName: z.string() }).openapi('Invitation');

/** The session's answer: the access token and who is signed in; the refresh token as an httpOnly cookie. */
export async function sessionResponse<S extends 200 | 201, E extends Record<string, unknown> = Record<never, never>>(
  deps: AppDeps,
  c: Context<AppEnv>,
  user: UserRecord,
  tenant: Tenant,
  issued: IssuedSession,
  status: S,
  extra: E = {} as E,
) {
  // The refresh token lives in an httpOnly cookie scoped to /api/auth: page scripts never see it.
  setCookie(c, REFRESH_COOKIE, issued.refreshToken, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: deps.config.secureCookies,
    path: '/api/auth',
    maxAge: REFRESH_TTL_SECONDS,
  });
  const db = deps.data.clientFor({ tenantId: tenant.id });
  return c.json(
    {
      accessToken: issued.accessToken,
      expiresIn: issued.expiresIn,
      user: await presentUserWithDepartment(db, user),
      tenant: presentTenant(tenant),
      ...extra,
    },
    status,
  );
}

export function registerAuthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const respondWithSession = <S extends 200 | 201>(
    c: Context<AppEnv>,
    user: UserRecord,
    tenant: Tenant,
    issued: IssuedSession,
    status: S,
  ) => sessionResponse(deps, c, user, tenant, issued, status);

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/signup',
      roles: 'public',
      tags: ['auth'],
      summary:
        'Sign up a company: creates the tenant and its HR admin, who signs in by following the emailed link. The answer is the same whether or not the address already has an account (its owner is told by email)',
      request: { body: jsonBody(signupSchema) },
      responses: {
        202: json(signupAcceptedSchema, 'A link was emailed to the address (the same answer for an address already registered)'),
        400: ERROR_RESPONSES[400],
        403: json(errorSchema, 'Sign-up is not available on this host (signup_disabled)'),
      },
    }),
    async (c) => {
      // On a vendor's host the company signs up under that vendor, if the vendor allows it.
      const vendorId = await vendorOfHost(deps.data.platform, requestHost(deps, c));
      const vendor = vendorId ? await getVendor(deps.data.platform, vendorId) : null;
      if (vendorId && (!vendor || vendor.status !== 'active' || !vendor.selfSignup)) throw new ApiError(403, 'signup_disabled');
      const created = await signUpCompany(deps, c.req.valid('json'), vendor);
      if (created) c.get('logger').bind({ tenantId: created.tenant.id });
      return c.json({ status: 'verification_sent' as const }, 202);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/signin',
      roles: 'public',
      tags: ['auth'],
      summary: 'Sign in with email and password',
      request: { body: jsonBody(signinSchema) },
      responses: {
        200: json(z.union([sessionSchema, mfaChallengeSchema]), 'Signed in, or the second step when MFA applies'),
        400: ERROR_RESPONSES[400],
        401: json(errorSchema, 'Email or password incorrect (always the same answer)'),
        403: json(
          errorSchema,
          'account_suspended: the password is right but the company or its vendor is suspended; sso_required: the company signs in with SSO only',
        ),
        429: json(errorSchema, 'Too many failed attempts for this email or IP'),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const ip = clientIp(c, deps);
      const { user, tenant } = await signIn(deps, email, password, ip);
      c.get('logger').bind({ tenantId: tenant.id, userId: user.id });
      const db = deps.data.clientFor({ tenantId: tenant.id });
      const [security, settings, sso] = await Promise.all([getUserSecurity(db, user.id), getSecuritySettings(db), getSsoConfig(db)]);
      // Known only to whoever has the right password, like a suspension; audited as a failed sign-in.
      try {
        refusePasswordWhenSsoOnly(sso, user);
      } catch (refused) {
        await recordAuditEvent(deps, tenant.id, {
          type: 'signin.failed',
          subject: personSubject(user),
          detail: { method: 'password', reason: 'sso_required' },
          ip,
        });
        throw refused;
      }
      const step = mfaStepFor(user.role, settings, security.totpSecret !== null || security.passkeys.length > 0);
      if (step !== 'none') {
        // The password was right; no session until the second factor (or its enrolment) is done.
        const challenge = newMfaChallenge(deps, user);
        await writeAtomically(deps.data.platform, [challenge.item]);
        return c.json(
          { mfa: step, challengeToken: challenge.challengeToken, expiresIn: challenge.expiresIn, methods: mfaMethods(security) },
          200,
        );
      }
      return respondWithSession(c, user, tenant, await startSession(deps, user, tenant, { method: 'password', ip }), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/refresh',
      roles: 'public',
      tags: ['auth'],
      summary: 'New access token from the refresh cookie (rotates it; a replayed one revokes the session)',
      responses: {
        200: json(sessionSchema, 'Refreshed'),
        204: { description: 'No refresh cookie: there is no session to restore (an anonymous visit)' },
        401: ERROR_RESPONSES[401],
        403: json(errorSchema, 'account_suspended: the company or its vendor is suspended'),
      },
    }),
    async (c) => {
      const expired = () => {
        deleteCookie(c, REFRESH_COOKIE, { path: '/api/auth' });
        return new ApiError(401, 'unauthorized', 'unauthorized.ended');
      };
      const token = getCookie(c, REFRESH_COOKIE);
      // Every page load of the SPA asks; a visitor who never signed in gets a plain "nothing here"
      // rather than an error (a cookie that is present but invalid still answers 401 below).
      if (!token) return c.body(null, 204);
      const claims = await deps.signer.verifyRefresh(token, deps.now());
      if (!claims) throw expired();
      const db = deps.data.clientFor({ tenantId: claims.tenantId });
      // Before the rotation, so the session (and the cookie the browser keeps) resumes when the suspension is lifted.
      const current = await getTenant(db);
      if (current) await refuseSuspended(deps, current);
      const rotated = await rotateSession(db, claims.sessionId, claims.generation, deps.now().toISOString());
      if (!rotated.ok) throw expired();
      const [user, tenant, security] = await Promise.all([getUser(db, claims.userId), getTenant(db), getUserSecurity(db, claims.userId)]);
      // A password reset voids every session begun before it.
      const voided = security.sessionsValidFrom !== null && rotated.createdAt < security.sessionsValidFrom;
      if (!user || !tenant || !canSignIn(user) || voided) {
        await revokeSession(db, claims.sessionId);
        throw expired();
      }
      c.get('logger').bind({ tenantId: tenant.id, userId: user.id });
      return respondWithSession(c, user, tenant, await issueTokens(deps, user, tenant, claims.sessionId, rotated.generation), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/signout',
      roles: 'public',
      tags: ['auth'],
      summary: 'Sign out: ends the session behind the refresh cookie',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const token = getCookie(c, REFRESH_COOKIE);
      const claims = token ? await deps.signer.verifyRefresh(token, deps.now()) : null;
      if (claims) await revokeSession(deps.data.clientFor({ tenantId: claims.tenantId }), claims.sessionId);
      deleteCookie(c, REFRESH_COOKIE, { path: '/api/auth' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/verify-email',
      roles: 'public',
      tags: ['auth'],
      summary: 'Confirm an email address with the emailed link (a new company’s HR admin is signed in by it)',
      request: { body: jsonBody(tokenBody) },
      responses: {
        200: json(z.union([okSchema, sessionSchema]), 'Email confirmed; for a sign-up, the session of its HR admin'),
        400: ERROR_RESPONSES[400],
      },
    }),
    async (c) => {
      const { token } = c.req.valid('json');
      const invalid = new ApiError(400, 'invalid_token', 'invalid_token', [{ path: 'token', message: 'field.invalid_or_expired' }]);
      const found = await peekToken(deps.data.platform, token, 'verify_email', deps.now());
      if (!found) throw invalid;
      const db = deps.data.clientFor({ tenantId: found.tenantId });
      const user = await getUser(db, found.userId);
      if (!user || !(await consumeToken(deps.data.platform, token))) throw invalid;
      const activated = await activateSignup(deps, db, user);
      if (activated) {
        const tenant = await getTenant(db);
        if (tenant)
          return respondWithSession(
            c,
            activated,
            tenant,
            await startSession(deps, activated, tenant, { method: 'email_verification', ip: clientIp(c, deps) }),
            200,
          );
      }
      if (!user.emailVerified) await updateUser(db, user, { emailVerified: true }, deps.now().toISOString());
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/auth/invitation',
      roles: 'public',
      tags: ['auth'],
      summary: 'Whose invitation a set-password link is',
      request: { query: tokenBody },
      responses: { 200: json(invitationSchema, 'The invitation'), 404: ERROR_RESPONSES[404] },
    }),
    async (c) => {
      const found = await peekLink(deps.data.platform, c.req.valid('query').token, 'invitation', deps.now());
      const db = found ? deps.data.clientFor({ tenantId: found.tenantId }) : null;
      const [user, tenant] = db && found ? await Promise.all([getUser(db, found.userId), getTenant(db)]) : [null, null];
      // An invitation never works on an account that already has a password (or is deactivated).
      if (!user || !tenant || user.status !== 'invited') throw new ApiError(404, 'not_found', 'not_found.invitation');
      return c.json({ email: user.email, name: user.name, tenantName: tenant.name }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/set-password',
      roles: 'public',
      tags: ['auth'],
      summary: 'Accept an invitation: set a password and sign in',
      request: { body: jsonBody(z.object({ token: z.string().min(1).max(200), password: passwordSchema })) },
      responses: {
        200: json(z.union([sessionSchema, mfaChallengeSchema]), 'Password set; signed in, or MFA enrolment next where it is required'),
        400: ERROR_RESPONSES[400],
      },
    }),
    async (c) => {
      const { token, password } = c.req.valid('json');
      const invalid = new ApiError(400, 'invalid_token', 'invalid_token', [{ path: 'token', message: 'field.invalid_or_expired' }]);
      const found = await peekLink(deps.data.platform, token, 'invitation', deps.now());
      if (!found) throw invalid;
      const db = deps.data.identityFor({ tenantId: found.tenantId });
      const [user, tenant] = await Promise.all([getUser(db, found.userId), getTenant(db)]);
      if (!user || !tenant || user.status !== 'invited') throw invalid;
      const passwordHash = await hashPassword(password);
      let updated: UserRecord;
      try {
        // Using the link and setting the password happen together: a link works exactly once, and
        // only the newest invitation works (using it ends every earlier one).
        updated = await updateUser(
          db,
          user,
          { passwordHash, status: 'active', emailVerified: true },
          deps.now().toISOString(),
          consumeLinkItems(deps.data.platform, db, token, 'invitation', user.id),
        );
      } catch (error) {
        if (isConditionFailure(error) || (error as { code?: string }).code === 'conflict') throw invalid;
        throw error;
      }
      const [security, settings] = await Promise.all([getUserSecurity(db, updated.id), getSecuritySettings(db)]);
      if (mfaStepFor(updated.role, settings, security.totpSecret !== null || security.passkeys.length > 0) !== 'none') {
        // Where MFA applies (a vendor admin, an HR admin of a company that requires it) the
        // password alone never opens a session: enrolment comes first.
        const challenge = newMfaChallenge(deps, updated);
        await writeAtomically(deps.data.platform, [challenge.item]);
        return c.json(
          {
            mfa: 'enrol' as const,
            challengeToken: challenge.challengeToken,
            expiresIn: challenge.expiresIn,
            methods: mfaMethods(security),
          },
          200,
        );
      }
      return respondWithSession(
        c,
        updated,
        tenant,
        await startSession(deps, updated, tenant, { method: 'link', ip: clientIp(c, deps) }),
        200,
      );
    },
  );
}

/** The caller's IP: the socket's, or X-Forwarded-For's first hop when behind a trusted proxy. */
export function clientIp(c: Context<AppEnv>, deps: AppDeps): string {
  if (deps.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return deps.clientIp?.(c) ?? 'unknown';
}

/** The second factors a person has set up. */
function mfaMethods(security: { totpSecret: string | null; passkeys: unknown[] }): ('totp' | 'passkey' | 'recovery')[] {
  const methods: ('totp' | 'passkey' | 'recovery')[] = [];
  if (security.totpSecret) methods.push('totp');
  if (security.passkeys.length > 0) methods.push('passkey');
  if (methods.length > 0) methods.push('recovery');
  return methods;
}
