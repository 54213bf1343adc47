import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer();
  hr = await signUpCompany(server.url, '株式会社ユーザー管理');
});
afterAll(() => server.stop());

describe('departments', () => {
  it('creates, lists with user counts, renames, refuses duplicates and deletes only when empty', async () => {
    const sales = await hr.client.post('/api/departments', { name: '営業部' });
    expect(sales.status).toBe(201);
    expect((await hr.client.post('/api/departments', { name: ' 営業部 ' })).status).toBe(409);
    const dev = (await hr.client.post('/api/departments', { name: '開発部' })).body;

    await hr.client.post('/api/users', { name: '営業 一郎', email: uniqueEmail(), departmentId: sales.body.id, sendInvite: false });
    const list = await hr.client.get('/api/departments');
    expect(list.body.items.map((d: { name: string; userCount: number }) => [d.name, d.userCount])).toEqual([
      ['営業部', 1],
      ['開発部', 0],
    ]);

    const renamed = await hr.client.patch(`/api/departments/${dev.id}`, { name: 'プロダクト開発部' });
    expect(renamed.body.name).toBe('プロダクト開発部');
    expect((await hr.client.patch(`/api/departments/${dev.id}`, { name: '営業部' })).status).toBe(409);
    // The old name is free again after a rename.
    expect((await hr.client.post('/api/departments', { name: '開発部' })).status).toBe(201);

    const busy = await hr.client.delete(`/api/departments/${sales.body.id}`);
    expect(busy.status).toBe(409);
    expect(busy.body.error.code).toBe('department_in_use');
    expect((await hr.client.delete(`/api/departments/${dev.id}`)).status).toBe(204);
    expect((await hr.client.get('/api/departments')).body.items.map((d: { name: string }) => d.name)).toEqual(['営業部', '開発部']);
  });
});

describe('users', () => {
  it('creates, reads, edits and deactivates a user; a deactivated user cannot sign in', async () => {
    const dept = (await hr.client.post('/api/departments', { name: '人事部' })).body;
    const email = uniqueEmail('worker');
    const created = await hr.client.post('/api/users', {
      name: '山田 太郎',
      email: email.toUpperCase(),
      role: 'learner',
      departmentId: dept.id,
      level: 'new_hire',
      hireDate: '2026-04-01',
      sendInvite: false,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, departmentName: '人事部', level: 'new_hire', status: 'invited', hireDate: '2026-04-01' });

    const got = await hr.client.get(`/api/users/${created.body.id}`);
    expect(got.body.name).toBe('山田 太郎');

    const edited = await hr.client.patch(`/api/users/${created.body.id}`, { level: 'junior', role: 'manager', email: `new-${email}` });
    expect(edited.body).toMatchObject({ level: 'junior', role: 'manager', email: `new-${email}` });
    // The old email is free again; the new one is taken.
    expect((await hr.client.post('/api/users', { name: 'A', email, sendInvite: false })).status).toBe(201);
    const dup = await hr.client.post('/api/users', { name: 'B', email: `new-${email}`, sendInvite: false });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('email_taken');

    const deactivated = await hr.client.post(`/api/users/${created.body.id}/deactivate`);
    expect(deactivated.body.status).toBe('deactivated');
    const reactivated = await hr.client.post(`/api/users/${created.body.id}/reactivate`);
    expect(reactivated.body.status).toBe('invited');
  });

  it('validates input with a detail per field and refuses unknown departments', async () => {
    const bad = await hr.client.post('/api/users', { name: '', email: 'x', role: 'king', level: 'senior', hireDate: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'hireDate', 'level', 'name', 'role']);
    const ghostDept = await hr.client.post('/api/users', {
      name: 'A',
      email: uniqueEmail(),
      departmentId: 'zzzzzzzzzzzzzzzz',
      sendInvite: false,
    });
    expect(ghostDept.status).toBe(404);
    const emptyPatch = await hr.client.patch(`/api/users/${hr.adminId}`, {});
    expect(emptyPatch.status).toBe(400);
  });

  it('does not let an admin lock themselves out', async () => {
    expect((await hr.client.patch(`/api/users/${hr.adminId}`, { role: 'learner' })).status).toBe(400);
    expect((await hr.client.post(`/api/users/${hr.adminId}/deactivate`)).status).toBe(400);
  });

  it('lists by name with search, department and level filters, and pages without gaps or repeats', async () => {
    const company = await signUpCompany(server.url, '株式会社一覧');
    const c = company.client;
    const a = (await c.post('/api/departments', { name: 'A部' })).body;
    const b = (await c.post('/api/departments', { name: 'B部' })).body;
    const names = Array.from({ length: 23 }, (_, i) => `社員${String(i).padStart(2, '0')}`);
    for (const [i, name] of names.entries()) {
      const res = await c.post('/api/users', {
        name,
        email: uniqueEmail(`p${i}`),
        departmentId: i % 2 === 0 ? a.id : b.id,
        level: i % 3 === 0 ? 'mid' : 'junior',
        sendInvite: false,
      });
      expect(res.status).toBe(201);
    }
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const res: { body: { items: { name: string }[]; total: number; pageCount: number } } = await c.get(
        `/api/users?pageSize=5&page=${page}`,
      );
      expect(res.body.items.length).toBeLessThanOrEqual(5);
      expect([res.body.total, res.body.pageCount]).toEqual([24, 5]);
      seen.push(...res.body.items.map((u) => u.name));
    }
    expect(seen).toEqual(['人事 太郎', ...names].sort((x, y) => (x < y ? -1 : 1)));

    const inA = await c.get(`/api/users?departmentId=${a.id}&pageSize=200`);
    expect(inA.body.items).toHaveLength(12);
    expect(inA.body.items.every((u: { departmentName: string }) => u.departmentName === 'A部')).toBe(true);
    const midInB = await c.get(`/api/users?departmentId=${b.id}&level=mid&pageSize=200`);
    expect(midInB.body.items.map((u: { name: string }) => u.name)).toEqual(['社員03', '社員09', '社員15', '社員21']);
    const search = await c.get(`/api/users?q=${encodeURIComponent('社員1')}&pageSize=3`);
    expect(search.body.items.map((u: { name: string }) => u.name)).toEqual(['社員10', '社員11', '社員12']);
    expect(search.body.total).toBe(10);
    const rest = await c.get(`/api/users?q=${encodeURIComponent('社員1')}&pageSize=3&page=4`);
    expect(rest.body.items.map((u: { name: string }) => u.name)).toEqual(['社員19']);
    expect([rest.body.page, rest.body.pageCount]).toEqual([4, 4]);
    expect((await c.get('/api/users?sort=age')).status).toBe(400);
    expect((await c.get('/api/users?pageSize=0')).body.error.details[0].path).toBe('query.pageSize');
  });
});

describe('roles', () => {
  it('keeps learners and managers out of HR routes (403) but lets them read their own profile', async () => {
    const company = await signUpCompany(server.url, '株式会社ロール');
    const email = uniqueEmail('learner');
    await company.client.post('/api/users', { name: '受講 花子', email, role: 'learner', sendInvite: true });
    const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === email);
    const learner = new Client(server.url);
    const set = await learner.post('/api/auth/set-password', {
      token: new URL(mail.link).searchParams.get('token'),
      password: 'learner password',
    });
    learner.token = set.body.accessToken;
    for (const [method, path] of [
      ['GET', '/api/users'],
      ['POST', '/api/users'],
      ['GET', '/api/departments'],
      ['POST', '/api/users/import'],
    ] as const) {
      expect((await learner.request(method, path, method === 'POST' ? {} : undefined)).status, `${method} ${path}`).toBe(403);
    }
    const me = await learner.get('/api/me');
    expect(me.body.user).toMatchObject({ email, role: 'learner' });
    const localeChange = await learner.patch('/api/me', { locale: 'en' });
    expect(localeChange.body.locale).toBe('en');
  });
});
