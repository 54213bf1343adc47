import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeAccess } from '@manabi/api';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client } from '../support/client.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('OpenAPI document', () => {
  it('is generated from the route schemas and every operation declares its roles', async () => {
    const res = await new Client(server.url).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const ops = Object.entries(res.body.paths as Record<string, Record<string, { 'x-roles'?: unknown; security?: unknown }>>).flatMap(
      ([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    expect(ops.length).toBeGreaterThanOrEqual(20);
    for (const { path, method, op } of ops) {
      expect(op['x-roles'], `${method} ${path}`).toBeDefined();
      if (op['x-roles'] !== 'public') expect(op.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
    }
    // The registry the auth gate reads matches the document exactly.
    const documented = ops.map(({ path, method }) => `${method} ${path}`).sort();
    expect(routeAccess.map((r) => `${r.method} ${r.path}`).sort()).toEqual(documented);
    expect(res.body.components.schemas.User.properties).not.toHaveProperty('passwordHash');
  });

  it('denies by default: every non-public route answers 401 without a token', async () => {
    const anonymous = new Client(server.url);
    for (const r of routeAccess.filter((x) => x.roles !== 'public')) {
      const path = r.path.replace(/\{\w+\}/g, 'aaaaaaaaaaaaaaaa');
      const res = await anonymous.request(r.method.toUpperCase(), path, r.method === 'get' ? undefined : {});
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
  });

  it('has a human-readable docs page', async () => {
    const res = await new Client(server.url).get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.body).toContain('POST /api/users/import');
    expect(res.body).toContain('Roles:</strong> tenant_admin');
  });
});
