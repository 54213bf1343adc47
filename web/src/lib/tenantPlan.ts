import type { TenantPlan } from '../api/types';

/** The plan as a form edits it: the seat limit as typed, and "unlimited" as its own switch. */
export interface PlanForm {
  seatLimit: string;
  unlimited: boolean;
  adaptive: boolean;
  reportsExport: boolean;
}

export const PLAN_FEATURES = ['adaptive', 'reportsExport'] as const;
export type PlanFeature = (typeof PLAN_FEATURES)[number];

/** A new company's plan: unlimited seats, every feature (what the API assumes too). */
export function defaultPlanForm(): PlanForm {
  return { seatLimit: '', unlimited: true, adaptive: true, reportsExport: true };
}

export function toPlanForm(plan: TenantPlan): PlanForm {
  return {
    seatLimit: plan.seatLimit === null ? '' : String(plan.seatLimit),
    unlimited: plan.seatLimit === null,
    adaptive: plan.features.adaptive,
    reportsExport: plan.features.reportsExport,
  };
}

export type PlanProblem = 'seat_limit_required' | 'seat_limit_invalid';

/** The plan to send, or what is wrong with the seat limit. */
export function planFromForm(form: PlanForm): { plan: TenantPlan } | { problem: PlanProblem } {
  const features = { adaptive: form.adaptive, reportsExport: form.reportsExport };
  if (form.unlimited) return { plan: { seatLimit: null, features } };
  const typed = form.seatLimit.trim();
  if (!typed) return { problem: 'seat_limit_required' };
  if (!/^\d+$/.test(typed)) return { problem: 'seat_limit_invalid' };
  const seatLimit = Number(typed);
  if (!Number.isSafeInteger(seatLimit) || seatLimit < 1) return { problem: 'seat_limit_invalid' };
  return { plan: { seatLimit, features } };
}

/** True when every seat of a limited plan is taken. */
export function seatsFull(seatsUsed: number, plan: TenantPlan): boolean {
  return plan.seatLimit !== null && seatsUsed >= plan.seatLimit;
}
