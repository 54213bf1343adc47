import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { departmentInputSchema, isId, newDepartmentId, type Department, type Role } from '@manabi/core';
import {
  countUsersInDepartment,
  createDepartment,
  deleteDepartment,
  getDepartment,
  listDepartments,
  renameDepartment,
  type TenantDb,
} from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { departmentSchema, errorSchema, idParams } from '@manabi/contract';

const HR: readonly Role[] = ['tenant_admin'];

const present = (d: Department, userCount: number) => ({
  id: d.id,
  name: d.name,
  userCount,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

export function registerDepartmentRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const load = async (db: TenantDb, id: string): Promise<Department> => {
    const d = isId(id) ? await getDepartment(db, id) : null;
    if (!d) throw notFound('department');
    return d;
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/departments',
      roles: HR,
      tags: ['departments'],
      summary: 'List departments with their user counts',
      responses: { 200: json(z.object({ items: z.array(departmentSchema) }), 'Departments by name'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const db = deps.data.clientFor(c.get('auth'));
      const departments = await listDepartments(db);
      const counts = await Promise.all(departments.map((d) => countUsersInDepartment(db, d.id)));
      return c.json({ items: departments.map((d, i) => present(d, counts[i] ?? 0)) }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/departments',
      roles: HR,
      tags: ['departments'],
      summary: 'Create a department (names are unique in the company)',
      request: { body: jsonBody(departmentInputSchema) },
      responses: { 201: json(departmentSchema, 'Created'), 409: json(errorSchema, 'Name exists'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const db = deps.data.clientFor(c.get('auth'));
      const d = await createDepartment(db, newDepartmentId(), c.req.valid('json').name, deps.now().toISOString());
      return c.json(present(d, 0), 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'patch',
      path: '/api/departments/{id}',
      roles: HR,
      tags: ['departments'],
      summary: 'Rename a department',
      request: { params: idParams, body: jsonBody(departmentInputSchema) },
      responses: { 200: json(departmentSchema, 'Renamed'), 409: json(errorSchema, 'Name exists'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const db = deps.data.clientFor(c.get('auth'));
      const current = await load(db, c.req.valid('param').id);
      const renamed = await renameDepartment(db, current, c.req.valid('json').name, deps.now().toISOString());
      return c.json(present(renamed, await countUsersInDepartment(db, renamed.id)), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'delete',
      path: '/api/departments/{id}',
      roles: HR,
      tags: ['departments'],
      summary: 'Delete an empty department',
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, 409: json(errorSchema, 'Department still has users'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const db = deps.data.clientFor(c.get('auth'));
      const current = await load(db, c.req.valid('param').id);
      if ((await countUsersInDepartment(db, current.id)) > 0) {
        throw new ApiError(409, 'department_in_use');
      }
      await deleteDepartment(db, current);
      return c.body(null, 204);
    },
  );
}
