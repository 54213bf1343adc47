import { mailContextFor } from '../services/branding.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import {
  isId,
  LEVELS,
  MAX_USER_PAGE_SIZE,
  newUserId,
  SORT_ORDERS,
  USER_SORTS,
  USER_STATUSES,
  TENANT_ROLES,
  userCreateSchema,
  userUpdateSchema,
  type Role,
} from '@manabi/core';
import type { SkillFramework } from '@manabi/upskilling';
import { createUser, getFramework, getTenant, getUser, updateUser, writeAtomically, type TenantDb, type UserRecord } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { conflictResponse, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { errorSchema, idParams, userSchema } from '@manabi/contract';
import { invitationItems } from '../services/invitations.js';
import { searchCompanyUsers } from '../services/user-search.js';
import { autoAssignForLevel } from '../services/packages.js';
import { presentUser, presentUserWithDepartment } from './present.js';
import { forgetAccess } from '../auth/access-gate.js';
import { auditEventItem, personActor, personSubject, type AuditActor } from '../services/audit.js';

const HR: readonly Role[] = ['tenant_admin'];

const listQuery = z.object({
  q: z.string().max(100).optional(),
  departmentId: z.string().max(40).optional(),
  level: z.enum(LEVELS).optional(),
  status: z.enum(USER_STATUSES).optional(),
  role: z.enum(TENANT_ROLES).optional(),
  sort: z.enum(USER_SORTS).default('name'),
  order: z.enum(SORT_ORDERS).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_USER_PAGE_SIZE).default(50),
});

const userPage = z
  .object({
    items: z.array(userSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
  })
  .openapi('UserPage');

/** The HR admin making a change, as the audit log names them. */
async function actorOf(db: TenantDb, userId: string): Promise<AuditActor> {
  return personActor((await getUser(db, userId)) ?? { id: userId, name: '' });
}

export function registerUserRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  /** Loads a user of the caller's tenant; any other id (another tenant's, malformed) is a 404. */
  const loadUser = async (tenantId: string, id: string): Promise<UserRecord> => {
    const user = isId(id) ? await getUser(deps.data.clientFor({ tenantId }), id) : null;
    if (!user) throw notFound('user');
    return user;
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/users',
      roles: HR,
      tags: ['users'],
      summary:
        'Search the whole company’s people (name, フリガナ in either kana, email; prefix or substring) with filters, a total, sorting and pages',
      request: { query: listQuery },
      responses: { 200: json(userPage, 'One page of the matching people, with their total'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const db = deps.data.clientFor(c.get('auth'));
      const q = c.req.valid('query');
      if (q.departmentId && !isId(q.departmentId)) return c.json({ items: [], total: 0, page: 1, pageSize: q.pageSize, pageCount: 1 }, 200);
      const result = await searchCompanyUsers(deps, db, q);
      return c.json({ ...result, items: result.items.map((i) => presentUser(i.user, i.departmentName)) }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/users',
      roles: HR,
      tags: ['users'],
      summary: 'Add a user (optionally emailing an invitation to set a password)',
      request: { body: jsonBody(userCreateSchema) },
      responses: { 201: json(userSchema, 'Created'), 409: json(errorSchema, 'Email already in use'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.identityFor(auth);
      const input = c.req.valid('json');
      if (input.departmentId && !isId(input.departmentId)) throw notFound('department');
      await checkJobRole(db, input.jobRole);
      const tenant = await getTenant(db);
      if (!tenant) throw notFound('company');
      const user = {
        id: newUserId(),
        name: input.name,
        furigana: input.furigana,
        email: input.email,
        role: input.role,
        departmentId: input.departmentId,
        level: input.level,
        hireDate: input.hireDate,
        jobRole: input.jobRole,
        locale: input.locale,
        status: 'invited' as const,
        emailVerified: false,
        passwordHash: null,
      };
      const extra = input.sendInvite ? invitationItems(deps, db, user, tenant.name, await mailContextFor(deps, db.tenantId)).items : [];
      const created = await createUser(db, user, deps.now().toISOString(), extra);
      await autoAssignForLevel(deps, db, created, auth.userId);
      return c.json(await presentUserWithDepartment(db, created), 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/users/{id}',
      roles: HR,
      tags: ['users'],
      summary: 'One user',
      request: { params: idParams },
      responses: { 200: json(userSchema, 'The user'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const user = await loadUser(auth.tenantId, c.req.valid('param').id);
      return c.json(await presentUserWithDepartment(deps.data.clientFor(auth), user), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'patch',
      path: '/api/users/{id}',
      roles: HR,
      tags: ['users'],
      summary: 'Change a user (name, email, role, department, level, hire date, language)',
      request: { params: idParams, body: jsonBody(userUpdateSchema) },
      responses: { 200: json(userSchema, 'Updated'), 409: json(errorSchema, 'Email in use or changed meanwhile'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.identityFor(auth);
      const user = await loadUser(auth.tenantId, c.req.valid('param').id);
      const changes = c.req.valid('json');
      if (changes.departmentId && !isId(changes.departmentId)) throw notFound('department');
      await checkJobRole(db, changes.jobRole);
      if (user.id === auth.userId && changes.role && changes.role !== user.role) {
        throw new ApiError(400, 'validation_error', 'validation_error.own_role', [{ path: 'role', message: 'validation_error.own_role' }]);
      }
      const actor = await actorOf(db, auth.userId);
      const roleChange =
        changes.role && changes.role !== user.role
          ? [
              auditEventItem(deps, auth.tenantId, {
                type: 'user.role_changed',
                actor,
                subject: personSubject(user),
                detail: { from: user.role, to: changes.role },
              }),
            ]
          : [];
      const updated = await updateUser(db, user, changes, deps.now().toISOString(), roleChange);
      forgetAccess({ tenantId: auth.tenantId, userId: user.id });
      if (updated.level !== user.level) await autoAssignForLevel(deps, db, updated, auth.userId);
      return c.json(await presentUserWithDepartment(db, updated), 200);
    },
  );

  const setStatus = (path: string, summary: string, status: 'deactivated' | 'active') =>
    app.openapi(
      defineRoute({
        method: 'post',
        path,
        roles: HR,
        tags: ['users'],
        summary,
        request: { params: idParams },
        responses: {
          200: json(userSchema, 'Updated'),
          409: conflictResponse('stale: the person was changed at the same time; or seat_limit_reached when coming back'),
          ...ERROR_RESPONSES,
        },
      }),
      async (c) => {
        const auth = c.get('auth');
        const db = deps.data.clientFor(auth);
        const user = await loadUser(auth.tenantId, c.req.valid('param').id);
        if (user.id === auth.userId)
          throw new ApiError(400, 'validation_error', 'validation_error.deactivate_self', [
            { path: 'id', message: 'validation_error.deactivate_self' },
          ]);
        // Reactivating someone who never set a password puts them back to "invited".
        const next = status === 'active' && !user.passwordHash ? 'invited' : status;
        // The change and its audit entry are one write.
        const entry = auditEventItem(deps, auth.tenantId, {
          type: status === 'deactivated' ? 'user.deactivated' : 'user.reactivated',
          actor: await actorOf(db, auth.userId),
          subject: personSubject(user),
        });
        const updated = user.status === next ? user : await updateUser(db, user, { status: next }, deps.now().toISOString(), [entry]);
        forgetAccess({ tenantId: auth.tenantId, userId: user.id });
        return c.json(await presentUserWithDepartment(db, updated), 200);
      },
    );
  setStatus('/api/users/{id}/deactivate', 'Deactivate a user (they can no longer sign in)', 'deactivated');
  setStatus('/api/users/{id}/reactivate', 'Reactivate a user', 'active');

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/users/{id}/invite',
      roles: HR,
      tags: ['users'],
      summary: 'Email (again) the invitation to set a password',
      request: { params: idParams },
      responses: {
        202: json(z.object({ ok: z.literal(true) }), 'Invitation queued'),
        409: json(errorSchema, 'User is not awaiting an invitation'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.identityFor(auth);
      const user = await loadUser(auth.tenantId, c.req.valid('param').id);
      if (user.status !== 'invited') throw new ApiError(409, 'not_invited');
      const tenant = await getTenant(db);
      if (!tenant) throw notFound('company');
      await writeAtomically(db, invitationItems(deps, db, user, tenant.name, await mailContextFor(deps, db.tenantId)).items);
      return c.json({ ok: true as const }, 202);
    },
  );
}

/** A job role must be one the company's skill framework defines (its requirements apply to the person). */
async function checkJobRole(db: TenantDb, jobRole: string | null | undefined): Promise<void> {
  if (!jobRole) return;
  const framework = (await getFramework<SkillFramework>(db))?.framework;
  if (!framework?.jobRoles.some((r) => r.id === jobRole)) {
    throw new ApiError(400, 'validation_error', 'validation_error.job_role', [
      { path: 'jobRole', message: 'field.not_framework_job_role' },
    ]);
  }
}
