import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { listAuditLog, type AuditLogQuery } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { auditLogSchema } from '@manabi/contract';
import { json } from '../schemas.js';
import { ApiError, requestLocale } from '../errors.js';
import { auditCsvHead, auditCsvRows } from '../services/audit-csv.js';

const HR = ['tenant_admin'] as const;

/** A day (taken in Japan time, the companies' own) or an exact ISO time. */
const instant = z.union([z.string().date(), z.string().datetime({ offset: true })]);
const filters = z.object({
  type: z
    .string()
    .max(60)
    .regex(/^[a-z_]+(\.[a-z_]+)*$/)
    .optional(),
  from: instant.optional(),
  to: instant.optional(),
});

const JST = '+09:00';
/** The range as sort-key bounds: a day `from` starts at its first moment, a day `to` ends at its last. */
function range(q: z.infer<typeof filters>): Pick<AuditLogQuery, 'from' | 'to' | 'type'> {
  const bound = (value: string | undefined, end: boolean) => {
    if (!value) return undefined;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const at = day ? Date.parse(`${value}T00:00:00${JST}`) + (end ? 86_400_000 - 1 : 0) : Date.parse(value);
    if (Number.isNaN(at)) throw new ApiError(400, 'validation_error', undefined, [{ path: end ? 'to' : 'from', message: 'field.date' }]);
    return new Date(at).toISOString();
  };
  return { type: q.type, from: bound(q.from, false), to: bound(q.to, true) };
}

/** The company's audit log for HR: a page at a time, newest first, filtered by type and dates; and all of it as CSV. */
export function registerAuditLogRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/audit-log',
      roles: HR,
      tags: ['company'],
      summary: 'The company’s audit log, newest first: sign-ins, security changes, SCIM, support access, plan changes',
      request: {
        query: filters.extend({
          cursor: z.string().max(2000).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: { 200: json(auditLogSchema, 'A page of the log, newest first'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listAuditLog(deps.data.clientFor(c.get('auth')), { ...range(q), cursor: q.cursor, limit: q.limit }), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/audit-log.csv',
      roles: HR,
      tags: ['company'],
      summary: 'The audit log as CSV (UTF-8 with BOM, newest first), with the same filters, streamed page by page',
      request: { query: filters },
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const db = deps.data.clientFor(c.get('auth'));
      const query = range(c.req.valid('query'));
      const locale = await requestLocale(c, deps);
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', 'attachment; filename="audit-log.csv"');
      return stream(c, async (out) => {
        await out.write(auditCsvHead(locale));
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof listAuditLog>> = await listAuditLog(db, { ...query, cursor, limit: 500 });
          await out.write(auditCsvRows(page.items, locale));
          cursor = page.nextCursor;
        } while (cursor);
      });
    },
  );
}
