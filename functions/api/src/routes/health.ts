import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { ping } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { defineRoute } from '../openapi.js';
import { json } from '../schemas.js';

const streamSchema = z
  .object({
    recordsBehind: z.number().int(),
    secondsBehind: z.number().int(),
    applied: z.number().int(),
    parked: z.number().int(),
    lastPassAt: z.string().nullable(),
    stalled: z.boolean(),
  })
  .openapi('StreamLag', { description: 'The local stream reader: how far the report aggregates are behind the table' });

const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    dynamodb: z.enum(['ok', 'unreachable']),
    /** Only where this process reads the stream itself (the local server). */
    stream: streamSchema.optional(),
  })
  .openapi('Health');

/** No pass over the stream for this long while the reader should run every second: it is stuck. */
const STALLED_AFTER_MS = 60_000;

export function registerHealthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/health',
      roles: 'public',
      tags: ['system'],
      summary: 'Whether the API and its database answer, and (locally) how far the report aggregates lag the table',
      responses: { 200: json(healthSchema, 'Healthy'), 503: json(healthSchema, 'Database unreachable') },
    }),
    async (c) => {
      const lag = deps.streamStatus?.();
      // Wall-clock age of the last pass (the reader runs on real time, whatever the app clock says).
      const stalled = lag ? lag.lastPassAt === null || Date.now() - Date.parse(lag.lastPassAt) > STALLED_AFTER_MS : false;
      const stream = lag
        ? {
            recordsBehind: lag.recordsBehind,
            secondsBehind: lag.secondsBehind,
            applied: lag.applied,
            parked: lag.parked,
            lastPassAt: lag.lastPassAt,
            stalled,
          }
        : undefined;
      try {
        // A data-plane read (not a control-plane call): proves the table answers requests.
        await ping(deps.data.platform);
      } catch {
        return c.json({ status: 'degraded' as const, dynamodb: 'unreachable' as const, ...(stream ? { stream } : {}) }, 503);
      }
      // Parked records are missing from the reports until replayed: the service is up, but degraded.
      const degraded = stream !== undefined && (stream.parked > 0 || stream.stalled);
      return c.json(
        { status: degraded ? ('degraded' as const) : ('ok' as const), dynamodb: 'ok' as const, ...(stream ? { stream } : {}) },
        200,
      );
    },
  );
}
