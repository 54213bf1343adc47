import { describe, expect, it } from 'vitest';
import { sameStanding } from './standing.js';

describe('sameStanding', () => {
  const computed = {
    userId: 'u1',
    departmentId: 'd1',
    level: 'junior',
    skills: [
      { skill: 'compliance', required: 3, current: 2 },
      { skill: 'teamwork', required: 3, current: null },
    ],
  };

  it('sees a standing read back with its attributes in another order as unchanged', () => {
    const stored = {
      level: 'junior',
      skills: [
        { current: 2, required: 3, skill: 'compliance' },
        { current: null, skill: 'teamwork', required: 3 },
      ],
      departmentId: 'd1',
      userId: 'u1',
    };
    expect(sameStanding(stored, computed)).toBe(true);
  });

  it('sees a changed value, skill, department or level', () => {
    expect(sameStanding(computed, { ...computed, skills: [computed.skills[0]!, { skill: 'teamwork', required: 3, current: 3 }] })).toBe(
      false,
    );
    expect(sameStanding(computed, { ...computed, skills: [computed.skills[0]!] })).toBe(false);
    expect(sameStanding(computed, { ...computed, departmentId: null })).toBe(false);
    expect(sameStanding(computed, { ...computed, level: 'mid' })).toBe(false);
  });
});
