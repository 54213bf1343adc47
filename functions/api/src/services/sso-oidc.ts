import * as oidc from 'openid-client';
import type { AppDeps } from '../env.js';
import { SsoFailure } from './sso-failure.js';

/** The redirect URI registered at the IdP, on the company's SP base URL (see sso-config.ts spBaseFor). */
export const oidcRedirectUri = (base: string) => `${base}/api/auth/sso/oidc/callback`;

export interface OidcClientSettings {
  /** The company's SP base URL (where the callback is). */
  base: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Discovered configurations, briefly kept per issuer and client (discovery is two requests). */
const discovered = new Map<string, { at: number; config: oidc.Configuration }>();
const DISCOVERY_TTL_MS = 5 * 60_000;

/** The IdP's configuration through OIDC discovery (plain http only where the deploy allows it: locally). */
export async function discoverOidc(deps: AppDeps, settings: OidcClientSettings): Promise<oidc.Configuration> {
  const cacheKey = `${settings.issuer}\n${settings.clientId}\n${settings.clientSecret}`;
  const cached = discovered.get(cacheKey);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
  try {
    const config = await oidc.discovery(
      new URL(settings.issuer),
      settings.clientId,
      settings.clientSecret,
      undefined,
      deps.config.ssoAllowInsecureHttp ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
    discovered.set(cacheKey, { at: Date.now(), config });
    return config;
  } catch (error) {
    throw new SsoFailure('discovery', error instanceof Error ? error.message : String(error));
  }
}

/** Starts an authorization code flow with PKCE, state and nonce; answers the IdP URL and what the callback needs. */
export async function oidcAuthorizeUrl(
  deps: AppDeps,
  settings: OidcClientSettings,
  state: string,
  loginHint: string,
): Promise<{ url: string; codeVerifier: string; nonce: string }> {
  const config = await discoverOidc(deps, settings);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: oidcRedirectUri(settings.base),
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: loginHint,
  });
  return { url: url.href, codeVerifier, nonce };
}

/**
 * Finishes the flow at the callback: the code exchanged with the PKCE verifier, state and nonce
 * checked, the ID token verified by openid-client; the claims are the ID token's plus UserInfo's.
 */
export async function oidcCallback(
  deps: AppDeps,
  settings: OidcClientSettings,
  query: URLSearchParams,
  checks: { state: string; codeVerifier: string; nonce: string },
): Promise<{ email: string; claims: Record<string, unknown> }> {
  const config = await discoverOidc(deps, settings);
  const currentUrl = new URL(oidcRedirectUri(settings.base));
  for (const [k, v] of query) currentUrl.searchParams.append(k, v);
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new SsoFailure('invalid_response');
    claims = { ...idClaims };
    if (config.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...info, ...claims };
    }
  } catch (error) {
    if (error instanceof SsoFailure) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new SsoFailure(/access_denied/.test(message) ? 'idp_refused' : 'invalid_response', message);
  }
  const email = typeof claims.email === 'string' ? claims.email : null;
  // An IdP that says the address is unverified is not trusted with it (absent: the IdP vouches for its directory).
  if (!email || claims.email_verified === false) throw new SsoFailure('no_email');
  return { email, claims };
}
