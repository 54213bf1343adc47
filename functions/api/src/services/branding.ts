import { createHash } from 'node:crypto';
import { checkBrandImage, extensionOf, type BrandImageType } from '@manabi/core';
import { getTenantAccount, getVendor, objectKeys, vendorOfHost, type Vendor } from '@manabi/data';
import type { AppDeps } from '../env.js';
import { brandImageProblem } from '../errors.js';

export interface Branding {
  productName: string;
  primaryColor: string;
  /** A second brand colour; null: the primary colour is used throughout. */
  accentColor: string | null;
  logoUrl: string | null;
  faviconUrl: string | null;
  signInText: { ja?: string; en?: string } | null;
  supportEmail: string | null;
  /** Whether a company may sign itself up here. */
  selfSignup: boolean;
}

/** The platform's own brand: shown on its own host, and by nothing a vendor serves. */
export const PLATFORM_BRANDING: Branding = {
  productName: 'Manabi',
  primaryColor: '#0f766e',
  accentColor: null,
  logoUrl: null,
  faviconUrl: null,
  signInText: { ja: '学びを、仕事のとなりに。', en: 'Learning that fits beside your work.' },
  supportEmail: null,
  selfSignup: true,
};

/** Public URL of a stored brand image (served by GET /api/assets/…). */
export const assetUrl = (key: string | null | undefined): string | null => (key ? `/api/assets/${key}` : null);

export function vendorBranding(vendor: Vendor): Branding {
  return {
    productName: vendor.branding?.productName ?? vendor.name,
    primaryColor: vendor.branding?.primaryColor ?? PLATFORM_BRANDING.primaryColor,
    accentColor: vendor.branding?.accentColor ?? null,
    logoUrl: assetUrl(vendor.logoKey),
    faviconUrl: assetUrl(vendor.faviconKey),
    signInText: vendor.branding?.signInText ?? null,
    supportEmail: vendor.branding?.supportEmail ?? null,
    selfSignup: vendor.selfSignup === true,
  };
}

/** The brand a host shows before sign-in: its vendor's (the platform's own for any other host). */
export async function brandingForHost(deps: AppDeps, host: string): Promise<{ branding: Branding; vendor: Vendor | null }> {
  const vendorId = await vendorOfHost(deps.data.platform, host);
  const vendor = vendorId ? await getVendor(deps.data.platform, vendorId) : null;
  if (!vendor) return { branding: PLATFORM_BRANDING, vendor: null };
  // A suspended vendor's host still shows its own brand (sign-in is what suspension refuses).
  return { branding: { ...vendorBranding(vendor), selfSignup: vendor.status === 'active' && vendor.selfSignup === true }, vendor };
}

/**
 * The brand a company's people see once signed in: its vendor's (the platform's for a company
 * without one), with the company's own name, colour and logo over it where the vendor allows.
 */
export async function brandingForTenant(
  deps: Pick<AppDeps, 'data'>,
  tenantId: string,
): Promise<{ branding: Branding; vendor: Vendor | null; overridable: boolean }> {
  const tenant = await getTenantAccount(deps.data.platform, tenantId);
  const vendor = tenant?.vendorId ? await getVendor(deps.data.platform, tenant.vendorId) : null;
  const base = vendor ? vendorBranding(vendor) : PLATFORM_BRANDING;
  // Companies of the platform itself may always brand themselves; a vendor decides for its own.
  const overridable = tenant?.kind === 'client' && (vendor ? vendor.allowTenantBranding === true : true);
  const brand = overridable ? tenant?.brand : null;
  return {
    branding: {
      ...base,
      productName: brand?.productName ?? base.productName,
      primaryColor: brand?.primaryColor ?? base.primaryColor,
      logoUrl: assetUrl(brand?.logoKey) ?? base.logoUrl,
    },
    vendor,
    overridable,
  };
}

/** How a company's emails go out: under whose name, and which host their links open. */
export interface MailContext {
  fromName: string;
  baseUrl: string;
}

/**
 * A vendor's sender name (else its product name) and its first domain for links, so an email
 * never shows the platform's name to a white-labelled company. Links keep the configured scheme
 * and port; the host comes from the vendor's record, never from a request.
 */
export function mailContextOf(config: { publicUrl: string }, vendor: Vendor | null): MailContext {
  if (!vendor) return { fromName: PLATFORM_BRANDING.productName, baseUrl: config.publicUrl };
  const fromName = vendor.branding?.emailSenderName || vendor.branding?.productName || vendor.name;
  const domain = vendor.domains?.[0];
  if (!domain || !config.publicUrl) return { fromName, baseUrl: config.publicUrl };
  const url = new URL(config.publicUrl);
  url.hostname = domain;
  return { fromName, baseUrl: url.origin };
}

export async function mailContextFor(
  deps: { data: AppDeps['data']; config: { publicUrl: string } },
  tenantId: string,
): Promise<MailContext> {
  const tenant = await getTenantAccount(deps.data.platform, tenantId);
  const vendor = tenant?.vendorId ? await getVendor(deps.data.platform, tenant.vendorId) : null;
  return mailContextOf(deps.config, vendor);
}

/**
 * Checks and stores an uploaded brand image; returns its object key. The key is the content's
 * hash, so the URL can be cached for good and a new upload gets a new URL.
 */
export async function storeBrandImage(
  deps: AppDeps,
  owner: { vendorId: string } | { tenantId: string },
  kind: 'logo' | 'favicon',
  bytes: Uint8Array,
  declaredType: string,
): Promise<string> {
  const allowed: BrandImageType[] =
    kind === 'favicon' ? ['image/png', 'image/svg+xml', 'image/x-icon'] : ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'];
  const checked = checkBrandImage(bytes, declaredType, allowed);
  if ('code' in checked) throw brandImageProblem(checked, kind);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const key = objectKeys.brandImage(owner, kind, hash, extensionOf(checked.type));
  await deps.objects.put(key, { body: bytes, contentType: checked.type });
  return key;
}
