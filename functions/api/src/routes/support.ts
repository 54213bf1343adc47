import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  activeSupportGrant,
  auditItem,
  getTenantAccount,
  getUser,
  getVendor,
  listUsers,
  revokeSupportGrantItem,
  supportGrantItem,
  writeAtomically,
  type AuditActor,
  type TenantDb,
} from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { ApiError } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { errorSchema, supportAccessSchema, supportGrantBodySchema, supportGrantedSchema } from '@manabi/contract';
import { notify } from '../services/notifications.js';

const HR = ['tenant_admin'] as const;

/** The company's HR admins (not deactivated): they all hear of every support grant. */
async function adminIds(db: TenantDb): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers(db, { role: 'tenant_admin', limit: 200, cursor });
    ids.push(...page.items.filter((u) => u.status !== 'deactivated').map((u) => u.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/**
 * The company's side of support access: HR lets its vendor see its people and results for a
 * limited time, can end it at once, and reads the audit log of what was granted and looked at.
 */
export function registerSupportRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const actorOf = async (auth: AuthClaims): Promise<AuditActor> => {
    const me = await getUser(deps.data.clientFor(auth), auth.userId);
    return { kind: 'user', id: auth.userId, name: me?.name ?? '' };
  };
  const vendorNameOf = async (tenantId: string) => {
    const tenant = await getTenantAccount(deps.data.platform, tenantId);
    const vendor = tenant?.kind === 'client' && tenant.vendorId ? await getVendor(deps.data.platform, tenant.vendorId) : null;
    return vendor ? (vendor.branding?.productName ?? vendor.name) : null;
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/support-access',
      roles: HR,
      tags: ['company'],
      summary: 'Whether the company’s provider may see its people now, and until when',
      responses: { 200: json(supportAccessSchema, 'The provider and the grant in force'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const [vendorName, grant] = await Promise.all([
        vendorNameOf(auth.tenantId),
        activeSupportGrant(deps.data.clientFor(auth), deps.now()),
      ]);
      return c.json({ vendorName, grant }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/support-access',
      roles: HR,
      tags: ['company'],
      summary: 'Let the provider see the company’s people and results for some hours (recorded in the audit log)',
      request: { body: jsonBody(supportGrantBodySchema) },
      responses: { 201: json(supportGrantedSchema, 'Granted'), 409: json(errorSchema, 'The company has no provider'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      if (!(await vendorNameOf(auth.tenantId))) throw new ApiError(409, 'no_vendor');
      const db = deps.data.clientFor(auth);
      const now = deps.now();
      const actor = await actorOf(auth);
      const grant = {
        grantedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + c.req.valid('json').hours * 3_600_000).toISOString(),
        grantedBy: { id: actor.id, name: actor.name },
      };
      // The grant and its record are one write: no access without its entry in the log.
      await writeAtomically(db, [
        supportGrantItem(db, grant),
        auditItem(db, { at: grant.grantedAt, actor, action: 'support_access.granted', detail: { expiresAt: grant.expiresAt } }),
      ]);
      await notify(deps, db, {
        kind: 'support_access_granted',
        adminIds: await adminIds(db),
        actorName: actor.name,
        vendorName: (await vendorNameOf(auth.tenantId)) ?? '',
        grantedAt: grant.grantedAt,
        expiresAt: grant.expiresAt,
      });
      return c.json({ grant }, 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'delete',
      path: '/api/support-access',
      roles: HR,
      tags: ['company'],
      summary: 'End the provider’s access now',
      responses: { 204: { description: 'Revoked' }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      await writeAtomically(db, [
        revokeSupportGrantItem(db),
        auditItem(db, { at: deps.now().toISOString(), actor: await actorOf(auth), action: 'support_access.revoked', detail: {} }),
      ]);
      return c.body(null, 204);
    },
  );
}
