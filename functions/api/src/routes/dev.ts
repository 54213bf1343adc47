import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { listOutbox } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { defineRoute } from '../openapi.js';
import { json } from '../schemas.js';
import { runDigest } from '../jobs/digest.js';

const messageSchema = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    kind: z.string(),
    createdAt: z.string(),
  })
  .openapi('OutboxMessage');

/**
 * The local email outbox (the cloud sends these instead). Registered only when the local server
 * runs with devOutbox on, never in the Lambda.
 */
export function registerDevRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/dev/outbox',
      roles: 'public',
      tags: ['dev'],
      summary: 'Local only: emails the product has queued (newest first)',
      responses: { 200: json(z.object({ items: z.array(messageSchema) }), 'Queued emails') },
    }),
    async (c) => c.json({ items: await listOutbox(deps.data.platform) }, 200),
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/dev/jobs/digest',
      roles: 'public',
      tags: ['dev'],
      summary: 'Local only: run the daily digest job now (each person still gets one per day)',
      responses: {
        200: json(z.object({ tenants: z.number().int(), sent: z.number().int(), skipped: z.number().int() }), 'What the run did'),
      },
    }),
    async (c) => c.json(await runDigest(deps), 200),
  );

  app.get('/dev/outbox', async (c) => {
    const items = await listOutbox(deps.data.platform);
    const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
    const rows = items
      .map(
        (m) =>
          `<article><h2>${esc(m.subject)}</h2><p><small>${esc(m.createdAt)} → ${esc(m.to)}</small></p><pre>${esc(m.body)}</pre>${
            m.link ? `<p><a href="${esc(m.link)}">${esc(m.link)}</a></p>` : ''
          }</article>`,
      )
      .join('');
    return c.html(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Local outbox</title><style>body{font-family:system-ui;max-width:60rem;margin:2rem auto;padding:0 1rem}article{border-bottom:1px solid #ddd;padding:.5rem 0}pre{white-space:pre-wrap}</style><h1>Local outbox</h1>${rows || '<p>No emails yet.</p>'}</html>`,
    );
  });
}
