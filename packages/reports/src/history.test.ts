import { describe, expect, it } from 'vitest';
import { sortedStore } from './counters.js';
import type { ChangeRecord } from './delta.js';
import { cellId, completionKey, resultKey } from './dimensions.js';
import type { AssignmentImage, AttemptImage } from './images.js';
import { rebuildAggregates, type AttributionLookup } from './rebuild.js';
import { completionStats, resultStats } from './stats.js';
import { aggregate, attributionAt, type Membership } from './testing/histories.js';

// The rule on history: a result belongs to the department and level the learner had when the
// attempt finished, and an assignment to those the learner had when it was assigned. A transfer or
// promotion later moves nothing.

const memberships = new Map<string, Membership[]>([
  [
    'u1',
    [
      { from: '2025-01-01T00:00:00Z', departmentId: 'sales', level: 'junior' },
      // Transferred to HR and promoted on 20 April.
      { from: '2025-04-20T00:00:00Z', departmentId: 'hr', level: 'mid' },
    ],
  ],
]);
const pointInTime: AttributionLookup = (a) => attributionAt(memberships, a.userId, a.finishedAt);
const current: AttributionLookup = (a) => attributionAt(memberships, a.userId, null);

const start = (id: string): AttemptImage => ({
  id,
  tenantId: 't',
  userId: 'u1',
  assessmentId: 's',
  status: 'in_progress',
  finishedAt: null,
  result: null,
  answers: [],
});
const finish = (a: AttemptImage, at: string, score: number): AttemptImage => ({
  ...a,
  status: 'finished',
  finishedAt: at,
  result: { score, passed: score >= 60, band: 3, theta: null, bySkill: [] },
});
const before = finish(start('a1'), '2025-04-08T02:00:00Z', 40);
const after = finish(start('a2'), '2025-04-22T02:00:00Z', 90);
const assigned: AssignmentImage = {
  tenantId: 't',
  userId: 'u1',
  packageId: 'p',
  dueDate: '2025-04-30',
  status: 'in_progress',
  completedAt: null,
  overdue: false,
  // Stamped when it was assigned, in Sales.
  departmentId: 'sales',
  level: 'junior',
};
const completed: AssignmentImage = { ...assigned, status: 'completed', completedAt: '2025-04-25T01:00:00Z' };
const records: ChangeRecord[] = [
  { kind: 'attempt', oldImage: null, newImage: start('a1') },
  { kind: 'attempt', oldImage: start('a1'), newImage: before },
  { kind: 'assignment', eventId: 'e1', oldImage: null, newImage: assigned },
  // … the transfer happens here: it changes the user, not any attempt or assignment …
  { kind: 'attempt', oldImage: null, newImage: start('a2') },
  { kind: 'attempt', oldImage: start('a2'), newImage: after },
  { kind: 'assignment', eventId: 'e2', oldImage: assigned, newImage: completed },
];

const sales = cellId(resultKey({ tenantId: 't', assessmentId: 's', departmentId: 'sales' }));
const hr = cellId(resultKey({ tenantId: 't', assessmentId: 's', departmentId: 'hr' }));

describe('a learner who changes department', () => {
  const store = aggregate(records, pointInTime);

  it('keeps earlier results where they were and counts new ones in the new department', () => {
    expect(resultStats(store.get(sales) ?? {})).toMatchObject({ count: 1, passCount: 0 });
    expect(resultStats(store.get(sales) ?? {}).score.mean).toBe(40);
    expect(resultStats(store.get(hr) ?? {}).score.mean).toBe(90);
    expect(resultStats(store.get(cellId(resultKey({ tenantId: 't', assessmentId: 's', level: 'junior' }))) ?? {}).count).toBe(1);
    expect(resultStats(store.get(cellId(resultKey({ tenantId: 't', assessmentId: 's' }))) ?? {}).count).toBe(2);
  });

  it('counts an assignment completed after the transfer in the department it was assigned in', () => {
    const salesDone = completionStats(store.get(cellId(completionKey({ tenantId: 't', packageId: 'p', departmentId: 'sales' }))) ?? {});
    expect(salesDone).toMatchObject({ assigned: 1, completed: 1, completedOnTime: 1, completionRate: 1 });
    expect(store.get(cellId(completionKey({ tenantId: 't', packageId: 'p', departmentId: 'hr' })))).toBeUndefined();
  });

  it('rebuilds to the same cells when the lookup is point in time — and not when it uses the current department', () => {
    const attempts = [before, after];
    expect(sortedStore(rebuildAggregates(attempts, [completed], pointInTime))).toEqual(sortedStore(store));
    const wrong = rebuildAggregates(attempts, [completed], current);
    expect(wrong.get(sales)).toBeUndefined();
    expect(sortedStore(wrong)).not.toEqual(sortedStore(store));
  });

  it('takes a deleted result back from the department it was counted in', () => {
    const erased = aggregate([...records, { kind: 'attempt', oldImage: before, newImage: null }], pointInTime);
    expect(erased.get(sales)).toBeUndefined();
    expect(resultStats(erased.get(hr) ?? {}).count).toBe(1);
  });
});
