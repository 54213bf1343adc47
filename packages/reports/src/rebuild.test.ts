import { describe, expect, it } from 'vitest';
import { applyIncrements, sortedStore, type Counters } from './counters.js';
import type { AssignmentImage, AttemptImage } from './images.js';
import { diffAggregates, rebuildAggregates } from './rebuild.js';

const base: AttemptImage = {
  id: 'a1',
  tenantId: 't',
  userId: 'u1',
  assessmentId: 's',
  status: 'in_progress',
  finishedAt: null,
  result: null,
  answers: [],
};
const result = (score: number) => ({ score, passed: score >= 60, band: 3, theta: null, bySkill: [] });

describe('rebuildAggregates', () => {
  it('counts closed attempts once each and ignores those in progress', () => {
    const attempts: AttemptImage[] = [
      { ...base, id: 'a1', status: 'finished', finishedAt: '2025-04-08T00:00:00Z', result: result(50) },
      { ...base, id: 'a2', status: 'expired', finishedAt: '2025-04-15T00:00:00Z', result: result(70) },
      { ...base, id: 'a3' },
    ];
    const cells = sortedStore(rebuildAggregates(attempts, [], () => ({ departmentId: 'd', level: null })));
    expect(cells['result/t/s/*/*/*']).toEqual({
      count: 2,
      passCount: 1,
      expired: 1,
      sumScoreX10: 1200,
      sumSquaresX100: 500 ** 2 + 700 ** 2,
      h5: 1,
      h7: 1,
      band3: 2,
    });
    expect(cells['result/t/s/d/-/2025-04-07']).toEqual({ count: 1, sumScoreX10: 500, sumSquaresX100: 500 ** 2, h5: 1, band3: 1 });
    // 12 cells for the assessment (8 result cells, a second week adds 4), as many for all assessments.
    expect(Object.keys(cells)).toHaveLength(2 * (8 + 4));
  });

  it('counts each assignment in its current state', () => {
    const x: AssignmentImage = {
      tenantId: 't',
      userId: 'u1',
      packageId: 'p',
      dueDate: null,
      status: 'completed',
      completedAt: '2025-04-08T00:00:00Z',
      overdue: false,
      departmentId: null,
      level: 'mid',
    };
    const cells = sortedStore(
      rebuildAggregates([], [x, { ...x, userId: 'u2', status: 'in_progress', completedAt: null, overdue: true }], () => ({
        departmentId: null,
        level: null,
      })),
    );
    expect(cells['completion/t/p/*/*']).toEqual({ assigned: 2, completed: 1, completedOnTime: 1, inProgress: 1, overdue: 1 });
  });
});

describe('diffAggregates', () => {
  it('is empty when the cells agree and otherwise repairs them by addition', () => {
    const rebuilt = new Map<string, Counters>([
      ['a', { count: 2, h3: 2 }],
      ['b', { assigned: 1 }],
    ]);
    expect(diffAggregates(rebuilt, rebuilt).size).toBe(0);
    const maintained = new Map<string, Counters>([
      ['a', { count: 3, h3: 2, h4: 1 }],
      ['c', { count: 1 }],
    ]);
    const diff = diffAggregates(maintained, rebuilt);
    expect(sortedStore(diff)).toEqual({ a: { count: -1, h4: -1 }, b: { assigned: 1 }, c: { count: -1 } });
    applyIncrements(
      maintained,
      [...diff].map(([id, add]) => ({ id, cell: null, add })),
    );
    expect(sortedStore(maintained)).toEqual(sortedStore(rebuilt));
  });
});
