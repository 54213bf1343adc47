import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { getVendor, saveVendorBranding, setVendorFields, type Vendor } from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { notFound } from '../errors.js';
import { BODY_LIMITS, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { assetUrl, PLATFORM_BRANDING, storeBrandImage } from '../services/branding.js';
import { readImageBody } from './image-body.js';
import { checkPlanCatalog } from './vendor.js';
import { vendorBrandingBodySchema, vendorBrandingSchema } from '@manabi/contract';

const VENDOR = ['vendor_admin'] as const;

const present = (v: Vendor) => ({
  productName: v.branding?.productName ?? v.name,
  primaryColor: v.branding?.primaryColor ?? PLATFORM_BRANDING.primaryColor,
  accentColor: v.branding?.accentColor ?? null,
  signInText: v.branding?.signInText ?? null,
  supportEmail: v.branding?.supportEmail ?? null,
  emailSenderName: v.branding?.emailSenderName ?? null,
  domains: v.domains ?? [],
  selfSignup: v.selfSignup ?? false,
  allowTenantBranding: v.allowTenantBranding ?? false,
  selfSignupPlan: v.selfSignupPlan ?? null,
  logoUrl: assetUrl(v.logoKey),
  faviconUrl: assetUrl(v.faviconKey),
});

/** The vendor's brand: names, colour, texts, domains and the logo and favicon images. */
export function registerVendorBrandingRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const loadVendor = async (auth: AuthClaims) => {
    const v = auth.vendorId ? await getVendor(deps.data.platform, auth.vendorId) : null;
    if (!v) throw notFound('vendor');
    return v;
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/vendor/branding',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'The vendor’s brand and domains',
      responses: { 200: json(vendorBrandingSchema, 'Branding'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(present(await loadVendor(c.get('auth'))), 200),
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/vendor/branding',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'Set the brand and domains (a host another vendor holds is a 409 naming it)',
      request: { body: jsonBody(vendorBrandingBodySchema) },
      responses: { 200: json(vendorBrandingSchema, 'Branding'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const v = await loadVendor(auth);
      const { domains, selfSignup, allowTenantBranding, selfSignupPlan, ...branding } = c.req.valid('json');
      const plan = selfSignupPlan ? await checkPlanCatalog(deps, v.id, selfSignupPlan, 'selfSignupPlan') : selfSignupPlan;
      await saveVendorBranding(deps.data.platform, v, { branding, domains, selfSignup });
      await setVendorFields(deps.data.platform, v.id, { allowTenantBranding, ...(plan === undefined ? {} : { selfSignupPlan: plan }) });
      return c.json(present(await loadVendor(auth)), 200);
    },
  );

  for (const kind of ['logo', 'favicon'] as const) {
    const field = kind === 'logo' ? 'logoKey' : 'faviconKey';
    app.openapi(
      defineRoute({
        method: 'put',
        path: `/api/vendor/branding/${kind}`,
        bodyLimit: BODY_LIMITS.image,
        roles: VENDOR,
        tags: ['vendor'],
        summary: `Upload the ${kind} (the file itself as the body, with its content type; at most 256 KB)`,
        request: { body: { content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } } },
        responses: { 200: json(vendorBrandingSchema, 'Branding'), ...ERROR_RESPONSES },
      }),
      async (c) => {
        const v = await loadVendor(c.get('auth'));
        const { bytes, type } = await readImageBody(c, kind);
        const key = await storeBrandImage(deps, { vendorId: v.id }, kind, bytes, type);
        await setVendorFields(deps.data.platform, v.id, { [field]: key });
        // The old image goes once nothing points at it (browsers may keep their cached copy).
        if (v[field] && v[field] !== key) await deps.objects.delete(v[field]!);
        return c.json(present(await loadVendor(c.get('auth'))), 200);
      },
    );
    app.openapi(
      defineRoute({
        method: 'delete',
        path: `/api/vendor/branding/${kind}`,
        roles: VENDOR,
        tags: ['vendor'],
        summary: `Remove the ${kind}`,
        responses: { 200: json(vendorBrandingSchema, 'Branding'), ...ERROR_RESPONSES },
      }),
      async (c) => {
        const v = await loadVendor(c.get('auth'));
        await setVendorFields(deps.data.platform, v.id, { [field]: null });
        if (v[field]) await deps.objects.delete(v[field]!);
        return c.json(present(await loadVendor(c.get('auth'))), 200);
      },
    );
  }
}
