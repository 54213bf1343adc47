import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Role } from '@manabi/core';
import {
  activeSupportGrant,
  getTenantAccount,
  listTenantsOfVendor,
  recordAudit,
  setTenantPlan,
  setTenantStatus,
  type AuditEntry,
  type TenantPlan,
} from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { ApiError } from '../errors.js';
import { conflictResponse, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import {
  createTenantBodySchema,
  createdTenantSchema,
  idParams,
  tenantPlanBodySchema,
  vendorCatalogSchema,
  vendorTenantListSchema,
  vendorTenantSchema,
} from '@manabi/contract';
import { createAccount, presentTenant } from '../services/vendors.js';
import { ownTenant, vendorActor, vendorOf } from '../services/vendor-scope.js';
import { offeredPackages } from '../services/entitlements.js';
import { forgetAccess } from '../auth/access-gate.js';

const VENDOR: readonly Role[] = ['vendor_admin'];

/** A plan may only name packages the vendor offers: the catalog's and its own (each unknown id is named). */
export async function checkPlanCatalog(deps: AppDeps, vendorId: string, plan: TenantPlan, path: string): Promise<TenantPlan> {
  if (!plan.catalogPackageIds) return plan;
  const known = new Set((await offeredPackages(deps, vendorId)).map((p) => p.id));
  const details = plan.catalogPackageIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `${path}.catalogPackageIds.${i}`, message: 'field.not_catalog_package' as const }],
  );
  if (details.length) throw new ApiError(400, 'validation_error', 'validation_error.catalog_packages', details);
  return plan;
}

/**
 * The vendor console: a vendor admin manages its client companies and its brand. The vendor comes
 * only from the token; a company of another vendor is not found (404). Vendor admins see plans and
 * usage, never the companies' people or answers.
 */
export function registerVendorRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const own = (auth: AuthClaims, id: string) => ownTenant(deps, auth, id);
  const checkPlan = (auth: AuthClaims, plan: TenantPlan) => checkPlanCatalog(deps, vendorOf(auth), plan, 'plan');
  /** Records a vendor's change to a company in the company's own audit log. */
  const audit = async (auth: AuthClaims, tenantId: string, action: string, detail: AuditEntry['detail'] = {}) =>
    recordAudit(deps.data.clientFor({ tenantId }), { at: deps.now().toISOString(), actor: await vendorActor(deps, auth), action, detail });

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/vendor/tenants',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'The vendor’s client companies with plan and seats used',
      responses: { 200: json(vendorTenantListSchema, 'Companies'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json({ items: (await listTenantsOfVendor(deps.data.platform, vendorOf(c.get('auth')))).map(presentTenant) }, 200),
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/vendor/tenants',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'Create a client company with its plan; its HR admin is invited by email',
      request: {
        body: jsonBody(createTenantBodySchema),
      },
      responses: { 201: json(createdTenantSchema, 'Created'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const body = c.req.valid('json');
      const { tenant, adminUserId } = await createAccount(deps, {
        name: body.name,
        adminName: body.adminName,
        adminEmail: body.adminEmail,
        locale: body.locale,
        vendorId: vendorOf(auth),
        kind: 'client',
        plan: await checkPlan(auth, body.plan),
      });
      return c.json({ tenant: presentTenant((await getTenantAccount(deps.data.platform, tenant.id))!), adminUserId }, 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/vendor/tenants/{id}',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'One client company',
      request: { params: idParams },
      responses: { 200: json(vendorTenantSchema, 'Company'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const t = await own(c.get('auth'), c.req.valid('param').id);
      // Whether the company lets the vendor see its people now (never the people themselves here).
      const grant = await activeSupportGrant(deps.data.clientFor({ tenantId: t.id }), deps.now());
      return c.json({ ...presentTenant(t), support: grant ? { grantedAt: grant.grantedAt, expiresAt: grant.expiresAt } : null }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'patch',
      path: '/api/vendor/tenants/{id}',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'Change a client company’s plan (a limit below the seats in use is refused)',
      request: { params: idParams, body: jsonBody(tenantPlanBodySchema) },
      responses: {
        200: json(vendorTenantSchema, 'Company'),
        409: conflictResponse('seat_limit_below_usage: the company already uses more seats than the new limit'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const t = await own(c.get('auth'), c.req.valid('param').id);
      const auth = c.get('auth');
      await setTenantPlan(deps.data.platform, t.id, await checkPlan(auth, c.req.valid('json').plan));
      await audit(auth, t.id, 'vendor.plan_changed');
      return c.json(presentTenant((await getTenantAccount(deps.data.platform, t.id))!), 200);
    },
  );

  for (const [action, status] of [
    ['suspend', 'suspended'],
    ['reactivate', 'active'],
  ] as const)
    app.openapi(
      defineRoute({
        method: 'post',
        path: `/api/vendor/tenants/{id}/${action}`,
        roles: VENDOR,
        tags: ['vendor'],
        summary:
          action === 'suspend'
            ? 'Suspend a client company: its people’s sessions stop on their next request'
            : 'Reactivate a client company',
        request: { params: idParams },
        responses: { 200: json(vendorTenantSchema, 'Company'), ...ERROR_RESPONSES },
      }),
      async (c) => {
        const t = await own(c.get('auth'), c.req.valid('param').id);
        await setTenantStatus(deps.data.platform, t.id, status);
        forgetAccess({ tenantId: t.id });
        await audit(c.get('auth'), t.id, action === 'suspend' ? 'vendor.suspended' : 'vendor.reactivated');
        return c.json(presentTenant({ ...t, status }), 200);
      },
    );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/vendor/catalog',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'The packages the vendor offers (the platform’s catalog and its own), to choose what each company may use',
      responses: {
        200: json(vendorCatalogSchema, 'Catalog'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const offered = await offeredPackages(deps, vendorOf(c.get('auth')));
      const items = offered.map((p) => ({
        id: p.id,
        title: p.package.title,
        level: p.package.level,
        source: p.owner === 'vendor' ? ('vendor' as const) : ('platform' as const),
      }));
      return c.json({ items }, 200);
    },
  );
}
