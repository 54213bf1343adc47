import { describe, expect, it } from 'vitest';
import {
  audienceOf,
  audienceProblems,
  audienceSchema,
  everyone,
  isEveryone,
  matchesAudience,
  type Audience,
  type AudienceMember,
} from './audience.js';
import { LEVELS, type Level } from './levels.js';

const DEPT_A = 'aaaaaaaaaaaaaaaa';
const DEPT_B = 'bbbbbbbbbbbbbbbb';
const person = (level: Level | null, departmentId: string | null = null, jobRole: string | null = null): AudienceMember => ({
  level,
  departmentId,
  jobRole,
});
const audience = (over: Partial<Audience>): Audience => ({ ...everyone(), ...over });

describe('matchesAudience', () => {
  it('lets everyone in when no dimension names anything, including an item stored without an audience', () => {
    for (const p of [person(null), person('new_hire', DEPT_A, 'sales'), person('manager', DEPT_B)]) {
      expect(matchesAudience(everyone(), p)).toBe(true);
      expect(matchesAudience(undefined, p)).toBe(true);
      expect(matchesAudience(null, p)).toBe(true);
    }
  });

  it('keeps a new employee out of a managers-only test and in a new employees one', () => {
    expect(matchesAudience(audience({ levels: ['manager'] }), person('new_hire', DEPT_A))).toBe(false);
    expect(matchesAudience(audience({ levels: ['new_hire', 'junior'] }), person('new_hire', DEPT_A))).toBe(true);
  });

  it('needs every named dimension to match', () => {
    const salesNewHiresInA = audience({ levels: ['new_hire'], departmentIds: [DEPT_A], jobRoles: ['sales'] });
    expect(matchesAudience(salesNewHiresInA, person('new_hire', DEPT_A, 'sales'))).toBe(true);
    expect(matchesAudience(salesNewHiresInA, person('new_hire', DEPT_B, 'sales'))).toBe(false);
    expect(matchesAudience(salesNewHiresInA, person('new_hire', DEPT_A, 'engineer'))).toBe(false);
    expect(matchesAudience(salesNewHiresInA, person('junior', DEPT_A, 'sales'))).toBe(false);
  });

  it('keeps a person without a level, department or job role out of a dimension that names some', () => {
    expect(matchesAudience(audience({ levels: ['new_hire'] }), person(null, DEPT_A))).toBe(false);
    expect(matchesAudience(audience({ departmentIds: [DEPT_A] }), person('new_hire'))).toBe(false);
    expect(matchesAudience(audience({ jobRoles: ['sales'] }), person('new_hire', DEPT_A))).toBe(false);
  });

  // Properties over many generated audiences and people (fast-check is not in the lockfile: a seeded generator instead).
  describe('properties', () => {
    const random = seeded(20261207);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const subset = <T>(xs: readonly T[]): T[] => xs.filter(() => random() < 0.35);
    const DEPTS = [DEPT_A, DEPT_B, 'cccccccccccccccc'];
    const ROLES = ['sales', 'engineer', 'support'];
    const cases = Array.from({ length: 500 }, () => ({
      a: audience({ levels: subset(LEVELS), departmentIds: subset(DEPTS), jobRoles: subset(ROLES) }),
      p: person(random() < 0.1 ? null : pick(LEVELS), random() < 0.1 ? null : pick(DEPTS), random() < 0.2 ? null : pick(ROLES)),
    }));

    it('is the conjunction of the three dimensions, each empty-or-contains', () => {
      for (const { a, p } of cases) {
        const expected = [
          [a.levels, p.level],
          [a.departmentIds, p.departmentId],
          [a.jobRoles, p.jobRole],
        ].every(([named, value]) => (named as unknown[]).length === 0 || (value !== null && (named as unknown[]).includes(value)));
        expect(matchesAudience(a, p)).toBe(expected);
      }
    });

    it('only widens when a dimension is emptied (clearing a dimension never excludes anyone)', () => {
      for (const { a, p } of cases) {
        if (!matchesAudience(a, p)) continue;
        expect(matchesAudience({ ...a, levels: [] }, p)).toBe(true);
        expect(matchesAudience({ ...a, departmentIds: [] }, p)).toBe(true);
        expect(matchesAudience({ ...a, jobRoles: [] }, p)).toBe(true);
      }
    });

    it('always includes a person whose own values are named on every non-empty dimension', () => {
      for (const { a, p } of cases) {
        const widened: Audience = {
          levels: a.levels.length && p.level ? [...a.levels, p.level] : a.levels,
          departmentIds: a.departmentIds.length && p.departmentId ? [...a.departmentIds, p.departmentId] : a.departmentIds,
          jobRoles: a.jobRoles.length && p.jobRole ? [...a.jobRoles, p.jobRole] : a.jobRoles,
        };
        const hasEveryNamedValue =
          (widened.levels.length === 0 || p.level !== null) &&
          (widened.departmentIds.length === 0 || p.departmentId !== null) &&
          (widened.jobRoles.length === 0 || p.jobRole !== null);
        expect(matchesAudience(widened, p)).toBe(hasEveryNamedValue);
      }
    });

    it('does not depend on the order or repetition of what is named', () => {
      for (const { a, p } of cases) {
        const shuffled: Audience = {
          levels: [...a.levels].reverse().concat(a.levels),
          departmentIds: [...a.departmentIds].reverse(),
          jobRoles: [...a.jobRoles, ...a.jobRoles].reverse(),
        };
        expect(matchesAudience(shuffled, p)).toBe(matchesAudience(a, p));
      }
    });
  });
});

describe('audienceSchema', () => {
  it('fills missing dimensions with everyone, drops duplicates and orders levels along the ladder', () => {
    expect(audienceSchema.parse({})).toEqual(everyone());
    expect(audienceSchema.parse({ levels: ['manager', 'new_hire', 'manager'], jobRoles: ['sales', 'sales'] })).toEqual({
      levels: ['new_hire', 'manager'],
      departmentIds: [],
      jobRoles: ['sales'],
    });
  });

  it('refuses an unknown level, a malformed department id or job role, and unknown fields, with paths', () => {
    const result = audienceSchema.safeParse({ levels: ['new_hire', 'ceo'], departmentIds: ['A'], jobRoles: ['Not A Slug'] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['departmentIds.0', 'jobRoles.0', 'levels.1']);
    expect(audienceSchema.safeParse({ roles: ['learner'] }).success).toBe(false);
  });
});

describe('audienceProblems', () => {
  it('names each department and job role the company does not have, by position', () => {
    const a = audience({ departmentIds: [DEPT_A, DEPT_B], jobRoles: ['sales', 'astronaut'] });
    expect(audienceProblems(a, { departmentIds: [DEPT_A], jobRoles: ['sales'] })).toEqual([
      { path: 'audience.departmentIds.1', message: 'Not a department of this company' },
      { path: 'audience.jobRoles.1', message: 'Not a job role of the skill framework' },
    ]);
    expect(audienceProblems(a, { departmentIds: [DEPT_A, DEPT_B], jobRoles: ['sales', 'astronaut'] }, 'package.audience')).toEqual([]);
  });
});

describe('audienceOf / isEveryone', () => {
  it('reads a missing audience as everyone', () => {
    expect(audienceOf(undefined)).toEqual(everyone());
    expect(isEveryone(undefined)).toBe(true);
    expect(isEveryone(audience({ levels: ['leader'] }))).toBe(false);
  });
});

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
