import type { SsoConfigInput } from '@manabi/core';
import {
  auditItem,
  getDepartment,
  getSsoConfig,
  getTenant,
  getUser,
  getVendor,
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

/**
 * The base of a company's SP URLs: its vendor's first white-label host when it has one (so nothing
 * the company's IdP administrator sees names the platform), else the app's own URL.
 */
export async function spBaseFor(deps: AppDeps, tenantId: string): Promise<string> {
  const tenant = await getTenant(deps.data.clientFor({ tenantId }));
  const vendor = tenant?.vendorId ? await getVendor(deps.data.platform, tenant.vendorId) : null;
  const host = vendor?.domains?.[0];
  if (!host) return deps.config.publicUrl;
  const own = new URL(deps.config.publicUrl);
  return `${own.protocol}//${host}${own.port ? `:${own.port}` : ''}`;
}

/** What HR sees: never a secret, only whether one is stored; what the IdP's administrator registers (our URLs). */
export function presentSsoConfig(tenantId: string, config: SsoConfigRecord | null, base: string) {
  const configuredBase = config?.saml?.spBaseUrl ?? config?.oidc?.spBaseUrl ?? base;
  const sp = { ...samlSpUrls(configuredBase, tenantId), oidcRedirectUri: oidcRedirectUri(configuredBase) };
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

  // Our URLs, once registered at an IdP, stay as they are (a later change of the vendor's hosts does not move them).
  const keptBase = async () => previous?.saml?.spBaseUrl ?? previous?.oidc?.spBaseUrl ?? (await spBaseFor(deps, db.tenantId));
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
      await discoverOidc(deps, { base: '', issuer: input.oidc.issuer, clientId: input.oidc.clientId, clientSecret });
    } catch {
      throw invalid('oidc.issuer', 'field.sso_discovery_failed');
    }
    oidc = { issuer: input.oidc.issuer, clientId: input.oidc.clientId, sealedClientSecret: sealed, spBaseUrl: await keptBase() };
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
    const spBaseUrl = await keptBase();
    const sp = previous?.saml
      ? { sealedSpKey: previous.saml.sealedSpKey, spCert: previous.saml.spCert, spBaseUrl }
      : await newSigningKeyPair(samlSpUrls(spBaseUrl, db.tenantId).entityId, deps.now()).then((pair) => ({
          sealedSpKey: deps.secrets.seal(pair.keyPem, samlKeyContext(db.tenantId)),
          spCert: pair.certPem,
          spBaseUrl,
        }));
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
