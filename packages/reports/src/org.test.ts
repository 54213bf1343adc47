import { describe, expect, it } from 'vitest';
import { applyIncrements, sortedStore, type Counters } from './counters.js';
import { goalDelta, standingDelta } from './org.js';
import { gapStats, goalStats, skillSumStats } from './org-stats.js';
import { rebuildAggregates } from './rebuild.js';
import type { GoalImage, StandingImage } from './images.js';

const goal: GoalImage = { tenantId: 't', id: 'g1', status: 'draft', departmentId: 'sales', level: 'junior' };
const fold = (deltas: ReturnType<typeof goalDelta>[]) => {
  const store = new Map<string, Counters>();
  for (const d of deltas) applyIncrements(store, d);
  return store;
};

describe('goal cells', () => {
  it('move a goal from status to status, in the group stamped on it', () => {
    const store = fold([
      goalDelta(null, goal),
      goalDelta(goal, { ...goal, status: 'agreed' }),
      goalDelta({ ...goal, status: 'agreed' }, { ...goal, status: 'missed' }),
    ]);
    expect(goalStats(store.get('goal/t/sales/junior')!)).toMatchObject({ total: 1, draft: 0, agreed: 0, missed: 1, achievedRate: 0 });
    expect(goalStats(store.get('goal/t/*/*')!)).toMatchObject({ total: 1, missed: 1 });
    expect(sortedStore(store)).toEqual(
      sortedStore(rebuildAggregates([], [], () => ({ departmentId: null, level: null }), [{ ...goal, status: 'missed' }])),
    );
  });

  it('leave no trace when the goal is deleted', () => {
    expect(fold([goalDelta(null, goal), goalDelta(goal, null)]).size).toBe(0);
  });
});

describe('gap cells', () => {
  const standing: StandingImage = {
    tenantId: 't',
    userId: 'u1',
    departmentId: 'sales',
    level: 'junior',
    skills: [
      { skill: 'logic', required: 3, current: 2 },
      { skill: 'excel', required: 2, current: null },
      { skill: 'talk', required: null, current: 4 },
    ],
  };
  const other: StandingImage = { ...standing, userId: 'u2', skills: [{ skill: 'logic', required: 3, current: 3.5 }] };

  it('average current, requirement and gap per skill in one cell per group', () => {
    const store = fold([standingDelta(null, standing), standingDelta(null, other)]);
    const row = gapStats(store.get('gap/t/sales/*')!, ['logic', 'excel', 'talk']);
    expect(row.people).toBe(2);
    expect(row.skills[0]).toEqual({
      skillId: 'logic',
      users: 2,
      assessed: 2,
      meanCurrent: 2.75,
      meanRequired: 3,
      meanGap: 0.5,
      withGap: 1,
    });
    // No value yet: the whole requirement is the gap.
    expect(row.skills[1]).toEqual({ skillId: 'excel', users: 1, assessed: 0, meanCurrent: null, meanRequired: 2, meanGap: 2, withGap: 1 });
    // A value without a requirement shows its level but no gap.
    expect(row.skills[2]).toMatchObject({ users: 0, assessed: 1, meanCurrent: 4, meanGap: null });
  });

  it('follow a person who moves: the old group loses them, the new one gains them', () => {
    const moved = { ...standing, departmentId: 'dev' };
    const store = fold([standingDelta(null, standing), standingDelta(standing, moved)]);
    expect(store.has('gap/t/sales/junior')).toBe(false);
    expect(gapStats(store.get('gap/t/dev/junior')!, ['logic']).people).toBe(1);
    expect(gapStats(store.get('gap/t/*/*')!, ['logic']).people).toBe(1);
  });
});

describe('skill sums', () => {
  it('list every skill held in the cell with its pooled percent', () => {
    expect(skillSumStats({ 'count|論理': 2, 'correctX10|論理': 30, 'answered|論理': 4, 'count|Excel': 1, 'answered|Excel': 2 })).toEqual([
      { skill: 'Excel', count: 1, correct: 0, answered: 2, percent: 0 },
      { skill: '論理', count: 2, correct: 3, answered: 4, percent: 75 },
    ]);
  });
});
