import { getTenantAccount, listPackages, type PackageRecord, type TenantPlan } from '@manabi/data';
import type { LearningPackage } from '@manabi/upskilling';
import type { AppDeps } from '../env.js';
import { ApiError } from '../errors.js';

/** What the company's plan allows (the platform's default plan when it has none). */
export async function planOf(deps: Pick<AppDeps, 'data'>, tenantId: string): Promise<TenantPlan | null> {
  return (await getTenantAccount(deps.data.platform, tenantId))?.plan ?? null;
}

/** Refuses an action its plan does not include (the vendor decides what each company buys). */
export async function requireFeature(deps: Pick<AppDeps, 'data'>, tenantId: string, feature: keyof TenantPlan['features']): Promise<void> {
  const plan = await planOf(deps, tenantId);
  if (plan && !plan.features[feature]) {
    const what = feature === 'adaptive' ? 'Adaptive testing' : 'Exporting reports';
    throw new ApiError(403, 'feature_not_in_plan', `${what} is not part of your company’s plan; ask your provider`);
  }
}

/** The catalog packages a company may use: the whole catalog, or those its vendor chose. */
export async function entitledCatalog(deps: Pick<AppDeps, 'data'>, tenantId: string): Promise<PackageRecord<LearningPackage>[]> {
  const [plan, catalog] = await Promise.all([
    planOf(deps, tenantId),
    listPackages<LearningPackage>(deps.data.platform, { kind: 'catalog' }),
  ]);
  const allowed = plan?.catalogPackageIds;
  if (!allowed) return catalog;
  const set = new Set(allowed);
  return catalog.filter((p) => set.has(p.id));
}

export async function isEntitled(deps: Pick<AppDeps, 'data'>, tenantId: string, packageId: string): Promise<boolean> {
  const allowed = (await planOf(deps, tenantId))?.catalogPackageIds;
  return !allowed || allowed.includes(packageId);
}
