import { z } from '@hono/zod-openapi';

/** An export or a deletion of one company's data, as the platform and vendor consoles poll it. */
export const tenantJobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['export', 'deletion']),
    tenantId: z.string(),
    tenantName: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Items read (export) or deleted (deletion) so far. */
    items: z.number().int(),
    objects: z.number().int(),
    archiveBytes: z.number().int().optional(),
    /** A finished export's archive, for 10 minutes. */
    downloadUrl: z.string().optional(),
    /** What the deletion's verification pass found left: 0 when it is done. */
    remainingItems: z.number().int().optional(),
    remainingObjects: z.number().int().optional(),
    error: z.string().optional(),
  })
  .openapi('TenantJob');

export const tenantJobListSchema = z.object({ items: z.array(tenantJobSchema) });

export const platformTenantSchema = z.object({
  id: z.string(),
  name: z.string(),
  vendorId: z.string().nullable(),
  kind: z.string(),
  status: z.string(),
  createdAt: z.string(),
});
export const platformTenantListSchema = z.object({ items: z.array(platformTenantSchema) }).openapi('PlatformTenants');
