import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { listScimTokens } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { idParams } from '@manabi/contract';
import { json, jsonBody } from '../schemas.js';
import { createScimToken, revokeScimToken } from '../services/scim-tokens.js';

const HR = ['tenant_admin'] as const;

const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    createdBy: z.object({ id: z.string(), name: z.string() }),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ScimToken');

/** HR's SCIM tokens: create (the secret is in this one answer only), list, revoke. */
export function registerScimTokenRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/scim-tokens',
      roles: HR,
      tags: ['company'],
      summary: 'The company’s SCIM tokens (name, created, last used, revoked), newest first; never their secrets',
      responses: { 200: json(z.object({ items: z.array(tokenSchema) }), 'Tokens'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json({ items: await listScimTokens(deps.data.clientFor(c.get('auth'))) }, 200),
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/scim-tokens',
      roles: HR,
      tags: ['company'],
      summary: 'Create a SCIM token for the company’s identity provider; the answer is the only time its secret is shown',
      request: { body: jsonBody(z.object({ name: z.string().trim().min(1).max(100) })) },
      responses: { 201: json(z.object({ token: tokenSchema, secret: z.string() }), 'Created'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await createScimToken(deps, c.get('auth'), c.req.valid('json').name), 201),
  );

  app.openapi(
    defineRoute({
      method: 'delete',
      path: '/api/scim-tokens/{id}',
      roles: HR,
      tags: ['company'],
      summary: 'Revoke a SCIM token: the next SCIM request with it is refused',
      request: { params: idParams },
      responses: { 204: { description: 'Revoked' }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      await revokeScimToken(deps, c.get('auth'), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}
