import type { SsoConfigInput } from '@manabi/core';
import {
  auditItem,
  getDepartment,
  getSsoConfig,
  getUser,
  saveSsoConfig,
  writeAtomically,
  type SsoConfigRecord,
  type TenantDb,
} from '@manabi/data';
import type { AppDeps } from '../env.js';
import { ApiError } from '../errors.js';
import type { MessageKey } from '../error-messages.js';
import { newSigningKeyPair } from '../auth/self-signed-cert.js';
import { parseIdpMetadata, type IdpMetadata } from './saml-metadata.js';
import { discoverOidc, oidcRedirectUri } from './sso-oidc.js';
import { samlSpUrls } from './sso-saml.js';

/** Secrets are sealed to the company and their purpose: copied to another company's record, they do not open. */
export const oidcSecretContext = (tenantId: string) => `sso-oidc-secret:${tenantId}`;
export const samlKeyContext = (tenantId: string) => `sso-saml-sp-key:${tenantId}`;

const METADATA_MAX_BYTES = 200_000;

const invalid = (path: string, message: MessageKey) => new ApiError(400, 'validation_error', 'validation_error', [{ path, message }]);

/** Fetches IdP metadata by URL (bounded in time and size). */
async function fetchMetadata(deps: AppDeps, url: string): Promise<string> {
  if (!url.startsWith('https://') && !deps.config.ssoAllowInsecureHttp) throw invalid('saml.metadataUrl', 'field.sso_https_required');
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'error' });
    const text = res.ok ? await res.text() : '';
    if (!res.ok || text.length > METADATA_MAX_BYTES) throw new Error(`status ${res.status}`);
    return text;
  } catch {
    throw invalid('saml.metadataUrl', 'field.sso_metadata_unreadable');
  }
}

/** What HR sees: never a secret, only whether one is stored; what the IdP's administrator registers (our URLs). */
export function presentSsoConfig(deps: AppDeps, tenantId: string, config: SsoConfigRecord | null) {
  const sp = { ...samlSpUrls(deps, tenantId), oidcRedirectUri: oidcRedirectUri(deps) };
  if (!config) return { configured: false as const, sp };
  return {
    configured: true as const,
    protocol: config.protocol,
    enabled: config.enabled,
    domains: config.domains,
    oidc: config.oidc ? { issuer: config.oidc.issuer, clientId: config.oidc.clientId, clientSecretSet: true } : null,
    saml: config.saml
      ? {
          idpEntityId: config.saml.idpEntityId,
          idpSsoUrl: config.saml.idpSsoUrl,
          metadataUrl: config.saml.metadataUrl,
          idpCertCount: config.saml.idpCerts.length,
        }
      : null,
    jit: config.jit,
    mapping: config.mapping,
    ssoOnly: config.ssoOnly,
    breakGlassUserId: config.breakGlassUserId,
    version: config.version,
    updatedAt: config.updatedAt,
    sp,
  };
}

/**
 * Saves a company's SSO configuration: checks the IdP (OIDC discovery answers; SAML metadata
 * reads), seals the client secret, makes the SP key once, checks the break-glass admin, and claims
 * the domains (refused when another company holds one); then audits the change.
 */
export async function configureSso(
  deps: AppDeps,
  db: TenantDb,
  actor: { id: string; name: string },
  input: SsoConfigInput,
  expectedVersion: number | null,
): Promise<SsoConfigRecord> {
  const previous = await getSsoConfig(db);
  if (expectedVersion !== null && (previous?.version ?? 0) !== expectedVersion) throw new ApiError(409, 'stale');
  const now = deps.now().toISOString();
  if (input.breakGlassUserId) {
    const admin = await getUser(db, input.breakGlassUserId);
    if (!admin || admin.role !== 'tenant_admin' || admin.status === 'deactivated')
      throw invalid('breakGlassUserId', 'field.sso_break_glass');
  }
  if (input.ssoOnly && !input.breakGlassUserId) throw invalid('breakGlassUserId', 'field.sso_break_glass');
  if (input.jit.departmentId && !(await getDepartment(db, input.jit.departmentId)))
    throw invalid('jit.departmentId', 'field.audience_department');

  let oidc: SsoConfigRecord['oidc'] = null;
  let saml: SsoConfigRecord['saml'] = null;
  if (input.protocol === 'oidc') {
    const keep = previous?.oidc && previous.oidc.issuer === input.oidc.issuer && previous.oidc.clientId === input.oidc.clientId;
    const sealed = input.oidc.clientSecret
      ? deps.secrets.seal(input.oidc.clientSecret, oidcSecretContext(db.tenantId))
      : keep
        ? previous.oidc!.sealedClientSecret
        : null;
    if (!sealed) throw invalid('oidc.clientSecret', 'field.required');
    const clientSecret = deps.secrets.open(sealed, oidcSecretContext(db.tenantId))!;
    if (!input.oidc.issuer.startsWith('https://') && !deps.config.ssoAllowInsecureHttp)
      throw invalid('oidc.issuer', 'field.sso_https_required');
    try {
      await discoverOidc(deps, { issuer: input.oidc.issuer, clientId: input.oidc.clientId, clientSecret });
    } catch {
      throw invalid('oidc.issuer', 'field.sso_discovery_failed');
    }
    oidc = { issuer: input.oidc.issuer, clientId: input.oidc.clientId, sealedClientSecret: sealed };
  } else {
    let metadata: IdpMetadata | null = null;
    let metadataUrl: string | null = null;
    if ('keep' in input.saml) {
      if (!previous?.saml) throw invalid('saml', 'field.required');
      metadata = { entityId: previous.saml.idpEntityId, ssoUrl: previous.saml.idpSsoUrl, certs: previous.saml.idpCerts };
      metadataUrl = previous.saml.metadataUrl;
    } else {
      const xml = 'metadataXml' in input.saml ? input.saml.metadataXml : await fetchMetadata(deps, input.saml.metadataUrl);
      metadataUrl = 'metadataUrl' in input.saml ? input.saml.metadataUrl : null;
      metadata = await parseIdpMetadata(xml);
      if (!metadata) throw invalid('metadataXml' in input.saml ? 'saml.metadataXml' : 'saml.metadataUrl', 'field.sso_metadata_invalid');
    }
    // The SP key is made once per company and kept across changes (the IdP may have our certificate).
    const sp = previous?.saml
      ? { sealedSpKey: previous.saml.sealedSpKey, spCert: previous.saml.spCert }
      : (() => {
          const pair = newSigningKeyPair(samlSpUrls(deps, db.tenantId).entityId, deps.now());
          return { sealedSpKey: deps.secrets.seal(pair.keyPem, samlKeyContext(db.tenantId)), spCert: pair.certPem };
        })();
    saml = { idpEntityId: metadata.entityId, idpSsoUrl: metadata.ssoUrl, idpCerts: metadata.certs, metadataUrl, ...sp };
  }
  const record = await saveSsoConfig(
    db,
    {
      protocol: input.protocol,
      enabled: input.enabled,
      domains: [...new Set(input.domains)],
      oidc,
      saml,
      jit: input.jit,
      mapping: input.mapping,
      ssoOnly: input.ssoOnly,
      breakGlassUserId: input.breakGlassUserId,
      updatedAt: now,
    },
    previous,
  );
  await writeAtomically(db, [
    auditItem(db, {
      at: now,
      actor: { kind: 'user', id: actor.id, name: actor.name },
      action: 'sso.configured',
      detail: {
        protocol: record.protocol,
        enabled: String(record.enabled),
        domains: record.domains.join(' '),
        jit: String(record.jit.enabled),
        ssoOnly: String(record.ssoOnly),
        breakGlassUserId: record.breakGlassUserId,
        secretChanged: String(input.protocol === 'oidc' && Boolean(input.oidc.clientSecret)),
      },
    }),
  ]);
  return record;
}
