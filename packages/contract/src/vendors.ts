import { z } from '@hono/zod-openapi';
import { emailSchema, LEVELS, localeSchema, ROLES, USER_STATUSES } from '@manabi/core';
import { localizedTextSchema, personRefSchema } from './text.js';
import { attemptStatusSchema } from './attempts.js';

export const ORG_STATUSES = ['active', 'suspended'] as const;
export const orgStatusSchema = z.enum(ORG_STATUSES);

/** What a vendor sells a company: seats (null: unlimited), features and the catalog packages it may use. */
export const tenantPlanSchema = z
  .object({
    seatLimit: z.number().int().min(1).max(1_000_000).nullable(),
    features: z.object({ adaptive: z.boolean(), reportsExport: z.boolean() }),
    /** The catalog packages the company may use (null: the whole catalog). */
    catalogPackageIds: z
      .array(z.string().max(40))
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'Each package once' })
      .nullable()
      .default(null),
  })
  .openapi('TenantPlan');

/** A vendor's client company; one read alone also carries the company's active support grant. */
export const vendorTenantSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: orgStatusSchema,
    plan: tenantPlanSchema,
    seatsUsed: z.number().int(),
    createdAt: z.string(),
    support: z.object({ grantedAt: z.string(), expiresAt: z.string() }).nullable().optional(),
  })
  .openapi('VendorTenant');
export const vendorTenantListSchema = z.object({ items: z.array(vendorTenantSchema) });

export const createTenantBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  adminName: z.string().trim().min(1).max(100),
  adminEmail: emailSchema,
  locale: localeSchema.default('ja'),
  plan: tenantPlanSchema,
});
export const createdTenantSchema = z.object({ tenant: vendorTenantSchema, adminUserId: z.string() });
export const tenantPlanBodySchema = z.object({ plan: tenantPlanSchema });

/** A package a vendor offers: the platform's level-based catalog, or the vendor's own. */
export const vendorCatalogSchema = z.object({
  items: z.array(
    z.object({ id: z.string(), title: localizedTextSchema, level: z.enum(LEVELS).nullable(), source: z.enum(['platform', 'vendor']) }),
  ),
});

/* ---------- Platform admin ---------- */

export const platformVendorSchema = z
  .object({ id: z.string(), name: z.string(), status: orgStatusSchema, tenants: z.number().int(), createdAt: z.string() })
  .openapi('PlatformVendor');
export const platformVendorListSchema = z.object({ items: z.array(platformVendorSchema) });
export const createVendorBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  adminName: z.string().trim().min(1).max(100),
  adminEmail: emailSchema,
});
export const createdVendorSchema = z.object({ vendor: platformVendorSchema, adminUserId: z.string() });

export const vendorAdminSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), status: z.enum(USER_STATUSES) });
export const vendorAdminListSchema = z.object({ items: z.array(vendorAdminSchema) });
export const addVendorAdminBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  email: emailSchema,
  locale: localeSchema.default('ja'),
});

/* ---------- Usage ---------- */

export const usageMonthsQuery = z.object({ months: z.coerce.number().int().min(1).max(24).default(6) });

/** Usage in one month (`YYYY-MM`, Japan time): distinct active people and tests started. */
export const usageMonthSchema = z.object({ month: z.string(), activeLearners: z.number().int(), attempts: z.number().int() });
export const usageTotalsSchema = z.object({ seatsUsed: z.number().int(), byMonth: z.array(usageMonthSchema) });

export const vendorUsageSchema = z
  .object({
    months: z.array(z.string()),
    tenants: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        status: orgStatusSchema,
        seatLimit: z.number().int().nullable(),
        seatsUsed: z.number().int(),
        byMonth: z.array(usageMonthSchema),
      }),
    ),
    totals: usageTotalsSchema,
  })
  .openapi('VendorUsage');

export const platformUsageSchema = z
  .object({
    months: z.array(z.string()),
    vendors: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        status: orgStatusSchema,
        tenants: z.number().int(),
        seatsUsed: z.number().int(),
        byMonth: z.array(usageMonthSchema),
      }),
    ),
    totals: usageTotalsSchema,
  })
  .openapi('PlatformUsage');

/* ---------- Support access ---------- */

export const supportGrantSchema = z.object({ grantedAt: z.string(), expiresAt: z.string(), grantedBy: personRefSchema });
export const supportAccessSchema = z
  .object({ vendorName: z.string().nullable(), grant: supportGrantSchema.nullable() })
  .openapi('SupportAccess');
export const supportGrantBodySchema = z.object({ hours: z.number().int().min(1).max(168) });
export const supportGrantedSchema = z.object({ grant: supportGrantSchema });

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ kind: z.enum(['user', 'vendor', 'scim', 'anonymous', 'system']), id: z.string(), name: z.string() }),
  action: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  subject: z.object({ kind: z.enum(['user', 'department', 'scim_token']), id: z.string(), name: z.string() }).optional(),
  ip: z.string().optional(),
});
export const auditLogSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }).openapi('AuditLog');

/** A person of a client company, as the vendor sees them during support access. */
export const supportUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  level: z.enum(LEVELS).nullable(),
  status: z.enum(USER_STATUSES),
});
export const supportUserListSchema = z.object({ items: z.array(supportUserSchema) });
export const supportUserDetailSchema = z.object({
  user: supportUserSchema,
  attempts: z.array(
    z.object({
      id: z.string(),
      assessmentTitle: localizedTextSchema.nullable(),
      status: attemptStatusSchema,
      score: z.number().nullable(),
      passed: z.boolean().nullable(),
      submittedAt: z.string().nullable(),
    }),
  ),
});
export const supportUserParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
  userId: z.string().openapi({ param: { name: 'userId', in: 'path' } }),
});
