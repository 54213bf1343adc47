import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { emailSchema, isId, randomId, type Role } from '@manabi/core';
import { getVendor, listTenantsOfVendor, listVendors, putVendor, setVendorFields, type Vendor } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { idParams, json, jsonBody } from '../schemas.js';
import { createAccount } from '../services/vendors.js';

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
      responses: { 200: json(z.any(), '{ items }'), ...ERROR_RESPONSES },
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
        body: jsonBody(
          z.object({ name: z.string().trim().min(1).max(100), adminName: z.string().trim().min(1).max(100), adminEmail: emailSchema }),
        ),
      },
      responses: { 201: json(z.any(), '{ vendor, adminUserId }'), ...ERROR_RESPONSES },
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
        responses: { 200: json(z.any(), 'Vendor'), ...ERROR_RESPONSES },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const v = isId(id) ? await getVendor(deps.data.platform, id) : null;
        if (!v) throw notFound('Vendor');
        await setVendorFields(deps.data.platform, v.id, { status });
        return c.json(await present({ ...v, status }), 200);
      },
    );
}
