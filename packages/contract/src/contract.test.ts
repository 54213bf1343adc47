import { describe, expect, it } from 'vitest';
import * as contract from './index.js';

describe('contract', () => {
  it('exports only schemas, helpers and constant lists (no runtime behaviour to ship to the SPA)', () => {
    for (const [name, value] of Object.entries(contract)) {
      const isSchema = typeof (value as { safeParse?: unknown }).safeParse === 'function';
      const isHelper = typeof value === 'function';
      const isList = Array.isArray(value);
      expect(isSchema || isHelper || isList, name).toBe(true);
    }
  });

  it('declares an attempt as the learner sees it, never with θ or an answer key before review', () => {
    const view = {
      id: 'a1',
      assessmentId: 'x1',
      title: { ja: 'テスト' },
      mode: 'fixed',
      status: 'in_progress',
      startedAt: '2026-01-01T00:00:00.000Z',
      deadline: null,
      serverNow: '2026-01-01T00:01:00.000Z',
      grading: null,
      progress: { answered: 0, total: 5, left: null, percent: null, maxItems: null },
      current: { index: 0, questionId: 'q1', type: 'true_false', stem: { ja: '問' }, options: [], images: [] },
      result: null,
    };
    expect(contract.attemptViewSchema.safeParse(view).success).toBe(true);
    const wrong = { ...view, progress: { ...view.progress, answered: 'none' } };
    const issues = contract.attemptViewSchema.safeParse(wrong).error?.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(['progress.answered']);
  });

  it('takes a goal body as any object at the edge (the SMART rules word what is missing)', () => {
    expect(contract.goalBodySchema.safeParse({ title: '' }).success).toBe(true);
    expect(contract.goalBodySchema.safeParse({ userId: 3 }).success).toBe(false);
  });

  it('refuses a vendor plan that names a package twice', () => {
    const plan = { seatLimit: null, features: { adaptive: true, reportsExport: true }, catalogPackageIds: ['p1', 'p1'] };
    expect(contract.tenantPlanSchema.safeParse(plan).success).toBe(false);
  });
});
