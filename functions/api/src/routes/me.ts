import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { localeSchema, personNameSchema, ROLES } from '@manabi/core';
import { getTenantAccount, getUser, updateUser } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { conflictResponse, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { tenantSummarySchema, userSchema } from '@manabi/contract';
import { presentUserWithDepartment } from './present.js';

const meSchema = z
  .object({
    user: userSchema,
    tenant: tenantSummarySchema.extend({
      /** What the company's plan includes (the SPA hides what it does not). */
      features: z.object({ adaptive: z.boolean(), reportsExport: z.boolean() }),
      seats: z.object({ used: z.number().int(), limit: z.number().int().nullable() }),
    }),
  })
  .openapi('Me');
const meUpdate = z
  .object({ name: personNameSchema, locale: localeSchema })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });

export function registerMeRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me',
      roles: ROLES,
      tags: ['me'],
      summary: 'The signed-in user and their company',
      responses: { 200: json(meSchema, 'Me'), 401: ERROR_RESPONSES[401] },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const [user, tenant] = await Promise.all([getUser(db, auth.userId), getTenantAccount(deps.data.platform, auth.tenantId)]);
      if (!user || !tenant) throw notFound('user');
      return c.json(
        {
          user: await presentUserWithDepartment(db, user),
          tenant: {
            id: tenant.id,
            name: tenant.name,
            features: tenant.plan.features,
            seats: { used: tenant.seatsUsed, limit: tenant.plan.seatLimit },
          },
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute({
      method: 'patch',
      path: '/api/me',
      roles: ROLES,
      tags: ['me'],
      summary: 'Change my name or language',
      request: { body: jsonBody(meUpdate) },
      responses: {
        200: json(userSchema, 'Updated'),
        400: ERROR_RESPONSES[400],
        401: ERROR_RESPONSES[401],
        409: conflictResponse('stale: the profile was changed at the same time; read it again and retry'),
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const user = await getUser(db, auth.userId);
      if (!user) throw notFound('user');
      const updated = await updateUser(db, user, c.req.valid('json'), deps.now().toISOString());
      return c.json(await presentUserWithDepartment(db, updated), 200);
    },
  );
}
