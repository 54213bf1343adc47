import { newTenantId, newUserId, type Locale, type Tenant } from '@manabi/core';
import {
  ConflictError,
  cancelledIndexes,
  createUserItems,
  searchIndexReadyItem,
  getVendor,
  initialFrameworkItem,
  isConditionFailure,
  tenantItem,
  writeAtomically,
  type TenantAccount,
  type TenantPlan,
} from '@manabi/data';
import { defaultFramework } from '@manabi/upskilling';
import type { AppDeps } from '../env.js';
import { invitationItems } from './invitations.js';
import { mailContextOf } from './branding.js';

export const presentTenant = (t: TenantAccount) => ({
  id: t.id,
  name: t.name,
  status: t.status,
  plan: t.plan,
  seatsUsed: t.seatsUsed,
  createdAt: t.createdAt,
});

/**
 * Creates a company with its first admin, invited by email (no password yet), in one transaction:
 * a vendor's client company (HR admin, the default framework, the vendor's plan), a vendor's own
 * home (its vendor admins sign in there) or the platform's. The admin takes the first seat.
 */
export async function createAccount(
  deps: AppDeps,
  input: {
    name: string;
    adminName: string;
    adminEmail: string;
    locale: Locale;
    vendorId: string | null;
    kind: TenantAccount['kind'];
    plan?: TenantPlan;
  },
): Promise<{ tenant: Tenant; adminUserId: string }> {
  const iso = deps.now().toISOString();
  const tenantId = newTenantId();
  // The admin's sign-in claim and invitation token are platform items, written with the company.
  const db = deps.data.identityFor({ tenantId });
  const tenant: Tenant = {
    id: tenantId,
    name: input.name,
    vendorId: input.vendorId,
    locale: input.locale,
    status: 'active',
    createdAt: iso,
  };
  const role = input.kind === 'client' ? 'tenant_admin' : input.kind === 'vendor_home' ? 'vendor_admin' : 'platform_admin';
  const user = {
    id: newUserId(),
    name: input.adminName,
    email: input.adminEmail,
    role,
    departmentId: null,
    level: null,
    hireDate: null,
    jobRole: null,
    locale: input.locale,
    status: 'invited' as const,
    emailVerified: false,
    passwordHash: null,
  } as const;
  const { id: _id, ...fields } = tenant;
  // A client company hears from its vendor; a vendor's own admins hear from the platform.
  const vendor = input.kind === 'client' && input.vendorId ? await getVendor(deps.data.platform, input.vendorId) : null;
  const mail = mailContextOf(deps.config, vendor);
  try {
    await writeAtomically(db, [
      tenantItem(db, fields, { seats: 1, plan: input.plan, kind: input.kind }),
      ...createUserItems(db, user, iso),
      ...invitationItems(deps, db, user, input.name, mail).items,
      ...(input.kind === 'client' ? [initialFrameworkItem(db, defaultFramework(), iso)] : []),
      searchIndexReadyItem(db),
    ]);
  } catch (error) {
    if (isConditionFailure(error) && cancelledIndexes(error).includes(2))
      throw new ConflictError('email_taken', 'This email address is already in use', 'adminEmail');
    throw error;
  }
  return { tenant, adminUserId: user.id };
}
