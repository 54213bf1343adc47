import { LEVELS, type CatalogPackage, type Level, type TenantPlan } from '../api/types';
import type { ErrorDetail } from '../api/client';
import { normalizePath } from '../composables/usePathErrors';

/** Which catalog packages the company may use: all of them, or the ones ticked. */
export type CatalogChoice = 'all' | 'selected';

/** The plan as a form edits it: the seat limit as typed, and "unlimited" as its own switch. */
export interface PlanForm {
  seatLimit: string;
  unlimited: boolean;
  adaptive: boolean;
  reportsExport: boolean;
  catalog: CatalogChoice;
  /** Ticked catalog packages (kept while "all" is chosen, so switching back restores them). */
  catalogPackageIds: string[];
}

export const PLAN_FEATURES = ['adaptive', 'reportsExport'] as const;
export type PlanFeature = (typeof PLAN_FEATURES)[number];

/** A new company's plan: unlimited seats, every feature, the whole catalog (what the API assumes too). */
export function defaultPlanForm(): PlanForm {
  return { seatLimit: '', unlimited: true, adaptive: true, reportsExport: true, catalog: 'all', catalogPackageIds: [] };
}

export function toPlanForm(plan: TenantPlan): PlanForm {
  const ids = plan.catalogPackageIds ?? null;
  return {
    seatLimit: plan.seatLimit === null ? '' : String(plan.seatLimit),
    unlimited: plan.seatLimit === null,
    adaptive: plan.features.adaptive,
    reportsExport: plan.features.reportsExport,
    catalog: ids === null ? 'all' : 'selected',
    catalogPackageIds: ids === null ? [] : [...ids],
  };
}

export type PlanProblem = 'seat_limit_required' | 'seat_limit_invalid';

/** The plan to send, or what is wrong with the seat limit. */
export function planFromForm(form: PlanForm): { plan: TenantPlan } | { problem: PlanProblem } {
  const features = { adaptive: form.adaptive, reportsExport: form.reportsExport };
  const catalogPackageIds = form.catalog === 'all' ? null : [...new Set(form.catalogPackageIds)];
  if (form.unlimited) return { plan: { seatLimit: null, features, catalogPackageIds } };
  const typed = form.seatLimit.trim();
  if (!typed) return { problem: 'seat_limit_required' };
  if (!/^\d+$/.test(typed)) return { problem: 'seat_limit_invalid' };
  const seatLimit = Number(typed);
  if (!Number.isSafeInteger(seatLimit) || seatLimit < 1) return { problem: 'seat_limit_invalid' };
  return { plan: { seatLimit, features, catalogPackageIds } };
}

/** True when every seat of a limited plan is taken. */
export function seatsFull(seatsUsed: number, plan: TenantPlan): boolean {
  return plan.seatLimit !== null && seatsUsed >= plan.seatLimit;
}

export interface CatalogGroup {
  /** null: packages of no known level (or ticked ids the catalog no longer has). */
  level: Level | null;
  packages: CatalogPackage[];
}

/**
 * The catalog grouped by level in ladder order (内定者 → … → 管理職), then anything else. Ticked ids
 * the catalog does not list (any more) are kept, titled by their id, so they can be unticked.
 */
export function groupCatalog(catalog: readonly CatalogPackage[], selected: readonly string[] = []): CatalogGroup[] {
  const known = new Set(catalog.map((item) => item.id));
  const groups: CatalogGroup[] = LEVELS.map((level) => ({ level, packages: catalog.filter((item) => item.level === level) }));
  const other = [
    ...catalog.filter((item) => item.level === null || !(LEVELS as readonly string[]).includes(item.level)),
    ...[...new Set(selected)].filter((id) => !known.has(id)).map((id): CatalogPackage => ({ id, title: { ja: id, en: id }, level: null })),
  ];
  return [...groups, { level: null, packages: other }].filter((group) => group.packages.length > 0);
}

/** Where the API put a problem with the catalog packages of the plan: by package id, or for the whole list. */
export interface CatalogErrors {
  byId: Record<string, string>;
  general: string | undefined;
}

/** `plan.catalogPackageIds` or `plan.catalogPackageIds.<i>` (or under another field holding a plan). */
const catalogPath = (field: string) => new RegExp(`^${field}\\.catalogPackageIds(?:\\.(\\d+))?(?:\\.|$)`);

/** True for a detail about the plan's catalog packages (`plan.catalogPackageIds` or `.<i>`; `field` names the plan). */
export function isCatalogPath(path: string, field = 'plan'): boolean {
  return catalogPath(field).test(normalizePath(path));
}

/** Line the API's `plan.catalogPackageIds.<i>` details up with the ids that were sent (`field` names the plan). */
export function catalogErrors(details: readonly ErrorDetail[], sent: readonly string[] | null, field = 'plan'): CatalogErrors {
  const pattern = catalogPath(field);
  const out: CatalogErrors = { byId: {}, general: undefined };
  for (const detail of details) {
    const match = pattern.exec(normalizePath(detail.path));
    if (!match) continue;
    const id = match[1] === undefined ? undefined : sent?.[Number(match[1])];
    if (id === undefined) out.general = out.general ? `${out.general} ${detail.message}` : detail.message;
    else out.byId[id] = out.byId[id] ? `${out.byId[id]} ${detail.message}` : detail.message;
  }
  return out;
}
