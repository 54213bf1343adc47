import { describe, expect, it } from 'vitest';
import { aggregateGaps, skillGaps, type SkillGap } from './gap.js';
import { defaultFramework, frameworkSkills, skillFrameworkSchema } from './framework.js';

const framework = defaultFramework();

describe('skillGaps', () => {
  it('computes required − current per skill required at the level, largest gap first', () => {
    const gaps = skillGaps(framework, 'junior', null, {
      'business-basics': 3,
      communication: 4,
      teamwork: 3,
      compliance: 1,
      'information-security': { value: 2 },
      'logical-thinking': 2,
      'problem-solving': 2,
      'excel-it': 3,
      'finance-basics': 1,
    });
    expect(gaps.map((g) => [g.skillId, g.required, g.current, g.gap, g.difference])).toEqual([
      ['compliance', 3, 1, 2, 2],
      ['information-security', 3, 2, 1, 1],
      ['logical-thinking', 3, 2, 1, 1],
      ['business-basics', 3, 3, 0, 0],
      ['communication', 2, 4, 0, -2],
      ['teamwork', 3, 3, 0, 0],
      ['problem-solving', 2, 2, 0, 0],
      ['excel-it', 3, 3, 0, 0],
      ['finance-basics', 1, 1, 0, 0],
    ]);
    // Leadership, coaching and people management are not required of junior staff.
    expect(gaps.some((g) => g.skillId === 'leadership')).toBe(false);
  });

  it('counts a skill without evidence as a full gap but keeps current null', () => {
    const gaps = skillGaps(framework, 'manager', null, { leadership: null });
    const leadership = gaps.find((g) => g.skillId === 'leadership')!;
    expect(leadership).toMatchObject({ required: 4, current: null, gap: 4, difference: 4 });
    expect(gaps[0]!.skillId).toBe('compliance'); // required 5 with no evidence: the largest gap
  });

  it('uses the job-role requirement where the framework has one', () => {
    const withRole = skillFrameworkSchema.parse({
      jobRoles: [{ id: 'sales', name: { ja: '営業', en: 'Sales' } }],
      categories: framework.categories.map((c) => ({
        ...c,
        skills: c.skills.map((s) => (s.id === 'communication' ? { ...s, jobRoleRequired: { sales: { junior: 4 } } } : s)),
      })),
    });
    const communication = (role: string | null) =>
      skillGaps(withRole, 'junior', role, { communication: 3 }).find((g) => g.skillId === 'communication')!;
    expect(communication(null)).toMatchObject({ required: 2, gap: 0, difference: -1 });
    expect(communication('sales')).toMatchObject({ required: 4, gap: 1, difference: 1 });
  });
});

describe('aggregateGaps', () => {
  const gap = (skillId: string, required: 1 | 2 | 3 | 4 | 5, current: number | null): SkillGap => {
    const difference = required - (current ?? 0);
    return { skillId, name: { ja: skillId, en: skillId }, required, current, difference, gap: Math.max(0, difference) };
  };
  const users = [
    { departmentId: 'sales', level: 'junior' as const, gaps: [gap('logical-thinking', 3, 2), gap('compliance', 3, 3)] },
    { departmentId: 'sales', level: 'junior' as const, gaps: [gap('logical-thinking', 3, 1), gap('compliance', 3, null)] },
    { departmentId: 'hr', level: 'manager' as const, gaps: [gap('logical-thinking', 4, 4), gap('compliance', 5, 4)] },
    { departmentId: null, level: 'junior' as const, gaps: [gap('logical-thinking', 3, 4)] },
  ];
  const order = frameworkSkills(framework).map((s) => s.id);

  it('averages current over assessed people and gap over everyone, per department', () => {
    const { byDepartment } = aggregateGaps(users, order);
    expect(byDepartment.map((g) => [g.key, g.users])).toEqual([
      ['hr', 1],
      ['sales', 2],
      [null, 1],
    ]);
    const sales = byDepartment[1]!;
    expect(sales.skills.map((c) => c.skillId)).toEqual(['compliance', 'logical-thinking']); // framework order
    expect(sales.skills[0]).toEqual({ skillId: 'compliance', users: 2, assessed: 1, meanCurrent: 3, meanGap: 1.5, withGap: 1 });
    expect(sales.skills[1]).toEqual({ skillId: 'logical-thinking', users: 2, assessed: 2, meanCurrent: 1.5, meanGap: 1.5, withGap: 2 });
  });

  it('groups by level in ladder order and leaves out people with no level', () => {
    const { byLevel } = aggregateGaps([...users, { departmentId: 'hr', level: null, gaps: [gap('compliance', 1, 0)] }], order);
    expect(byLevel.map((g) => [g.key, g.users])).toEqual([
      ['junior', 3],
      ['manager', 1],
    ]);
    const logic = byLevel[0]!.skills.find((c) => c.skillId === 'logical-thinking')!;
    expect(logic.meanCurrent).toBeCloseTo(7 / 3);
    expect(logic.meanGap).toBe(1); // gaps 1, 2 and 0
    expect(logic.withGap).toBe(2);
  });

  it('orders columns by id when no order is given, and returns nothing for nobody', () => {
    expect(aggregateGaps(users).byDepartment[0]!.skills.map((c) => c.skillId)).toEqual(['compliance', 'logical-thinking']);
    expect(aggregateGaps([])).toEqual({ byDepartment: [], byLevel: [] });
  });
});
