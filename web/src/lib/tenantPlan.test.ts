import { describe, expect, it } from 'vitest';
import { catalogErrors, defaultPlanForm, groupCatalog, isCatalogPath, planFromForm, seatsFull, toPlanForm } from './tenantPlan';

describe('tenant plan form', () => {
  it('round-trips a plan', () => {
    const plan = { seatLimit: 25, features: { adaptive: false, reportsExport: true }, catalogPackageIds: ['cp2', 'cp1'] };
    expect(toPlanForm(plan)).toEqual({
      seatLimit: '25',
      unlimited: false,
      adaptive: false,
      reportsExport: true,
      catalog: 'selected',
      catalogPackageIds: ['cp2', 'cp1'],
    });
    expect(planFromForm(toPlanForm(plan))).toEqual({ plan });
    const unlimited = { seatLimit: null, features: { adaptive: true, reportsExport: true }, catalogPackageIds: null };
    expect(planFromForm(toPlanForm(unlimited))).toEqual({ plan: unlimited });
    // Nothing ticked is a choice too: no catalog package at all.
    expect(planFromForm({ ...toPlanForm(unlimited), catalog: 'selected' })).toMatchObject({ plan: { catalogPackageIds: [] } });
    // Ticks are kept while "whole catalog" is chosen, but not sent.
    expect(planFromForm({ ...toPlanForm(plan), catalog: 'all' })).toMatchObject({ plan: { catalogPackageIds: null } });
  });

  it('starts unlimited with every feature, like the API', () => {
    expect(planFromForm(defaultPlanForm())).toEqual({
      plan: { seatLimit: null, features: { adaptive: true, reportsExport: true }, catalogPackageIds: null },
    });
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
    const catalogPackageIds = null;
    expect(seatsFull(10, { seatLimit: 10, features, catalogPackageIds })).toBe(true);
    expect(seatsFull(9, { seatLimit: 10, features, catalogPackageIds })).toBe(false);
    expect(seatsFull(1000, { seatLimit: null, features, catalogPackageIds })).toBe(false);
  });

  it('groups the catalog by level in ladder order, then the rest', () => {
    const pkg = (id: string, level: string | null) => ({ id, title: { ja: id }, level: level as never });
    const groups = groupCatalog(
      [pkg('m1', 'manager'), pkg('p1', 'pre_hire'), pkg('j1', 'junior'), pkg('x1', null), pkg('n1', 'new_hire'), pkg('j2', 'junior')],
      ['j1', 'gone'],
    );
    expect(groups.map((group) => [group.level, group.packages.map((p) => p.id)])).toEqual([
      ['pre_hire', ['p1']],
      ['new_hire', ['n1']],
      ['junior', ['j1', 'j2']],
      ['manager', ['m1']],
      [null, ['x1', 'gone']],
    ]);
  });

  it("lines the API's catalog errors up with the ids sent", () => {
    const details = [
      { path: 'plan.catalogPackageIds.1', message: 'Unknown package' },
      { path: 'body.plan.catalogPackageIds', message: 'Too many' },
      { path: 'plan.seatLimit', message: 'Too low' },
    ];
    expect(catalogErrors(details, ['cp1', 'cp9'])).toEqual({ byId: { cp9: 'Unknown package' }, general: 'Too many' });
    expect(isCatalogPath('plan.catalogPackageIds.0')).toBe(true);
    expect(isCatalogPath('plan.seatLimit')).toBe(false);
  });

  it('reads catalog errors of a plan held under another field', () => {
    const details = [
      { path: 'selfSignupPlan.catalogPackageIds.0', message: 'Unknown package' },
      { path: 'plan.catalogPackageIds.1', message: 'Not this plan' },
    ];
    expect(catalogErrors(details, ['cp1', 'cp9'], 'selfSignupPlan')).toEqual({ byId: { cp1: 'Unknown package' }, general: undefined });
    expect(isCatalogPath('selfSignupPlan.catalogPackageIds', 'selfSignupPlan')).toBe(true);
    expect(isCatalogPath('plan.catalogPackageIds.0', 'selfSignupPlan')).toBe(false);
  });
});
