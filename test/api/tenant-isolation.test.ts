import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';

/**
 * Tenant isolation is the first feature: a second company's admin must get 404 for every id of
 * the first, list endpoints must never show foreign rows, and nothing in the URL or body can
 * choose the tenant.
 */
let server: TestServer;
let a: SignedUpCompany;
let b: SignedUpCompany;
const ids = { users: [] as string[], departments: [] as string[] };

beforeAll(async () => {
  server = await startTestServer();
  a = await signUpCompany(server.url, '株式会社エー');
  b = await signUpCompany(server.url, '株式会社ビー');
  const dept = await a.client.post('/api/departments', { name: '秘密の部署' });
  ids.departments.push(dept.body.id);
  for (let i = 0; i < 3; i++) {
    const u = await a.client.post('/api/users', {
      name: `エー社員${i}`,
      email: uniqueEmail('a'),
      departmentId: dept.body.id,
      level: 'junior',
      sendInvite: false,
    });
    ids.users.push(u.body.id);
  }
  ids.users.push(a.adminId);
  await a.client.upload(
    '/api/users/import?mode=commit',
    new TextEncoder().encode(`name,email,department\nImported,${uniqueEmail('imp')},輸入部\n`),
  );
});
afterAll(() => server.stop());

describe('tenant isolation', () => {
  it('answers 404 to every user id of another company, for every verb', async () => {
    for (const id of ids.users) {
      expect((await b.client.get(`/api/users/${id}`)).status).toBe(404);
      expect((await b.client.patch(`/api/users/${id}`, { name: '乗っ取り' })).status).toBe(404);
      expect((await b.client.post(`/api/users/${id}/deactivate`)).status).toBe(404);
      expect((await b.client.post(`/api/users/${id}/reactivate`)).status).toBe(404);
      expect((await b.client.post(`/api/users/${id}/invite`)).status).toBe(404);
    }
    // Nothing changed on A's side.
    const still = await a.client.get(`/api/users/${ids.users[0]}`);
    expect(still.body).toMatchObject({ name: 'エー社員0', status: 'invited' });
  });

  it('answers 404 to every department id of another company', async () => {
    for (const id of ids.departments) {
      expect((await b.client.patch(`/api/departments/${id}`, { name: 'x' })).status).toBe(404);
      expect((await b.client.delete(`/api/departments/${id}`)).status).toBe(404);
      expect((await b.client.post('/api/users', { name: 'x', email: uniqueEmail(), departmentId: id, sendInvite: false })).status).toBe(
        404,
      );
      expect((await b.client.get(`/api/users?departmentId=${id}`)).body.items).toEqual([]);
    }
    expect((await a.client.get('/api/departments')).body.items.map((d: { name: string }) => d.name)).toContain('秘密の部署');
  });

  it('never lists another company’s rows, whatever the filters', async () => {
    const aIds = new Set(ids.users);
    for (const query of ['', '?q=エー', '?level=junior', '?status=invited', '?q=imported', '?role=tenant_admin']) {
      const res = await b.client.get(`/api/users${query}`);
      expect(res.status).toBe(200);
      expect(res.body.items.filter((u: { id: string }) => aIds.has(u.id))).toEqual([]);
      expect(res.body.items.every((u: { tenantId: string }) => u.tenantId === b.tenantId)).toBe(true);
    }
    const depts = (await b.client.get('/api/departments')).body.items.map((d: { name: string }) => d.name);
    expect(depts).not.toContain('秘密の部署');
    expect(depts).not.toContain('輸入部');
  });

  it('counts only the company’s own people, on any page', async () => {
    const own = await b.client.get('/api/users?pageSize=1&page=1');
    const all = await b.client.get('/api/users?pageSize=200');
    expect(own.body.total).toBe(all.body.items.length);
    expect(all.body.items.every((u: { tenantId: string }) => u.tenantId === b.tenantId)).toBe(true);
  });

  it('ignores a tenant named in the body or query: the token decides', async () => {
    const created = await b.client.post('/api/users', {
      name: '潜入',
      email: uniqueEmail(),
      tenantId: a.tenantId,
      sendInvite: false,
    } as object);
    expect(created.status).toBe(201);
    expect(created.body.tenantId).toBe(b.tenantId);
    const listed = await b.client.get(`/api/users?tenantId=${a.tenantId}`);
    expect(listed.body.items.every((u: { tenantId: string }) => u.tenantId === b.tenantId)).toBe(true);
    expect((await a.client.get(`/api/users/${created.body.id}`)).status).toBe(404);
  });
});
