import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { defineRoute, newApp } from './openapi.js';

const itemSchema = z.object({ id: z.string(), score: z.number() });

/** An app with one route that answers whatever the test hands it. */
function appAnswering(body: unknown, checkResponses: boolean) {
  const app = newApp();
  if (checkResponses)
    app.use('*', async (c, next) => {
      c.set('checkResponses', true);
      await next();
    });
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/contract-probe',
      roles: 'public',
      responses: { 200: { description: 'An item', content: { 'application/json': { schema: itemSchema } } } },
    }),
    // The handler deliberately breaks its own declared type: this is what the check is for.
    (c) => c.json(body as z.infer<typeof itemSchema>, 200),
  );
  return app;
}

describe('response contract check', () => {
  it('passes an answer that matches the declared schema', async () => {
    const res = await appAnswering({ id: 'a', score: 1 }, true).request('/contract-probe');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'a', score: 1 });
  });

  it('turns an answer that does not match into 500 response_contract_violation naming each issue', async () => {
    const res = await appAnswering({ id: 'a', score: 'high' }, true).request('/contract-probe', {
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string; details: { path: string }[] } };
    expect(body.error.code).toBe('response_contract_violation');
    expect(body.error.message).toContain('GET /contract-probe');
    expect(body.error.details.map((d) => d.path)).toEqual(['score']);
  });

  it('leaves answers alone where the app was not created for tests', async () => {
    const res = await appAnswering({ id: 'a', score: 'high' }, false).request('/contract-probe');
    expect(res.status).toBe(200);
  });
});
