import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { emailSchema, isId, localeSchema, type Role } from '@manabi/core';
import { getTenantAccount, getVendor, listTenantsOfVendor, saveVendorBranding, setTenantPlan, setTenantStatus } from '@manabi/data';
import { stringify } from 'csv-stringify/sync';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { idParams, json, jsonBody } from '../schemas.js';
import { createAccount, presentTenant } from '../services/vendors.js';

const VENDOR: readonly Role[] = ['vendor_admin'];

export const planSchema = z.object({
  seatLimit: z.number().int().min(1).max(1_000_000).nullable(),
  features: z.object({ adaptive: z.boolean(), reportsExport: z.boolean() }),
});
const tenantView = z.any().openapi('VendorTenant', { description: '{ id, name, status, plan, seatsUsed, createdAt }' });
const host = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: 'Expected a host name such as learn.example.co.jp',
  });
const brandingBody = z.object({
  productName: z.string().trim().min(1).max(60),
  primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'Expected a colour #rrggbb' }),
  signInText: z.object({ ja: z.string().max(200).optional(), en: z.string().max(200).optional() }).nullable(),
  supportEmail: emailSchema.nullable(),
  emailSenderName: z.string().trim().max(60).nullable(),
  domains: z
    .array(host)
    .max(10)
    .refine((d) => new Set(d).size === d.length, { message: 'Each host once' }),
  selfSignup: z.boolean(),
});

/**
 * The vendor console: a vendor admin manages its client companies and its brand. The vendor comes
 * only from the token; a company of another vendor is not found (404). Vendor admins see plans and
 * usage, never the companies' people or answers.
 */
export function registerVendorRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const vendorOf = (auth: AuthClaims): string => {
    if (!auth.vendorId) throw notFound('Vendor');
    return auth.vendorId;
  };
  const ownTenant = async (auth: AuthClaims, id: string) => {
    const t = isId(id) ? await getTenantAccount(deps.data.platform, id) : null;
    if (!t || t.kind !== 'client' || t.vendorId !== vendorOf(auth)) throw notFound('Company');
    return t;
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/vendor/tenants',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'The vendor’s client companies with plan and seats used',
      responses: { 200: json(z.any().openapi({ description: '{ items: VendorTenant[] }' }), 'Companies'), ...ERROR_RESPONSES },
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
        body: jsonBody(
          z.object({
            name: z.string().trim().min(1).max(100),
            adminName: z.string().trim().min(1).max(100),
            adminEmail: emailSchema,
            locale: localeSchema.default('ja'),
            plan: planSchema,
          }),
        ),
      },
      responses: { 201: json(z.any(), '{ tenant, adminUserId }'), ...ERROR_RESPONSES },
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
        plan: body.plan,
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
      responses: { 200: json(tenantView, 'Company'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(presentTenant(await ownTenant(c.get('auth'), c.req.valid('param').id)), 200),
  );

  app.openapi(
    defineRoute({
      method: 'patch',
      path: '/api/vendor/tenants/{id}',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'Change a client company’s plan (a limit below the seats in use is refused)',
      request: { params: idParams, body: jsonBody(z.object({ plan: planSchema })) },
      responses: { 200: json(tenantView, 'Company'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const t = await ownTenant(c.get('auth'), c.req.valid('param').id);
      await setTenantPlan(deps.data.platform, t.id, c.req.valid('json').plan);
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
        responses: { 200: json(tenantView, 'Company'), ...ERROR_RESPONSES },
      }),
      async (c) => {
        const t = await ownTenant(c.get('auth'), c.req.valid('param').id);
        await setTenantStatus(deps.data.platform, t.id, status);
        return c.json(presentTenant({ ...t, status }), 200);
      },
    );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/vendor/usage.csv',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'Usage per client company for billing (CSV, UTF-8 with BOM)',
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const tenants = await listTenantsOfVendor(deps.data.platform, vendorOf(c.get('auth')));
      const rows = tenants.map((t) => [t.id, t.name, t.status, t.plan.seatLimit ?? '', t.seatsUsed, t.createdAt]);
      const csv = stringify([['tenant_id', 'name', 'status', 'seat_limit', 'seats_used', 'created_at'], ...rows], {
        record_delimiter: '\r\n',
      });
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', 'attachment; filename="usage.csv"');
      return c.body(`\uFEFF${csv}`, 200);
    },
  );

  const loadVendor = async (auth: AuthClaims) => {
    const v = await getVendor(deps.data.platform, vendorOf(auth));
    if (!v) throw notFound('Vendor');
    return v;
  };
  const presentBranding = (v: Awaited<ReturnType<typeof loadVendor>>) => ({
    productName: v.branding?.productName ?? v.name,
    primaryColor: v.branding?.primaryColor ?? '#0f766e',
    signInText: v.branding?.signInText ?? null,
    supportEmail: v.branding?.supportEmail ?? null,
    emailSenderName: v.branding?.emailSenderName ?? null,
    domains: v.domains ?? [],
    selfSignup: v.selfSignup ?? false,
  });

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/vendor/branding',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'The vendor’s brand and domains',
      responses: { 200: json(z.any().openapi('VendorBranding'), 'Branding'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(presentBranding(await loadVendor(c.get('auth'))), 200),
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/vendor/branding',
      roles: VENDOR,
      tags: ['vendor'],
      summary: 'Set the brand and domains (a host another vendor holds is a 409 naming it)',
      request: { body: jsonBody(brandingBody) },
      responses: { 200: json(z.any(), 'Branding'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const v = await loadVendor(auth);
      const { domains, selfSignup, ...branding } = c.req.valid('json');
      await saveVendorBranding(deps.data.platform, v, { branding, domains, selfSignup });
      return c.json(presentBranding(await loadVendor(auth)), 200);
    },
  );
}
