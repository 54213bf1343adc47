import { describe, expect, it } from 'vitest';
import { defaultPlanForm, planFromForm, seatsFull, toPlanForm } from './tenantPlan';

describe('tenant plan form', () => {
  it('round-trips a plan', () => {
    const plan = { seatLimit: 25, features: { adaptive: false, reportsExport: true } };
    expect(toPlanForm(plan)).toEqual({ seatLimit: '25', unlimited: false, adaptive: false, reportsExport: true });
    expect(planFromForm(toPlanForm(plan))).toEqual({ plan });
    const unlimited = { seatLimit: null, features: { adaptive: true, reportsExport: true } };
    expect(planFromForm(toPlanForm(unlimited))).toEqual({ plan: unlimited });
  });

  it('starts unlimited with every feature, like the API', () => {
    expect(planFromForm(defaultPlanForm())).toEqual({ plan: { seatLimit: null, features: { adaptive: true, reportsExport: true } } });
  });

  it('refuses a missing or odd seat limit', () => {
    const form = { ...defaultPlanForm(), unlimited: false };
    expect(planFromForm({ ...form, seatLimit: ' ' })).toEqual({ problem: 'seat_limit_required' });
    for (const typed of ['0', '-3', '2.5', '1e3', 'abc']) {
      expect(planFromForm({ ...form, seatLimit: typed }), typed).toEqual({ problem: 'seat_limit_invalid' });
    }
    expect(planFromForm({ ...form, seatLimit: ' 120 ' })).toMatchObject({ plan: { seatLimit: 120 } });
  });

  it('tells when every seat is taken', () => {
    const features = { adaptive: true, reportsExport: true };
    expect(seatsFull(10, { seatLimit: 10, features })).toBe(true);
    expect(seatsFull(9, { seatLimit: 10, features })).toBe(false);
    expect(seatsFull(1000, { seatLimit: null, features })).toBe(false);
  });
});
