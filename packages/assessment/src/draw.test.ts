import { describe, expect, it } from 'vitest';
import { checkDrawRules, drawFixedForm, shuffle, type PoolItem } from './draw.js';

const seeded = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) % 2 ** 32;
  return seed / 2 ** 32;
};
const item = (id: string, skills: string[], level: PoolItem['level'] = null): PoolItem => ({ id, skills, level });
const pool: PoolItem[] = [
  ...Array.from({ length: 5 }, (_, i) => item(`L${i}`, ['logic'])),
  ...Array.from({ length: 4 }, (_, i) => item(`C${i}`, ['communication'], i < 2 ? 'junior' : 'mid')),
  item('X0', ['logic', 'communication']),
  ...Array.from({ length: 3 }, (_, i) => item(`S${i}`, ['security'])),
];
const rules = [
  { skill: 'logic', level: null, count: 2 },
  { skill: 'communication', level: null, count: 2 },
  { skill: 'security', level: null, count: 2 },
];

describe('drawFixedForm ("2 from each of these 3 skills")', () => {
  it('draws exactly the asked number per rule, never the same question twice, for many seeds', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const picks = drawFixedForm(pool, rules, new Map(), seeded(seed));
      rules.forEach((rule, i) => {
        expect(picks[i]).toHaveLength(rule.count);
        for (const id of picks[i]!) expect(pool.find((p) => p.id === id)!.skills).toContain(rule.skill);
      });
      expect(new Set(picks.flat()).size).toBe(6);
    }
  });

  it('prefers questions the learner has not seen, and reuses the least recently seen only when it must', () => {
    const seen = new Map([
      ['S0', 1],
      ['S1', 2],
    ]);
    for (let seed = 1; seed <= 50; seed++) {
      const [form] = drawFixedForm(pool, [{ skill: 'security', level: null, count: 2 }], seen, seeded(seed));
      expect(form!.sort()).toEqual(['S0', 'S2']);
    }
  });

  it('respects a level filter', () => {
    const [form] = drawFixedForm(pool, [{ skill: 'communication', level: 'junior', count: 2 }], new Map(), seeded(3));
    expect(form!.sort()).toEqual(['C0', 'C1']);
  });

  it('uses a shared question for only one rule, and still fills both when a matching exists', () => {
    const tight = [item('A', ['x', 'y']), item('B', ['y'])];
    for (let seed = 1; seed <= 50; seed++) {
      const form = drawFixedForm(
        tight,
        [
          { skill: 'x', level: null, count: 1 },
          { skill: 'y', level: null, count: 1 },
        ],
        new Map(),
        seeded(seed),
      );
      expect(form).toEqual([['A'], ['B']]);
    }
  });

  it('is reproducible for the same seed', () => {
    expect(drawFixedForm(pool, rules, new Map(), seeded(42))).toEqual(drawFixedForm(pool, rules, new Map(), seeded(42)));
  });
});

describe('checkDrawRules', () => {
  it('reports a rule the pool cannot satisfy, alone or together with others', () => {
    expect(checkDrawRules(pool, rules)).toEqual([]);
    expect(checkDrawRules(pool, [{ skill: 'security', level: null, count: 4 }])).toEqual([
      { rule: 0, skill: 'security', level: null, wanted: 4, available: 3 },
    ]);
    const shared = [item('A', ['x', 'y'])];
    expect(
      checkDrawRules(shared, [
        { skill: 'x', level: null, count: 1 },
        { skill: 'y', level: null, count: 1 },
      ]),
    ).toEqual([{ rule: 1, skill: 'y', level: null, wanted: 1, available: 0 }]);
  });
});

describe('shuffle', () => {
  it('is a permutation', () => {
    expect(shuffle([1, 2, 3, 4, 5], seeded(1)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
