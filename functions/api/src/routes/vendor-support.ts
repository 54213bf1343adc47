import { assessmentTitles } from '../services/assessment-titles.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { isId } from '@manabi/core';
import { activeSupportGrant, getUser, listAttemptsOfUser, listUsers, recordAudit, type UserRecord } from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import { idParams, supportUserDetailSchema, supportUserListSchema, supportUserParams } from '@manabi/contract';
import { ownTenant, vendorActor } from '../services/vendor-scope.js';

const VENDOR = ['vendor_admin'] as const;

const person = (u: UserRecord) => ({ id: u.id, name: u.name, email: u.email, role: u.role, level: u.level, status: u.status });

/**
 * Support access from the vendor's side: a company's people and their results, only while the
 * company's grant is in force, and every look is written to the company's audit log.
 */
export function registerVendorSupportRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  /** The company's data, if it has granted access now (else 403 support_access_required). */
  const granted = async (auth: AuthClaims, tenantId: string) => {
    const t = await ownTenant(deps, auth, tenantId);
    const db = deps.data.clientFor({ tenantId: t.id });
    if (!(await activeSupportGrant(db, deps.now()))) throw new ApiError(403, 'support_access_required');
    return db;
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/vendor/tenants/{id}/users',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'A client company’s people — only while it grants support access (recorded in its audit log)',
      responses: { 200: json(supportUserListSchema, 'People'), ...ERROR_RESPONSES },
      request: { params: idParams },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = await granted(auth, c.req.valid('param').id);
      const items: UserRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = await listUsers(db, { limit: 200, cursor });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < 2000);
      await recordAudit(db, {
        at: deps.now().toISOString(),
        actor: await vendorActor(deps, auth),
        action: 'support.users_viewed',
        detail: {},
      });
      return c.json({ items: items.map(person) }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/vendor/tenants/{id}/users/{userId}',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'One person of a client company with their quiz results — only while it grants support access',
      request: { params: supportUserParams },
      responses: { 200: json(supportUserDetailSchema, 'The person and their results'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { id, userId } = c.req.valid('param');
      const db = await granted(auth, id);
      const user = isId(userId) ? await getUser(db, userId) : null;
      if (!user) throw notFound('user');
      const attempts = await listAttemptsOfUser(db, user.id, 100);
      const titles = await assessmentTitles(db, attempts);
      await recordAudit(db, {
        at: deps.now().toISOString(),
        actor: await vendorActor(deps, auth),
        action: 'support.user_viewed',
        detail: { userId: user.id, userName: user.name },
      });
      return c.json(
        {
          user: person(user),
          attempts: attempts.map((x) => {
            const r = x.result as { score: number; passed: boolean } | null;
            return {
              id: x.id,
              assessmentTitle: titles.get(x.assessmentId) ?? null,
              status: x.status,
              score: r?.score ?? null,
              passed: r?.passed ?? null,
              submittedAt: x.finishedAt ?? null,
            };
          }),
        },
        200,
      );
    },
  );
}
