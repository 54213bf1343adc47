import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { ping } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { defineRoute } from '../openapi.js';
import { json } from '../schemas.js';

const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), dynamodb: z.enum(['ok', 'unreachable']) }).openapi('Health');

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/health',
      roles: 'public',
      tags: ['system'],
      summary: 'Whether the API and its database answer',
      responses: { 200: json(healthSchema, 'Healthy'), 503: json(healthSchema, 'Database unreachable') },
    }),
    async (c) => {
      try {
        // A data-plane read (not a control-plane call): proves the table answers requests.
        await ping(deps.data.platform);
        return c.json({ status: 'ok' as const, dynamodb: 'ok' as const }, 200);
      } catch {
        return c.json({ status: 'degraded' as const, dynamodb: 'unreachable' as const }, 503);
      }
    },
  );
}
