import { randomBytes } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  canSignIn,
  emailDomain,
  mapSsoIdentity,
  normalizeEmail,
  ssoConfigInputSchema,
  ssoStartSchema,
  SSO_STATE_SECONDS,
  type Role,
} from '@manabi/core';
import {
  consumeToken,
  findSsoDomain,
  getSsoConfig,
  getTenant,
  getUser,
  peekToken,
  putSsoState,
  takeSsoState,
  vendorOfHost,
  type SsoConfigRecord,
  type SsoState,
} from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { errorSchema, sessionSchema } from '@manabi/contract';
import { json, jsonBody } from '../schemas.js';
import { configureSso, oidcSecretContext, presentSsoConfig, samlKeyContext, spBaseFor } from '../services/sso-config.js';
import { SsoFailure } from '../services/sso-failure.js';
import { oidcAuthorizeUrl, oidcCallback } from '../services/sso-oidc.js';
import { samlAuthorizeUrl, samlSpMetadata, validateSamlResponse } from '../services/sso-saml.js';
import { auditSso, newSsoHandoff, personForIdentity } from '../services/sso-signin.js';
import { startSession } from '../services/session.js';
import { clientIp, sessionResponse } from './auth.js';
import { requestHost } from './branding.js';

const HR: readonly Role[] = ['tenant_admin'];
const ssoConfigSchema = z.record(z.string(), z.unknown()).openapi('SsoConfig');
const startAnswer = z.object({ redirectUrl: z.string().nullable() }).openapi('SsoStart');
const redirect = (description: string) => ({ 303: { description } });
/** The sign-in page the browser comes back to (the token in the fragment never reaches a server log). */
const SIGNIN_PATH = '/signin/sso';

/**
 * Company SSO: HR's configuration, the sign-in start (email → the company's IdP), the OIDC callback,
 * the SAML ACS, and the hand-off that turns a completed SSO sign-in into a session. The company of a
 * callback comes only from the one-time state record its start wrote, never from the URL.
 */
export function registerSsoRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  /** Where the person returns: the host they started on when it is a vendor's, else the app's own URL. */
  const returnOriginOf = async (c: Context<AppEnv>): Promise<string> => {
    const own = new URL(deps.config.publicUrl);
    const host = requestHost(deps, c);
    if (host && host !== own.hostname && (await vendorOfHost(deps.data.platform, host))) {
      return `${own.protocol}//${host}${own.port ? `:${own.port}` : ''}`;
    }
    return own.origin;
  };
  const fail = (c: Context<AppEnv>, origin: string, reason: string) =>
    c.redirect(`${origin}${SIGNIN_PATH}?error=${encodeURIComponent(reason)}`, 303);

  /** The shared end of both protocols: the person in the state's company, audited, handed back to the SPA. */
  const finish = async (
    c: Context<AppEnv>,
    state: SsoState,
    config: SsoConfigRecord,
    verify: () => Promise<{ email: string; attributes: Record<string, unknown> }>,
  ) => {
    const db = deps.data.identityFor({ tenantId: state.tenantId });
    c.get('logger').bind({ tenantId: state.tenantId });
    let email: string | null = null;
    try {
      const asserted = await verify();
      email = normalizeEmail(asserted.email);
      const identity = mapSsoIdentity(asserted.email, asserted.attributes, config.mapping);
      const { user, provisioned } = await personForIdentity(deps, db, config, identity);
      await auditSso(deps, db, { ok: true, user, protocol: state.protocol, provisioned });
      const token = await newSsoHandoff(deps, user);
      return c.redirect(`${state.returnOrigin}${SIGNIN_PATH}#token=${token}`, 303);
    } catch (error) {
      if (!(error instanceof SsoFailure)) throw error;
      c.get('logger').info('sso sign-in refused', { reason: error.reason, detail: error.detail ?? null });
      await auditSso(deps, db, { ok: false, reason: error.reason, protocol: state.protocol, email });
      return fail(c, state.returnOrigin, error.reason);
    }
  };

  /** The state a callback names, used up; and its company's configuration for that protocol. */
  const takeState = async (secret: string, protocol: 'oidc' | 'saml') => {
    const state = await takeSsoState(deps.data.platform, secret, deps.now());
    if (!state || state.protocol !== protocol) return null;
    const config = await getSsoConfig(deps.data.clientFor({ tenantId: state.tenantId }));
    return { state, config: config?.enabled && config.protocol === protocol ? config : null };
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/sso/config',
      roles: HR,
      tags: ['settings'],
      summary: 'The company’s SSO configuration (secrets never shown) and this app’s SP URLs',
      responses: { 200: json(ssoConfigSchema, 'The configuration'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const [config, base] = await Promise.all([getSsoConfig(deps.data.clientFor(auth)), spBaseFor(deps, auth.tenantId)]);
      return c.json(presentSsoConfig(auth.tenantId, config, base), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/sso/config',
      roles: HR,
      tags: ['settings'],
      summary:
        'Configure SSO (OIDC or SAML): email domains (each claimed for this company only), provisioning, attribute mapping, SSO only with a break-glass HR admin',
      request: { body: jsonBody(ssoConfigInputSchema) },
      responses: {
        200: json(ssoConfigSchema, 'Saved'),
        409: json(errorSchema, 'sso_domain_taken: another company uses a domain; stale: changed meanwhile'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.identityFor(auth);
      const hr = await getUser(db, auth.userId);
      if (!hr) throw notFound('user');
      const input = c.req.valid('json');
      const saved = await configureSso(deps, db, hr, input, input.expectedVersion);
      return c.json(presentSsoConfig(auth.tenantId, saved, deps.config.publicUrl), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/sso/saml/metadata',
      roles: HR,
      tags: ['settings'],
      summary: 'This company’s SAML SP metadata (entity ID, ACS URL, request-signing certificate) for the IdP',
      responses: {
        200: { description: 'SP metadata', content: { 'application/samlmetadata+xml': { schema: z.string() } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const config = await getSsoConfig(deps.data.clientFor(auth));
      const spKey = config?.saml ? deps.secrets.open(config.saml.sealedSpKey, samlKeyContext(auth.tenantId)) : null;
      if (!config?.saml || !spKey) throw notFound('resource');
      return c.body(samlSpMetadata(deps, auth.tenantId, config.saml, spKey), 200, {
        'content-type': 'application/samlmetadata+xml; charset=utf-8',
        'content-disposition': 'attachment; filename="sp-metadata.xml"',
      });
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/sso/start',
      roles: 'public',
      tags: ['auth'],
      summary:
        'Sign in with a company account: the email’s domain picks the company’s IdP. The answer is the IdP URL to go to, or null (the same null whether or not the domain exists)',
      request: { body: jsonBody(ssoStartSchema) },
      responses: {
        200: json(startAnswer, 'Where to send the browser (null: no company SSO for this address)'),
        400: ERROR_RESPONSES[400],
        503: json(errorSchema, 'sso_unavailable: the company’s IdP cannot be reached'),
      },
    }),
    async (c) => {
      const domain = emailDomain(c.req.valid('json').email);
      const tenantId = domain ? await findSsoDomain(deps.data.platform, domain) : null;
      const config = tenantId ? await getSsoConfig(deps.data.clientFor({ tenantId })) : null;
      if (!tenantId || !config?.enabled) return c.json({ redirectUrl: null }, 200);
      c.get('logger').bind({ tenantId });
      const secret = randomBytes(32).toString('base64url');
      const base = {
        tenantId,
        protocol: config.protocol,
        returnOrigin: await returnOriginOf(c),
        expiresAt: new Date(deps.now().getTime() + SSO_STATE_SECONDS * 1000).toISOString(),
      };
      try {
        if (config.protocol === 'oidc' && config.oidc) {
          const clientSecret = deps.secrets.open(config.oidc.sealedClientSecret, oidcSecretContext(tenantId));
          if (!clientSecret) throw new Error('The OIDC client secret does not open with this key');
          const email = normalizeEmail(c.req.valid('json').email);
          const { url, codeVerifier, nonce } = await oidcAuthorizeUrl(
            deps,
            { ...config.oidc, base: config.oidc.spBaseUrl, clientSecret },
            secret,
            email,
          );
          await putSsoState(deps.data.platform, secret, { ...base, codeVerifier, nonce });
          return c.json({ redirectUrl: url }, 200);
        }
        if (config.protocol === 'saml' && config.saml) {
          const spKey = deps.secrets.open(config.saml.sealedSpKey, samlKeyContext(tenantId));
          if (!spKey) throw new Error('The SAML SP key does not open with this key');
          const { url, requestId } = await samlAuthorizeUrl(deps, tenantId, config.saml, spKey, secret);
          await putSsoState(deps.data.platform, secret, { ...base, requestId });
          return c.json({ redirectUrl: url }, 200);
        }
      } catch (error) {
        if (error instanceof SsoFailure) throw new ApiError(503, 'sso_unavailable');
        throw error;
      }
      return c.json({ redirectUrl: null }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/auth/sso/oidc/callback',
      roles: 'public',
      tags: ['auth'],
      summary: 'OIDC redirect URI: the code is exchanged (PKCE, state, nonce); the browser returns to the sign-in page',
      request: { query: z.object({ state: z.string().max(200).optional() }).passthrough() },
      responses: redirect('To the sign-in page: a one-time hand-off token in the fragment, or `?error=<reason>`'),
    }),
    async (c) => {
      const query = new URL(c.req.url).searchParams;
      const taken = await takeState(query.get('state') ?? '', 'oidc');
      if (!taken) return fail(c, await returnOriginOf(c), 'state');
      const { state, config } = taken;
      if (!config?.oidc) return fail(c, state.returnOrigin, 'not_configured');
      const clientSecret = deps.secrets.open(config.oidc.sealedClientSecret, oidcSecretContext(state.tenantId));
      if (!clientSecret) throw new Error('The OIDC client secret does not open with this key');
      const settings = { ...config.oidc, base: config.oidc.spBaseUrl, clientSecret };
      return finish(c, state, config, async () => {
        const { email, claims } = await oidcCallback(deps, settings, query, {
          state: query.get('state') ?? '',
          codeVerifier: state.codeVerifier ?? '',
          nonce: state.nonce ?? '',
        });
        return { email, attributes: claims };
      });
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/sso/saml/acs',
      roles: 'public',
      tags: ['auth'],
      summary:
        'SAML assertion consumer service (HTTP-POST): signed assertion, audience, recipient, time limits, InResponseTo and one-time assertion id checked',
      bodyLimit: 512 * 1024,
      request: {
        body: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: z.object({ SAMLResponse: z.string().min(1).max(500_000), RelayState: z.string().max(200).default('') }),
            },
          },
        },
      },
      responses: {
        ...redirect('To the sign-in page: a one-time hand-off token in the fragment, or `?error=<reason>`'),
        400: ERROR_RESPONSES[400],
      },
    }),
    async (c) => {
      const { SAMLResponse, RelayState } = c.req.valid('form');
      const taken = await takeState(RelayState, 'saml');
      if (!taken) return fail(c, await returnOriginOf(c), 'state');
      const { state, config } = taken;
      if (!config?.saml) return fail(c, state.returnOrigin, 'not_configured');
      const spKey = deps.secrets.open(config.saml.sealedSpKey, samlKeyContext(state.tenantId));
      if (!spKey) throw new Error('The SAML SP key does not open with this key');
      const saml = config.saml;
      return finish(c, state, config, () => validateSamlResponse(deps, state.tenantId, saml, spKey, state.requestId ?? '', SAMLResponse));
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/auth/sso/complete',
      roles: 'public',
      tags: ['auth'],
      summary: 'Exchange the one-time hand-off of a completed SSO sign-in for a session (the same as a password sign-in’s)',
      request: { body: jsonBody(z.object({ token: z.string().min(1).max(200) })) },
      responses: { 200: json(sessionSchema, 'Signed in'), 400: ERROR_RESPONSES[400] },
    }),
    async (c) => {
      const { token } = c.req.valid('json');
      const invalid = new ApiError(400, 'invalid_token', 'invalid_token', [{ path: 'token', message: 'field.invalid_or_expired' }]);
      const found = await peekToken(deps.data.platform, token, 'sso_handoff', deps.now());
      if (!found || !(await consumeToken(deps.data.platform, token))) throw invalid;
      const db = deps.data.clientFor({ tenantId: found.tenantId });
      const [user, tenant] = await Promise.all([getUser(db, found.userId), getTenant(db)]);
      if (!user || !tenant || !canSignIn(user)) throw invalid;
      c.get('logger').bind({ tenantId: tenant.id, userId: user.id });
      return sessionResponse(deps, c, user, tenant, await startSession(deps, user, tenant, { method: 'sso', ip: clientIp(c, deps) }), 200);
    },
  );
}
