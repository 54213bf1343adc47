import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Role } from '@manabi/core';
import { listTenantsOfVendor, listVendors, usageOfPlatform, usageOfVendor } from '@manabi/data';
import { lastMonths, usageTable } from '@manabi/reports';
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS } from '../csv-options.js';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import { platformUsageSchema, usageMonthsQuery, vendorUsageSchema } from '@manabi/contract';
import { vendorOf } from '../services/vendor-scope.js';

const monthsQuery = usageMonthsQuery;

/**
 * Usage for billing: seats, monthly active people and quizzes started. The month counters are kept
 * by the aggregator as activity happens, so a console reads one Query per month — never attempts.
 */
export function registerUsageRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const vendorUsage = async (auth: AuthClaims, n: number) => {
    const vendorId = vendorOf(auth);
    const months = lastMonths(deps.now().toISOString(), n);
    const [tenants, counted] = await Promise.all([
      listTenantsOfVendor(deps.data.platform, vendorId),
      Promise.all(months.map((m) => usageOfVendor(deps.data.platform, vendorId, m))),
    ]);
    const table = usageTable(
      months,
      tenants.map((t) => ({ key: t.id, seatsUsed: t.seatsUsed })),
      counted.flat(),
      (tenantId) => tenantId,
    );
    const byId = new Map(table.rows.map((r) => [r.key, r]));
    return {
      months,
      tenants: tenants.map((t) => ({
        id: t.id,
        name: t.name,
        status: t.status,
        seatLimit: t.plan.seatLimit,
        seatsUsed: t.seatsUsed,
        byMonth: byId.get(t.id)!.byMonth,
      })),
      totals: table.totals,
    };
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/vendor/usage',
      roles: ['vendor_admin'] satisfies Role[],
      tags: ['vendor'],
      summary: 'Usage per client company and in total: seats, monthly active learners, attempts per month',
      request: { query: monthsQuery },
      responses: { 200: json(vendorUsageSchema, 'Usage'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await vendorUsage(c.get('auth'), c.req.valid('query').months), 200),
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/vendor/usage.csv',
      roles: ['vendor_admin'] satisfies Role[],
      tags: ['vendor'],
      summary: 'Usage per company per month for billing (CSV, UTF-8 with BOM)',
      request: { query: monthsQuery },
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const usage = await vendorUsage(c.get('auth'), c.req.valid('query').months);
      const rows = usage.months.flatMap((month, i) =>
        usage.tenants.map((t) => [
          month,
          t.id,
          t.name,
          t.status,
          t.seatLimit ?? '',
          t.seatsUsed,
          t.byMonth[i]!.activeLearners,
          t.byMonth[i]!.attempts,
        ]),
      );
      const header = ['month', 'tenant_id', 'name', 'status', 'seat_limit', 'seats_used', 'active_learners', 'attempts'];
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', 'attachment; filename="usage.csv"');
      return c.body(`\uFEFF${stringify([header, ...rows], CSV_OPTIONS)}`, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/platform/usage',
      roles: ['platform_admin'] satisfies Role[],
      tags: ['platform'],
      summary: 'Every vendor’s usage: companies, seats, monthly active learners, attempts per month',
      request: { query: monthsQuery },
      responses: { 200: json(platformUsageSchema, 'Usage'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const months = lastMonths(deps.now().toISOString(), c.req.valid('query').months);
      const vendors = await listVendors(deps.data.platform);
      const [companies, counted] = await Promise.all([
        Promise.all(vendors.map((v) => listTenantsOfVendor(deps.data.platform, v.id))),
        Promise.all(months.map((m) => usageOfPlatform(deps.data.platform, m))),
      ]);
      const vendorOfTenant = new Map(vendors.flatMap((v, i) => companies[i]!.map((t) => [t.id, v.id] as const)));
      const table = usageTable(
        months,
        vendors.map((v, i) => ({ key: v.id, seatsUsed: companies[i]!.reduce((sum, t) => sum + t.seatsUsed, 0) })),
        counted.flat(),
        (tenantId) => vendorOfTenant.get(tenantId),
      );
      return c.json(
        {
          months,
          vendors: vendors.map((v, i) => ({
            id: v.id,
            name: v.name,
            status: v.status,
            tenants: companies[i]!.length,
            seatsUsed: table.rows[i]!.seatsUsed,
            byMonth: table.rows[i]!.byMonth,
          })),
          totals: table.totals,
        },
        200,
      );
    },
  );
}
