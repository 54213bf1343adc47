import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeAccess, undeclaredResponses } from '@manabi/api';
import { randomId } from '@manabi/core';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany } from '../support/client.js';
import { clientAs, createVendor, platformAdmin } from '../support/vendors.js';
import { fixedAssessment, seedBank } from '../support/content.js';

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

  it('declares every status and content type the routes answer (every operation swept)', async () => {
    const doc = (await new Client(server.url).get('/api/openapi.json')).body;
    const ops = Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, { content?: object }> }>>).flatMap(
      ([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, responses: op.responses })),
    );
    // The shared error answers each operation can give, by its shape.
    for (const { path, method, responses } of ops) {
      const route = routeAccess.find((r) => r.path === path && r.method === method)!;
      const name = `${method} ${path}`;
      expect(responses['500'], name).toBeDefined();
      if (route.roles !== 'public') for (const status of ['401', '403']) expect(responses[status], `${name} ${status}`).toBeDefined();
      if (path.includes('{')) expect(responses['404'] ?? responses['400'], `${name} 404`).toBeDefined();
      if (method !== 'get') expect(responses['413'], `${name} 413`).toBeDefined();
    }
    // The ones the black-box test found missing.
    expect(doc.paths['/api/packages/{id}'].put.responses['409']).toBeDefined();
    expect(doc.paths['/api/auth/invitation'].get.responses['400']).toBeDefined();
    expect(doc.paths['/api/users']?.post.responses['415']).toBeDefined();

    // Every operation, called by someone it lets in (anonymous for public ones) and by someone it
    // does not, with an empty JSON body, a body of another media type and a malformed one: each
    // answer's status and content type must be in the document (the app notes any that is not).
    const hr = await signUpCompany(server.url, '株式会社仕様書');
    const platform = await platformAdmin(server);
    const vendor = await createVendor(server, platform, '仕様書の販売店');
    const actors: Record<string, Client> = {
      tenant_admin: hr.client,
      manager: await clientAs(server, randomId(), hr.tenantId, null, 'manager'),
      learner: await clientAs(server, randomId(), hr.tenantId, null, 'learner'),
      vendor_admin: vendor.client,
      platform_admin: platform,
    };
    const anonymous = new Client(server.url);
    undeclaredResponses.length = 0;
    const foreign = 'aaaaaaaaaaaaaaaa';
    for (const r of routeAccess.filter((x) => !x.path.startsWith('/api/dev/'))) {
      const path = r.path.replace(/\{\w+\}/g, foreign);
      const allowed = r.roles === 'public' ? anonymous : actors[r.roles.find((role) => actors[role])!]!;
      const denied = r.roles === 'public' ? null : Object.entries(actors).find(([role]) => !(r.roles as string[]).includes(role))?.[1];
      const method = r.method.toUpperCase();
      if (method === 'GET') {
        await allowed.get(path);
        await allowed.get(`${path}?page=-1&cursor=%00&format=nope`);
        if (denied) await denied.get(path);
        continue;
      }
      await allowed.request(method, path, {});
      await allowed.request(method, path, undefined, { raw: 'plain words', headers: { 'content-type': 'text/plain' } });
      await allowed.request(method, path, undefined, { raw: '{"a":', headers: { 'content-type': 'application/json' } });
      if (denied) await denied.request(method, path, {});
    }
    // Real content: the exports answer their files.
    const bankId = await seedBank(hr.client, ['論理的思考'], 2);
    for (const format of ['csv', 'gift', 'moodle_xml'])
      expect((await hr.client.get(`/api/banks/${bankId}/export?format=${format}`)).status).toBe(200);
    for (const path of ['/api/users/export', '/api/users/import/template', '/api/openapi.json'])
      expect((await hr.client.get(path)).status, path).toBe(200);
    expect((await vendor.client.get('/api/vendor/usage.csv')).status).toBe(200);
    const quiz = await hr.client.post('/api/assessments', fixedAssessment(bankId, [{ skill: '論理的思考', count: 2 }]));
    await hr.client.post(`/api/assessments/${quiz.body.id}/publish`);
    expect((await hr.client.get(`/api/reports/assessments/${quiz.body.id}/results.csv`)).status).toBe(200);
    for (const format of ['qti21', 'qti3']) expect((await hr.client.get(`/api/banks/${bankId}/export?format=${format}`)).status).toBe(200);
    // A package changed meanwhile is a 409.
    const created = await hr.client.post('/api/packages', {
      title: { ja: '仕様書の研修' },
      description: { ja: '説明' },
      level: 'new_hire',
      modules: [{ id: 'm1', kind: 'lesson', title: { ja: '読む' }, estimatedMinutes: 10, skillTags: [], body: { ja: '本文' } }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const stale = await hr.client.put(`/api/packages/${created.body.id}`, { package: created.body.package, expectedRev: 99 });
    expect(stale.status).toBe(409);
    await hr.client.get(`/api/packages/${created.body.id}/certificates.zip`);

    expect(undeclaredResponses).toEqual([]);
  });

  it('has a human-readable docs page', async () => {
    const res = await new Client(server.url).get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.body).toContain('POST /api/users/import');
    expect(res.body).toContain('Roles:</strong> tenant_admin');
  });
});
