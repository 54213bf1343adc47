import { randomBytes } from 'node:crypto';
import { SAML, ValidateInResponseTo, type CacheProvider, type Profile } from '@node-saml/node-saml';
import { parseDomFromString, xpath } from '@node-saml/node-saml/lib/xml.js';
import { SAML_CLOCK_SKEW_MS } from '@manabi/core';
import { claimSamlAssertion, type SamlSettings } from '@manabi/data';
import type { AppDeps } from '../env.js';
import { certPem } from './saml-metadata.js';
import { SsoFailure } from './sso-failure.js';

/** Where the IdP posts its response, and who we are to it: fixed per company, on its SP base URL. */
export const samlSpUrls = (base: string, tenantId: string) => ({
  entityId: `${base}/api/sso/saml/${tenantId}`,
  acsUrl: `${base}/api/auth/sso/saml/acs`,
});

/**
 * node-saml remembers AuthnRequest ids in a cache; ours is the one-time state record, so the cache
 * knows exactly the one request this response may answer.
 */
const oneRequest = (requestId: string | null): CacheProvider => ({
  saveAsync: async (key, value) => ({ value, createdAt: Date.now() }),
  getAsync: async (key) => (requestId !== null && key === requestId ? new Date().toISOString() : null),
  removeAsync: async (key) => key,
});

function samlClient(deps: AppDeps, tenantId: string, settings: SamlSettings, spKey: string, requestId: string | null): SAML {
  const { entityId, acsUrl } = samlSpUrls(settings.spBaseUrl, tenantId);
  return new SAML({
    entryPoint: settings.idpSsoUrl,
    issuer: entityId,
    callbackUrl: acsUrl,
    audience: entityId,
    idpIssuer: settings.idpEntityId,
    idpCert: settings.idpCerts.map(certPem),
    // The assertion is what we trust, so it must carry the IdP's signature itself.
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: 600_000,
    cacheProvider: oneRequest(requestId),
    generateUniqueId: () => requestId ?? `_${randomBytes(20).toString('hex')}`,
    privateKey: spKey,
    signatureAlgorithm: 'sha256',
    identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    disableRequestedAuthnContext: true,
  });
}

/** The IdP URL an SP-initiated sign-in goes to (HTTP-Redirect binding, request signed), and the request id. */
export async function samlAuthorizeUrl(
  deps: AppDeps,
  tenantId: string,
  settings: SamlSettings,
  spKey: string,
  relayState: string,
): Promise<{ url: string; requestId: string }> {
  const requestId = `_${randomBytes(20).toString('hex')}`;
  const url = await samlClient(deps, tenantId, settings, spKey, requestId).getAuthorizeUrlAsync(relayState, undefined, {});
  return { url, requestId };
}

export interface SamlAssertionResult {
  email: string;
  attributes: Record<string, unknown>;
}

/** node-saml's messages → our failure reasons (what the audit log and the sign-in page say). */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/signature/i.test(message)) return 'signature';
  if (/audience/i.test(message)) return 'audience';
  // node-saml reports a subject confirmation past its NotOnOrAfter as "no valid subject confirmation".
  if (/expired|NotBefore|NotOnOrAfter|not yet valid|subject confirmation/i.test(message)) return 'expired';
  if (/InResponseTo/i.test(message)) return 'in_response_to';
  if (/issuer/i.test(message)) return 'issuer';
  if (/status/i.test(message)) return 'idp_refused';
  return 'invalid_response';
}

/**
 * Checks a posted SAMLResponse for the request `requestId`: the assertion signed by the company's
 * IdP, audience, time limits (skew bounded), InResponseTo (by node-saml); then recipient and
 * destination, and the one-time assertion-id claim (here). Answers the asserted email and attributes.
 */
export async function validateSamlResponse(
  deps: AppDeps,
  tenantId: string,
  settings: SamlSettings,
  spKey: string,
  requestId: string,
  samlResponse: string,
): Promise<SamlAssertionResult> {
  const { acsUrl } = samlSpUrls(settings.spBaseUrl, tenantId);
  let profile: Profile | null;
  try {
    ({ profile } = await samlClient(deps, tenantId, settings, spKey, requestId).validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    throw new SsoFailure(reasonOf(error), error instanceof Error ? error.message : String(error));
  }
  if (!profile?.getAssertionXml) throw new SsoFailure('invalid_response');
  // Recipient, in the signed assertion; Destination, on the response when it names one.
  const assertion = await parseDomFromString(profile.getAssertionXml());
  const recipients = xpath.selectAttributes(assertion, "//*[local-name()='SubjectConfirmationData']/@Recipient").map((a) => a.value);
  if (recipients.length === 0 || recipients.some((r) => r !== acsUrl)) throw new SsoFailure('recipient');
  const response = await parseDomFromString(profile.getSamlResponseXml?.() ?? '<x/>');
  const destination = xpath.selectAttributes(response, "/*[local-name()='Response']/@Destination")[0]?.value;
  if (destination !== undefined && destination !== acsUrl) throw new SsoFailure('recipient');

  const assertionId = xpath.selectAttributes(assertion, "/*[local-name()='Assertion']/@ID")[0]?.value;
  const notOnOrAfter = xpath
    .selectAttributes(assertion, "//*[local-name()='Conditions']/@NotOnOrAfter | //*[local-name()='SubjectConfirmationData']/@NotOnOrAfter")
    .map((a) => Date.parse(a.value))
    .filter((t) => !Number.isNaN(t));
  if (!assertionId) throw new SsoFailure('invalid_response');
  const until = new Date(Math.max(deps.now().getTime() + SAML_CLOCK_SKEW_MS, ...notOnOrAfter.map((t) => t + SAML_CLOCK_SKEW_MS)));
  if (!(await claimSamlAssertion(deps.data.platform, profile.issuer, assertionId, until))) throw new SsoFailure('replay');

  const email = [profile.email, profile.mail, profile['urn:oid:0.9.2342.19200300.100.1.3'], profile.nameID].find(
    (v): v is string => typeof v === 'string' && v.includes('@'),
  );
  if (!email) throw new SsoFailure('no_email');
  return { email, attributes: profile as Record<string, unknown> };
}

/** Our SP metadata (entity id, ACS URL, the certificate our requests are signed with). */
export function samlSpMetadata(
  deps: AppDeps,
  tenantId: string,
  settings: Pick<SamlSettings, 'spCert' | 'spBaseUrl'>,
  spKey: string,
): string {
  const { entityId, acsUrl } = samlSpUrls(settings.spBaseUrl, tenantId);
  const saml = new SAML({
    issuer: entityId,
    callbackUrl: acsUrl,
    idpCert: settings.spCert,
    privateKey: spKey,
    identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    wantAssertionsSigned: true,
  });
  return saml.generateServiceProviderMetadata(null, settings.spCert);
}
