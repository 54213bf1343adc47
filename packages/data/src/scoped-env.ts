/**
 * How the stack tells the data layer to use IAM-scoped credentials (infra/lib/tenant-isolation.ts
 * sets these; unset locally, where nothing changes). Kept free of SDK imports so infra can read it.
 */
export const TENANT_DATA_ROLE_ENV = 'TENANT_DATA_ROLE_ARN';
export const PLATFORM_DATA_ROLE_ENV = 'PLATFORM_DATA_ROLE_ARN';

/** The session tags the roles' policies read (`${aws:PrincipalTag/TenantId}`, `…/VendorId`). */
export const SESSION_TAG_KEYS = ['TenantId', 'VendorId'] as const;

/**
 * Tag value for "none": a tenant without a vendor, or a platform session serving no tenant. Ids
 * never contain '-', so `T#-…` and `V#-#…` match no real key.
 */
export const NO_TAG_VALUE = '-';
