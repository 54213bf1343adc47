import { describe, expect, it } from 'vitest';
import { information } from './model.js';
import type { PoolItem } from './pool.js';
import { mulberry32 } from './rng.js';
import { selectNextItem } from './select.js';

const pool: PoolItem[] = [
  { id: 'easy', a: 1.0, b: -2, c: 0, skill: 'grammar' },
  { id: 'sharp', a: 2.0, b: 0, c: 0, skill: 'grammar' },
  { id: 'mid', a: 1.5, b: 0.2, c: 0.1, skill: 'grammar' },
  { id: 'hard', a: 1.8, b: 2, c: 0, skill: 'reading' },
  { id: 'flat', a: 0.4, b: 0, c: 0, skill: 'reading' },
  { id: 'wide', a: 1.2, b: -0.3, c: 0.2, skill: 'reading' },
];
const byInfoAt = (theta: number) => [...pool].sort((x, y) => information(theta, y) - information(theta, x)).map((i) => i.id);

describe('selectNextItem: maximum information', () => {
  it('gives the most informative item at θ', () => {
    expect(byInfoAt(0).slice(0, 3)).toEqual(['sharp', 'mid', 'wide']);
    expect(selectNextItem({ pool, administered: [], theta: 0 }, mulberry32(1))?.item.id).toBe('sharp');
    expect(selectNextItem({ pool, administered: [], theta: 2 }, mulberry32(1))?.item.id).toBe('hard');
    expect(selectNextItem({ pool, administered: [], theta: -2.2 }, mulberry32(1))?.item.id).toBe('easy');
  });

  it('never re-serves an administered item, and returns null when all are given', () => {
    expect(selectNextItem({ pool, administered: ['sharp'], theta: 0 }, mulberry32(1))?.item.id).toBe('mid');
    const rng = mulberry32(5);
    const given: string[] = [];
    for (let k = 0; k < pool.length; k++) {
      const selection = selectNextItem({ pool, administered: given, theta: 0 }, rng, { randomesque: 4 });
      expect(given).not.toContain(selection!.item.id);
      given.push(selection!.item.id);
    }
    expect(new Set(given).size).toBe(pool.length);
    expect(selectNextItem({ pool, administered: given, theta: 0 }, rng)).toBeNull();
  });
});

describe('selectNextItem: randomesque', () => {
  it('spreads choices evenly over the top k and never goes below them', () => {
    const rng = mulberry32(9);
    const counts: Record<string, number> = {};
    const n = 6000;
    for (let k = 0; k < n; k++) {
      const id = selectNextItem({ pool, administered: [], theta: 0 }, rng, { randomesque: 3 })!.item.id;
      counts[id] = (counts[id] ?? 0) + 1;
    }
    expect(Object.keys(counts).sort()).toEqual(['mid', 'sharp', 'wide']);
    for (const count of Object.values(counts)) expect(Math.abs(count / n - 1 / 3)).toBeLessThan(0.025);
  });
});

describe('selectNextItem: Sympson–Hetter', () => {
  it('gives an item with K = 0.3 about 30% of the time it is chosen, and sets it aside otherwise', () => {
    const rng = mulberry32(3);
    let given = 0;
    let setAside = 0;
    const n = 5000;
    for (let k = 0; k < n; k++) {
      const selection = selectNextItem({ pool, administered: [], theta: 0 }, rng, { sympsonHetter: { sharp: 0.3 } })!;
      if (selection.item.id === 'sharp') given += 1;
      else {
        expect(selection.item.id).toBe('mid');
        expect(selection.setAside).toEqual(['sharp']);
        setAside += 1;
      }
    }
    expect(Math.abs(given / n - 0.3)).toBeLessThan(0.02);
    expect(given + setAside).toBe(n);
  });

  it('skips items set aside earlier in the test while others remain', () => {
    const selection = selectNextItem({ pool, administered: [], setAside: ['sharp', 'mid'], theta: 0 }, mulberry32(1));
    expect(selection?.item.id).toBe('wide');
  });

  it('falls back to the most informative refused item when every candidate is refused', () => {
    const none = Object.fromEntries(pool.map((item) => [item.id, 0]));
    const selection = selectNextItem({ pool, administered: [], theta: 0 }, mulberry32(1), { sympsonHetter: none })!;
    expect(selection.item.id).toBe('sharp');
    expect([...selection.setAside].sort()).toEqual(
      pool
        .map((i) => i.id)
        .filter((id) => id !== 'sharp')
        .sort(),
    );
  });
});

describe('selectNextItem: exposure fallback under randomesque draws', () => {
  it('gives the most informative refused item whatever order the draw refused them in', () => {
    const none = Object.fromEntries(pool.map((item) => [item.id, 0]));
    for (let seed = 1; seed <= 40; seed++) {
      const selection = selectNextItem({ pool, administered: [], theta: 0 }, mulberry32(seed), { sympsonHetter: none, randomesque: 5 })!;
      expect(selection.item.id, `seed ${seed}`).toBe('sharp');
      expect(selection.setAside).not.toContain('sharp');
      expect(selection.setAside).toHaveLength(pool.length - 1);
    }
  });
});

describe('selectNextItem: content balancing', () => {
  it('serves a targeted skill’s set-aside items before any untargeted skill', () => {
    // Every grammar item left was set aside by the lottery earlier; reading has no target.
    for (let seed = 1; seed <= 20; seed++) {
      const selection = selectNextItem({ pool, administered: ['easy'], setAside: ['sharp', 'mid'], theta: 0 }, mulberry32(seed), {
        skillTargets: { grammar: 1 },
      });
      expect(selection?.item.skill, `seed ${seed}`).toBe('grammar');
    }
  });

  it('still prefers a targeted skill’s fresh items to its set-aside ones', () => {
    const selection = selectNextItem({ pool, administered: [], setAside: ['sharp'], theta: 0 }, mulberry32(1), {
      skillTargets: { grammar: 1 },
    });
    expect(selection?.item.id).toBe('mid');
  });

  it('takes the skill furthest behind target even when another skill has better items', () => {
    const selection = selectNextItem({ pool, administered: ['easy'], theta: 0 }, mulberry32(1), {
      skillTargets: { grammar: 0.5, reading: 0.5 },
    });
    expect(selection?.item.id).toBe('wide');
  });

  it('reaches target proportions 60/20/20 over ten items', () => {
    const big: PoolItem[] = ['a', 'b', 'c'].flatMap((skill) =>
      Array.from({ length: 10 }, (_, k) => ({ id: `${skill}${k}`, a: 0.5 + k * 0.1, b: k / 10 - 0.5, c: 0, skill })),
    );
    const rng = mulberry32(4);
    const given: string[] = [];
    for (let k = 0; k < 10; k++) {
      given.push(selectNextItem({ pool: big, administered: given, theta: 0 }, rng, { skillTargets: { a: 3, b: 1, c: 1 } })!.item.id);
    }
    const perSkill = (skill: string) => given.filter((id) => id.startsWith(skill)).length;
    expect([perSkill('a'), perSkill('b'), perSkill('c')]).toEqual([6, 2, 2]);
  });

  it('moves to other skills when a targeted skill runs out, untargeted skills last', () => {
    const administered = ['easy', 'sharp', 'mid'];
    expect(selectNextItem({ pool, administered, theta: 0 }, mulberry32(1), { skillTargets: { grammar: 1 } })?.item.id).toBe('wide');
    const onlyGrammar = selectNextItem({ pool, administered: [], theta: 2 }, mulberry32(1), { skillTargets: { grammar: 1 } });
    expect(onlyGrammar?.item.skill).toBe('grammar');
  });

  it('breaks ties between skills at random, so first items spread across skills', () => {
    const rng = mulberry32(8);
    const skills = new Set<string>();
    for (let k = 0; k < 50; k++) {
      skills.add(selectNextItem({ pool, administered: [], theta: 0 }, rng, { skillTargets: { grammar: 1, reading: 1 } })!.item.skill);
    }
    expect([...skills].sort()).toEqual(['grammar', 'reading']);
  });
});

describe('selectNextItem: the top-k shortcut without Sympson–Hetter', () => {
  it('serves exactly what the full ranking serves (all K = 1), draw for draw', () => {
    const rng = mulberry32(31);
    const big: PoolItem[] = Array.from({ length: 60 }, (_, k) => ({
      id: `i${String(k).padStart(2, '0')}`,
      a: 0.5 + rng() * 1.5,
      // Repeated b and a values make ties, which both paths must break by id.
      b: Math.round((rng() * 4 - 2) * 2) / 2,
      c: k % 3 === 0 ? 0.2 : 0,
      skill: ['x', 'y', 'z'][k % 3]!,
    }));
    const twin = big.map((item, k) => (k % 7 === 0 ? { ...item, id: `${item.id}-twin` } : null)).filter((item) => item !== null);
    const pool = [...big, ...twin];
    for (let trial = 0; trial < 200; trial++) {
      const administered = pool.filter(() => rng() < 0.3).map((item) => item.id);
      const theta = rng() * 6 - 3;
      const randomesque = 1 + Math.floor(rng() * 6);
      const skillTargets = trial % 2 === 0 ? { x: 1, y: 2 } : undefined;
      const seed = Math.floor(rng() * 1e9);
      const fast = selectNextItem({ pool, administered, theta }, mulberry32(seed), { randomesque, skillTargets });
      const full = selectNextItem({ pool, administered, theta }, mulberry32(seed), { randomesque, skillTargets, sympsonHetter: {} });
      expect(fast, `trial ${trial}`).toEqual(full);
    }
  });
});
