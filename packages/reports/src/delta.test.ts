import { describe, expect, it } from 'vitest';
import { assignmentDelta, attemptDelta, completedLate, idempotencyKey, resultCounters } from './delta.js';
import type { AssignmentImage, AttemptImage, Attribution } from './images.js';

const who: Attribution = { departmentId: 'sales', level: 'junior' };
const started: AttemptImage = {
  id: 'att1',
  tenantId: 't1',
  userId: 'u1',
  assessmentId: 'as1',
  status: 'in_progress',
  finishedAt: null,
  result: null,
  answers: [],
};
const finished: AttemptImage = {
  ...started,
  status: 'finished',
  finishedAt: '2025-04-09T01:00:00Z',
  result: { score: 72.5, passed: true, band: 4, theta: null, bySkill: [{ skill: 'logic', correct: 2.5, answered: 4, percent: 62.5 }] },
};
const exact = 'result/t1/as1/sales/junior/2025-04-07';
const of = (incs: { id: string; add: object }[], id: string) => incs.find((i) => i.id === id)?.add;

describe('attemptDelta', () => {
  it('adds the result to every cell when the attempt finishes', () => {
    const delta = attemptDelta(started, finished, who);
    // 16 result cells (with the all-assessments overview), 8 rows of its skill, 4 skill-sum cells.
    expect(delta).toHaveLength(16 + 8 + 4);
    expect(of(delta, 'skillsum/t1/sales/*')).toEqual({ 'count|logic': 1, 'correctX10|logic': 25, 'answered|logic': 4 });
    expect(of(delta, exact)).toEqual({ count: 1, passCount: 1, sumScoreX10: 725, sumSquaresX100: 725 * 725, h7: 1, band4: 1 });
    expect(of(delta, 'skill/t1/as1/*/*/*/logic')).toEqual({ count: 1, correctX10: 25, answered: 4 });
  });

  it('counts an expiry as a closing too, and a closed attempt inserted as it is', () => {
    const expired = { ...finished, status: 'expired' as const };
    expect(of(attemptDelta(started, expired, who), exact)).toMatchObject({ count: 1, expired: 1 });
    expect(attemptDelta(null, finished, who)).toHaveLength(28);
  });

  it('gives nothing for changes that are not a closing', () => {
    expect(attemptDelta(null, started, who)).toEqual([]);
    expect(attemptDelta(started, { ...started }, who)).toEqual([]);
    expect(attemptDelta(finished, { ...finished }, who)).toEqual([]);
    expect(attemptDelta(started, null, who)).toEqual([]);
  });

  it('takes back exactly what the finish added when a closed attempt is deleted', () => {
    const added = attemptDelta(started, finished, who);
    const removed = attemptDelta(finished, null, who);
    expect(removed.map((i) => i.id)).toEqual(added.map((i) => i.id));
    expect(of(removed, exact)).toEqual({ count: -1, passCount: -1, sumScoreX10: -725, sumSquaresX100: -(725 * 725), h7: -1, band4: -1 });
  });
});

describe('resultCounters', () => {
  it('puts 100 in the top bucket, counts θ in thousandths and an unscored close apart', () => {
    const perfect = resultCounters({ ...finished, result: { ...finished.result!, score: 100, band: 5, theta: -1.234 } });
    expect(perfect).toMatchObject({ h9: 1, band5: 1, thetaCount: 1, sumThetaX1000: -1234, sumThetaSquaresX1e6: 1234 * 1234 });
    expect(resultCounters({ ...finished, result: { ...finished.result!, score: 9.9 } })).toMatchObject({ h0: 1 });
    expect(resultCounters({ ...finished, result: { ...finished.result!, score: 10 } })).toMatchObject({ h1: 1 });
    expect(resultCounters({ ...finished, status: 'expired', result: null })).toEqual({ unscored: 1, expired: 1 });
  });

  it('writes no zero fields (a score of 0 has no sums)', () => {
    expect(resultCounters({ ...finished, result: { ...finished.result!, score: 0, passed: false, band: 1 } })).toEqual({
      count: 1,
      h0: 1,
      band1: 1,
    });
  });
});

const assigned: AssignmentImage = {
  tenantId: 't1',
  userId: 'u1',
  packageId: 'p1',
  dueDate: '2025-04-10',
  status: 'not_started',
  completedAt: null,
  overdue: false,
  departmentId: 'sales',
  level: 'junior',
};
const cell = 'completion/t1/p1/sales/junior';

describe('assignmentDelta', () => {
  it('counts a new assignment as assigned and not started', () => {
    expect(of(assignmentDelta(null, assigned), cell)).toEqual({ assigned: 1, notStarted: 1 });
  });

  it('moves the count from the old state to the new one', () => {
    const started = { ...assigned, status: 'in_progress' as const };
    expect(of(assignmentDelta(assigned, started), cell)).toEqual({ notStarted: -1, inProgress: 1 });
    const done = { ...started, status: 'completed' as const, completedAt: '2025-04-10T14:59:00Z' };
    expect(of(assignmentDelta(started, done), cell)).toEqual({ inProgress: -1, completed: 1, completedOnTime: 1 });
    // Reopened (the package gained a module): completed and on time go back down.
    expect(of(assignmentDelta(done, started), cell)).toEqual({ inProgress: 1, completed: -1, completedOnTime: -1 });
  });

  it('follows the overdue flag of open assignments and ignores it once completed', () => {
    const overdue = { ...assigned, overdue: true };
    expect(of(assignmentDelta(assigned, overdue), cell)).toEqual({ overdue: 1 });
    const late = { ...overdue, status: 'completed' as const, completedAt: '2025-04-12T01:00:00Z' };
    expect(of(assignmentDelta(overdue, late), cell)).toEqual({ notStarted: -1, overdue: -1, completed: 1, completedLate: 1 });
  });

  it('removes everything when the assignment is deleted, and nothing changes for a rewrite', () => {
    expect(of(assignmentDelta(assigned, null), cell)).toEqual({ assigned: -1, notStarted: -1 });
    expect(assignmentDelta(assigned, { ...assigned })).toEqual([]);
  });

  it('moves the count between cells when the stamp differs', () => {
    const delta = assignmentDelta(assigned, { ...assigned, departmentId: 'hr' });
    expect(of(delta, cell)).toEqual({ assigned: -1, notStarted: -1 });
    expect(of(delta, 'completion/t1/p1/hr/junior')).toEqual({ assigned: 1, notStarted: 1 });
    // The all-department rollups see no change at all.
    expect(of(delta, 'completion/t1/p1/*/junior')).toBeUndefined();
  });
});

describe('completedLate', () => {
  it('compares the Japan calendar date of completion with the due date', () => {
    const done = { ...assigned, status: 'completed' as const };
    expect(completedLate({ ...done, completedAt: '2025-04-10T14:59:59Z' })).toBe(false);
    expect(completedLate({ ...done, completedAt: '2025-04-10T15:00:00Z' })).toBe(true);
    expect(completedLate({ ...done, dueDate: null, completedAt: '2030-01-01T00:00:00Z' })).toBe(false);
    expect(completedLate({ ...assigned, completedAt: '2030-01-01T00:00:00Z' })).toBe(false);
  });
});

describe('idempotencyKey', () => {
  it('names the attempt transition, the same on every delivery', () => {
    expect(idempotencyKey({ kind: 'attempt', oldImage: started, newImage: finished })).toBe('attempt:att1:finished');
    expect(idempotencyKey({ kind: 'attempt', oldImage: started, newImage: { ...finished, status: 'expired' } })).toBe(
      'attempt:att1:expired',
    );
    expect(idempotencyKey({ kind: 'attempt', oldImage: finished, newImage: null })).toBe('attempt:att1:removed');
    expect(idempotencyKey({ kind: 'attempt', oldImage: null, newImage: started })).toBeNull();
  });

  it('uses the stream record id for assignments, whose transitions repeat', () => {
    expect(idempotencyKey({ kind: 'assignment', eventId: 'e1', oldImage: null, newImage: assigned })).toBe('assignment:u1:p1:e1');
    expect(idempotencyKey({ kind: 'assignment', eventId: 'e2', oldImage: assigned, newImage: null })).toBe('assignment:u1:p1:e2');
    expect(idempotencyKey({ kind: 'assignment', eventId: 'e3', oldImage: null, newImage: null })).toBeNull();
  });
});
