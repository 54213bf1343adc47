import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { exportUsersCsv, localeSchema, TEMPLATE_HEADERS, type Role } from '@manabi/core';
import { listAllUsers, listDepartments } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { BODY_LIMITS, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import { importReportSchema, uploadFileSchema } from '@manabi/contract';
import { importUsers } from '../services/user-import.js';
import { type MessageKey } from '../error-messages.js';

const HR: readonly Role[] = ['tenant_admin'];
const MAX_BYTES = 5 * 1024 * 1024;

const SAMPLE: Record<'ja' | 'en', string[]> = {
  ja: ['山田 太郎', 'ヤマダ タロウ', 'taro.yamada@example.co.jp', '受講者', '営業部', '新入社員', '2026/04/01'],
  en: ['Taro Yamada', 'ヤマダ タロウ', 'taro.yamada@example.com', 'learner', 'Sales', 'new_hire', '2026-04-01'],
};

export function registerUserImportRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/users/import',
      bodyLimit: BODY_LIMITS.import,
      roles: HR,
      tags: ['users'],
      summary: 'Import users from CSV (UTF-8, UTF-8 BOM or Shift_JIS; ja or en headers): preview, then commit',
      description:
        'Columns: 氏名/name, メールアドレス/email (required), ロール/role, 部署/department, 階層/level, 入社日/hire_date. ' +
        'mode=preview validates and reports per row without writing; mode=commit writes the valid rows. Re-import updates by email.',
      request: {
        query: z.object({ mode: z.enum(['preview', 'commit']).default('preview'), locale: localeSchema.default('ja') }),
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                file: uploadFileSchema,
                sendInvites: z.enum(['true', 'false']).optional(),
              }),
            },
          },
        },
      },
      responses: { 200: json(importReportSchema, 'What was (or would be) imported, and every row that was not'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { mode, locale } = c.req.valid('query');
      const length = Number(c.req.header('content-length') ?? 0);
      if (length > MAX_BYTES + 64 * 1024) throw fileError('validation_error.file_over_5mb');
      const form = await c.req.parseBody().catch(() => {
        throw fileError('validation_error.multipart_csv');
      });
      const file = form.file;
      if (!(file instanceof File)) throw fileError('validation_error.multipart_csv');
      if (file.size > MAX_BYTES) throw fileError('validation_error.file_over_5mb');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const report = await importUsers(deps, deps.data.identityFor(auth), bytes, {
        mode,
        locale,
        sendInvites: form.sendInvites === 'true',
        actorUserId: auth.userId,
      });
      c.get('logger').info('user import', {
        mode,
        totalRows: report.totalRows,
        created: report.created,
        updated: report.updated,
        skipped: report.skipped,
      });
      return c.json(report, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/users/import/template',
      roles: HR,
      tags: ['users'],
      summary: 'A CSV template (UTF-8 with BOM, so Excel in Japan opens it correctly)',
      request: { query: z.object({ locale: localeSchema.default('ja') }) },
      responses: { 200: { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } }, ...ERROR_RESPONSES },
    }),
    (c) => {
      const { locale } = c.req.valid('query');
      const csv = `\uFEFF${TEMPLATE_HEADERS[locale].join(',')}\r\n${SAMPLE[locale].join(',')}\r\n`;
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="users-template-${locale}.csv"`);
      return c.body(csv, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/users/export',
      roles: HR,
      tags: ['users'],
      summary: 'Every person of the company as a CSV in the template’s columns (フリガナ included), ready to edit and import back',
      request: { query: z.object({ locale: localeSchema.default('ja') }) },
      responses: { 200: { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { locale } = c.req.valid('query');
      const db = deps.data.clientFor(c.get('auth'));
      // An export reads every person once (by name, through gsi1); searches never do.
      const [people, departments] = await Promise.all([listAllUsers(db), listDepartments(db)]);
      const names = new Map(departments.map((d) => [d.id, d.name]));
      const csv = exportUsersCsv(
        people.map((p) => ({ ...p, departmentName: p.departmentId ? (names.get(p.departmentId) ?? null) : null })),
        locale,
      );
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="users-${locale}.csv"`);
      return c.body(csv, 200);
    },
  );
}

const fileError = (message: MessageKey) => new ApiError(400, 'validation_error', message, [{ path: 'file', message }]);
