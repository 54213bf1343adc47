import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { objectKeys } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import { brandingSchema } from '@manabi/contract';
import { brandingForHost, brandingForTenant, PLATFORM_BRANDING } from '../services/branding.js';
import { BRAND_IMAGE_TYPES, ROLES } from '@manabi/core';

/** The host the browser asked for (the port is not part of a domain). */
export const requestHost = (deps: AppDeps, c: Context): string =>
  (c.req.header(deps.config.viewerHostHeader ?? 'host') ?? '').toLowerCase().replace(/:\d+$/, '');

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
      c.header('cache-control', 'public, max-age=300');
      c.header('vary', deps.config.viewerHostHeader ?? 'host');
      return c.json((await brandingForHost(deps, requestHost(deps, c))).branding, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/branding/mine',
      roles: ROLES,
      tags: ['system'],
      summary: 'Brand of the signed-in person’s company (its vendor’s, with the company’s own touches where allowed)',
      responses: { 200: json(brandingSchema, 'Branding'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      c.header('cache-control', 'private, no-cache');
      if (auth.role === 'platform_admin') return c.json(PLATFORM_BRANDING, 200);
      return c.json((await brandingForTenant(deps, auth.tenantId)).branding, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/assets/brand/{scope}/{owner}/{file}',
      roles: 'public',
      tags: ['system'],
      summary: 'An uploaded brand image (logo, favicon); named by its content, cached for good',
      request: {
        params: z.object({
          scope: z.string().openapi({ param: { name: 'scope', in: 'path' } }),
          owner: z.string().openapi({ param: { name: 'owner', in: 'path' } }),
          file: z.string().openapi({ param: { name: 'file', in: 'path' } }),
        }),
      },
      responses: {
        200: {
          description: 'The image',
          content: Object.fromEntries(BRAND_IMAGE_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }])),
        },
        404: ERROR_RESPONSES[404],
      },
    }),
    async (c) => {
      const { scope, owner, file } = c.req.valid('param');
      const key = `brand/${scope}/${owner}/${file}`;
      const object = objectKeys.isBrandImage(key) ? await deps.objects.get(key) : null;
      if (!object) throw notFound('image');
      c.header('content-type', object.contentType);
      c.header('cache-control', 'public, max-age=31536000, immutable');
      c.header('x-content-type-options', 'nosniff');
      // An SVG opened on its own must not run anything (it was checked on upload too).
      c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      return c.body(object.body as Uint8Array<ArrayBuffer>, 200);
    },
  );
}
