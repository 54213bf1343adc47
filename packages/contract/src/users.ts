import { z } from '@hono/zod-openapi';
import { LEVELS, LOCALES, ROLES, USER_STATUSES } from '@manabi/core';

export const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    furigana: z.string().nullable(),
    email: z.string(),
    role: z.enum(ROLES),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    level: z.enum(LEVELS).nullable(),
    hireDate: z.string().nullable(),
    jobRole: z.string().nullable(),
    status: z.enum(USER_STATUSES),
    locale: z.enum(LOCALES),
    emailVerified: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('User');

export const tenantSummarySchema = z.object({ id: z.string(), name: z.string() }).openapi('TenantSummary');

export const sessionSchema = z
  .object({ accessToken: z.string(), expiresIn: z.number(), user: userSchema, tenant: tenantSummarySchema })
  .openapi('Session');

export const importReportSchema = z
  .object({
    mode: z.enum(['preview', 'commit']),
    encoding: z.enum(['utf-8', 'utf-8-bom', 'shift_jis']),
    totalRows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })),
    newDepartments: z.array(z.string()),
    preview: z.array(
      z.object({
        row: z.number().int(),
        name: z.string(),
        email: z.string(),
        role: z.string(),
        department: z.string().nullable(),
        level: z.string().nullable(),
        hireDate: z.string().nullable(),
        action: z.enum(['create', 'update', 'unchanged', 'error']),
      }),
    ),
  })
  .openapi('ImportReport');
