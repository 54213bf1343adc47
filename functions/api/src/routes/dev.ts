import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { listOutbox } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import type { MiddlewareHandler } from 'hono';
import { defineRoute } from '../openapi.js';
import { notFound } from '../errors.js';
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

/** The loopback interface: the person at this machine, who started the demo. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
/** Headers a proxy adds: a request through one comes from elsewhere, whatever the socket says. */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/**
 * Answers only a request whose socket is on the loopback interface and that no proxy forwarded;
 * anything else gets the plain 404 of a route that does not exist (no hint that it does).
 */
const loopbackOnly =
  (deps: AppDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const ip = (deps.socketAddress ?? deps.clientIp)?.(c) ?? '';
    if (!LOOPBACK.test(ip) || FORWARDED.some((h) => c.req.header(h) !== undefined)) throw notFound();
    await next();
  };

/**
 * The local email outbox (the cloud sends these instead). Registered only by the local server in
 * demo mode (`local/start.ts`, config.devOutbox), never in the Lambda (its bundle does not contain
 * this file), and answering only on the loopback interface.
 */
export function registerDevRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.use('/api/dev/*', loopbackOnly(deps));
  app.use('/dev/*', loopbackOnly(deps));
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
