import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { getTenantAccount, setTenantBrand, type TenantBrand } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { BODY_LIMITS, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { tenantBrandBodySchema, tenantBrandingSchema } from '@manabi/contract';
import { assetUrl, brandingForTenant, storeBrandImage } from '../services/branding.js';
import { readImageBody } from './image-body.js';

const HR = ['tenant_admin'] as const;

/** A company's own touches on its provider's brand, where the provider allows them. */
export function registerTenantBrandingRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const load = async (tenantId: string) => {
    const tenant = await getTenantAccount(deps.data.platform, tenantId);
    if (!tenant) throw notFound('company');
    const { branding, overridable } = await brandingForTenant(deps, tenantId);
    const brand: TenantBrand = tenant.brand ?? { productName: null, primaryColor: null, logoKey: null };
    return { tenant, brand, allowed: overridable, effective: branding };
  };
  const present = (r: Awaited<ReturnType<typeof load>>) => ({
    allowed: r.allowed,
    productName: r.brand.productName,
    primaryColor: r.brand.primaryColor,
    logoUrl: assetUrl(r.brand.logoKey),
    effective: r.effective,
  });
  const editable = async (tenantId: string) => {
    const r = await load(tenantId);
    if (!r.allowed) throw new ApiError(403, 'branding_locked');
    return r;
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/tenant/branding',
      roles: HR,
      tags: ['company'],
      summary: 'The company’s brand touches and the brand its people see',
      responses: { 200: json(tenantBrandingSchema, 'Brand'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(present(await load(c.get('auth').tenantId)), 200),
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/tenant/branding',
      roles: HR,
      tags: ['company'],
      summary: 'Set the company’s product name and colour over the provider’s (null: the provider’s)',
      request: { body: jsonBody(tenantBrandBodySchema) },
      responses: { 200: json(tenantBrandingSchema, 'Brand'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const tenantId = c.get('auth').tenantId;
      const r = await editable(tenantId);
      await setTenantBrand(deps.data.platform, tenantId, { ...r.brand, ...c.req.valid('json') });
      return c.json(present(await load(tenantId)), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/tenant/branding/logo',
      bodyLimit: BODY_LIMITS.image,
      roles: HR,
      tags: ['company'],
      summary: 'Upload the company’s logo (the file itself as the body; at most 256 KB)',
      request: { body: { content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } } },
      responses: { 200: json(tenantBrandingSchema, 'Brand'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const tenantId = c.get('auth').tenantId;
      const r = await editable(tenantId);
      const { bytes, type } = await readImageBody(c, 'logo');
      const key = await storeBrandImage(deps, { tenantId }, 'logo', bytes, type);
      await setTenantBrand(deps.data.platform, tenantId, { ...r.brand, logoKey: key });
      if (r.brand.logoKey && r.brand.logoKey !== key) await deps.objects.delete(r.brand.logoKey);
      return c.json(present(await load(tenantId)), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'delete',
      path: '/api/tenant/branding/logo',
      roles: HR,
      tags: ['company'],
      summary: 'Remove the company’s logo (the provider’s shows again)',
      responses: { 200: json(tenantBrandingSchema, 'Brand'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const tenantId = c.get('auth').tenantId;
      const r = await editable(tenantId);
      await setTenantBrand(deps.data.platform, tenantId, { ...r.brand, logoKey: null });
      if (r.brand.logoKey) await deps.objects.delete(r.brand.logoKey);
      return c.json(present(await load(tenantId)), 200);
    },
  );
}
