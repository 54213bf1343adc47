import { isId } from '@manabi/core';
import { getPackage, getTenantAccount, listPackages, type Owner, type PackageRecord, type TenantPlan } from '@manabi/data';
import type { LearningPackage } from '@manabi/upskilling';
import type { AppDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { FEATURES } from '../error-messages.js';

/** What the company's plan allows (the platform's default plan when it has none). */
export async function planOf(deps: Pick<AppDeps, 'data'>, tenantId: string): Promise<TenantPlan | null> {
  return (await getTenantAccount(deps.data.platform, tenantId))?.plan ?? null;
}

/** Refuses an action its plan does not include (the vendor decides what each company buys). */
export async function requireFeature(deps: Pick<AppDeps, 'data'>, tenantId: string, feature: keyof TenantPlan['features']): Promise<void> {
  const plan = await planOf(deps, tenantId);
  if (plan && !plan.features[feature]) {
    throw new ApiError(403, 'feature_not_in_plan', { key: 'feature_not_in_plan', params: { feature: FEATURES[feature] } });
  }
}

/** The packages offered to a vendor's companies: the platform catalog and the vendor's own. */
export async function offeredPackages(deps: Pick<AppDeps, 'data'>, vendorId: string | null): Promise<PackageRecord<LearningPackage>[]> {
  const owners: Owner[] = [{ kind: 'catalog' }, ...(vendorId ? [{ kind: 'vendor', vendorId } as const] : [])];
  return (await Promise.all(owners.map((o) => listPackages<LearningPackage>(deps.data.platform, o)))).flat();
}

/**
 * The read-only packages a company may use: the platform catalog and its vendor's packages,
 * all of them or those its vendor chose for its plan.
 */
export async function entitledCatalog(deps: Pick<AppDeps, 'data'>, tenantId: string): Promise<PackageRecord<LearningPackage>[]> {
  const account = await getTenantAccount(deps.data.platform, tenantId);
  const offered = await offeredPackages(deps, account?.vendorId ?? null);
  const allowed = account?.plan.catalogPackageIds;
  if (!allowed) return offered;
  const set = new Set(allowed);
  return offered.filter((p) => set.has(p.id));
}

/** One read-only package the company may use (catalog or its vendor's), else null. */
export async function entitledPackage(
  deps: Pick<AppDeps, 'data'>,
  tenantId: string,
  id: string,
): Promise<PackageRecord<LearningPackage> | null> {
  if (!isId(id)) return null;
  const account = await getTenantAccount(deps.data.platform, tenantId);
  const allowed = account?.plan.catalogPackageIds;
  if (allowed && !allowed.includes(id)) return null;
  const owners: Owner[] = [{ kind: 'catalog' }, ...(account?.vendorId ? [{ kind: 'vendor', vendorId: account.vendorId } as const] : [])];
  for (const owner of owners) {
    const found = await getPackage<LearningPackage>(deps.data.platform, owner, id);
    if (found) return found;
  }
  return null;
}
