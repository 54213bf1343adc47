/** Every role the product knows. Routes declare which of these they allow; anything else is denied. */
export const ROLES = ['platform_admin', 'vendor_admin', 'tenant_admin', 'manager', 'learner'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a tenant's HR admin may give to the tenant's own users. */
export const TENANT_ROLES = ['tenant_admin', 'manager', 'learner'] as const satisfies readonly Role[];
export type TenantRole = (typeof TENANT_ROLES)[number];

export const ROLE_LABELS: Record<Role, { ja: string; en: string }> = {
  platform_admin: { ja: 'プラットフォーム管理者', en: 'Platform admin' },
  vendor_admin: { ja: '販売パートナー管理者', en: 'Vendor admin' },
  tenant_admin: { ja: '人事管理者', en: 'HR admin' },
  manager: { ja: 'マネージャー', en: 'Manager' },
  learner: { ja: '受講者', en: 'Learner' },
};
