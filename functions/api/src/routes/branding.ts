import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../env.js';
import { getVendor, vendorOfHost } from '@manabi/data';
import { defineRoute } from '../openapi.js';
import { json } from '../schemas.js';

export const brandingSchema = z
  .object({
    productName: z.string(),
    primaryColor: z.string(),
    logoUrl: z.string().nullable(),
    faviconUrl: z.string().nullable(),
    signInText: z.object({ ja: z.string().optional(), en: z.string().optional() }).nullable(),
    supportEmail: z.string().nullable(),
  })
  .openapi('Branding');

export type Branding = z.infer<typeof brandingSchema>;

/** The platform's own brand; vendor hosts will answer with theirs (white-labelling). */
export const PLATFORM_BRANDING: Branding = {
  productName: 'Manabi',
  primaryColor: '#0f766e',
  logoUrl: null,
  faviconUrl: null,
  signInText: { ja: '学びを、仕事のとなりに。', en: 'Learning that fits beside your work.' },
  supportEmail: null,
};

/** The brand a host shows: its vendor's (the platform's own for any other host). */
export async function brandingForHost(deps: AppDeps, host: string): Promise<Branding> {
  const vendorId = await vendorOfHost(deps.data.platform, host);
  const vendor = vendorId ? await getVendor(deps.data.platform, vendorId) : null;
  if (!vendor || vendor.status !== 'active') return PLATFORM_BRANDING;
  return {
    productName: vendor.branding?.productName ?? vendor.name,
    primaryColor: vendor.branding?.primaryColor ?? PLATFORM_BRANDING.primaryColor,
    logoUrl: null,
    faviconUrl: null,
    signInText: vendor.branding?.signInText ?? null,
    supportEmail: vendor.branding?.supportEmail ?? null,
  };
}

export function registerBrandingRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/branding',
      roles: 'public',
      tags: ['system'],
      summary: 'Brand to show before sign-in (by host)',
      responses: { 200: json(brandingSchema, 'Branding for this host') },
    }),
    async (c) => {
      // The host the browser asked for (the port is not part of a domain).
      const host = (c.req.header('host') ?? '').toLowerCase().replace(/:\d+$/, '');
      c.header('cache-control', 'public, max-age=300');
      c.header('vary', 'host');
      return c.json(await brandingForHost(deps, host), 200);
    },
  );
}
