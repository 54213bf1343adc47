import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
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

export function registerBrandingRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/branding',
      roles: 'public',
      tags: ['system'],
      summary: 'Brand to show before sign-in (by host)',
      responses: { 200: json(brandingSchema, 'Branding for this host') },
    }),
    (c) => {
      c.header('cache-control', 'public, max-age=300');
      return c.json(PLATFORM_BRANDING, 200);
    },
  );
}
