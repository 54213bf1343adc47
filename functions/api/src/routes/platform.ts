import type { OpenAPIHono } from '@hono/zod-openapi';
import { isId, newUserId, randomId, type Role } from '@manabi/core';
import { createUser, getVendor, listTenantsOfVendor, listUsers, listVendors, putVendor, setVendorFields, type Vendor } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import {
  addVendorAdminBodySchema,
  createVendorBodySchema,
  createdVendorSchema,
  errorSchema,
  idParams,
  platformVendorListSchema,
  platformVendorSchema,
  vendorAdminListSchema,
  vendorAdminSchema,
} from '@manabi/contract';
import { createAccount } from '../services/vendors.js';
import { invitationItems } from '../services/invitations.js';
import { mailContextOf } from '../services/branding.js';
import { forgetAccess } from '../auth/access-gate.js';

const PLATFORM: readonly Role[] = ['platform_admin'];

/** The platform console: vendors, their admins, and a vendor-wide suspension. */
export function registerPlatformRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const present = async (v: Vendor) => ({
    id: v.id,
    name: v.name,
    status: v.status,
    tenants: (await listTenantsOfVendor(deps.data.platform, v.id)).length,
    createdAt: v.createdAt,
  });

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/platform/vendors',
      roles: PLATFORM,
      tags: ['platform'],
      summary: 'Every vendor with its number of client companies',
      responses: { 200: json(platformVendorListSchema, 'Vendors'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json({ items: await Promise.all((await listVendors(deps.data.platform)).map(present)) }, 200),
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/platform/vendors',
      roles: PLATFORM,
      tags: ['platform'],
      summary: 'Create a vendor and invite its first vendor admin',
      request: {
        body: jsonBody(createVendorBodySchema),
      },
      responses: { 201: json(createdVendorSchema, 'Created'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const vendorId = randomId();
      const now = deps.now().toISOString();
      const home = await createAccount(deps, {
        name: body.name,
        adminName: body.adminName,
        adminEmail: body.adminEmail,
        locale: 'ja',
        vendorId,
        kind: 'vendor_home',
      });
      const vendor: Vendor = { id: vendorId, name: body.name, status: 'active', createdAt: now, homeTenantId: home.tenant.id, domains: [] };
      await putVendor(deps.data.platform, vendor);
      return c.json({ vendor: await present(vendor), adminUserId: home.adminUserId }, 201);
    },
  );

  for (const [action, status] of [
    ['suspend', 'suspended'],
    ['reactivate', 'active'],
  ] as const)
    app.openapi(
      defineRoute({
        method: 'post',
        path: `/api/platform/vendors/{id}/${action}`,
        roles: PLATFORM,
        tags: ['platform'],
        summary: action === 'suspend' ? 'Suspend a vendor: it and all its companies stop at their next request' : 'Reactivate a vendor',
        request: { params: idParams },
        responses: { 200: json(platformVendorSchema, 'Vendor'), ...ERROR_RESPONSES },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const v = isId(id) ? await getVendor(deps.data.platform, id) : null;
        if (!v) throw notFound('vendor');
        await setVendorFields(deps.data.platform, v.id, { status });
        forgetAccess({ vendorId: v.id });
        return c.json(await present({ ...v, status }), 200);
      },
    );

  const loadVendor = async (id: string) => {
    const v = isId(id) ? await getVendor(deps.data.platform, id) : null;
    if (!v || !v.homeTenantId) throw notFound('vendor');
    return v as Vendor & { homeTenantId: string };
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/platform/vendors/{id}/admins',
      roles: PLATFORM,
      tags: ['platform'],
      summary: 'A vendor’s admins',
      request: { params: idParams },
      responses: { 200: json(vendorAdminListSchema, 'Vendor admins'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const v = await loadVendor(c.req.valid('param').id);
      const page = await listUsers(deps.data.clientFor({ tenantId: v.homeTenantId }), { limit: 200, role: 'vendor_admin' });
      return c.json({ items: page.items.map((u) => ({ id: u.id, name: u.name, email: u.email, status: u.status })) }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/platform/vendors/{id}/admins',
      roles: PLATFORM,
      tags: ['platform'],
      summary: 'Add a vendor admin (invited by email to set a password)',
      request: {
        params: idParams,
        body: jsonBody(addVendorAdminBodySchema),
      },
      responses: { 201: json(vendorAdminSchema, 'Invited'), 409: json(errorSchema, 'Email already in use'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const v = await loadVendor(c.req.valid('param').id);
      const body = c.req.valid('json');
      const db = deps.data.identityFor({ tenantId: v.homeTenantId });
      const user = {
        id: newUserId(),
        name: body.name,
        email: body.email,
        role: 'vendor_admin' as const,
        departmentId: null,
        level: null,
        hireDate: null,
        jobRole: null,
        locale: body.locale,
        status: 'invited' as const,
        emailVerified: false,
        passwordHash: null,
      };
      // A vendor's own admins hear from the platform (mail context without a vendor).
      const invite = invitationItems(deps, db, user, v.name, mailContextOf(deps.config, null)).items;
      const created = await createUser(db, user, deps.now().toISOString(), invite);
      return c.json({ id: created.id, name: created.name, email: created.email, status: created.status }, 201);
    },
  );
}
