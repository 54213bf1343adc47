import { describe, expect, it } from 'vitest';
import { derive, hashString, seededRandom } from './random.js';

describe('seeded random', () => {
  it('gives the same numbers for the same seed and different ones for another', () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed).next);
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
  });

  it('stays in range and covers it', () => {
    const r = seededRandom(1);
    const ints = Array.from({ length: 2000 }, () => r.int(3, 6));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(6);
    const floats = Array.from({ length: 2000 }, r.next);
    expect(floats.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('follows the weights and keeps a shuffle a permutation', () => {
    const r = seededRandom(2);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 4000; i++) counts[r.weighted({ a: 3, b: 1 })]++;
    expect(counts.a / 4000).toBeGreaterThan(0.7);
    expect(counts.a / 4000).toBeLessThan(0.8);
    expect([...r.shuffle([1, 2, 3, 4, 5])].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('derives independent streams from one seed by label', () => {
    expect(derive(5, 'people').next()).toBe(derive(5, 'people').next());
    expect(derive(5, 'people').next()).not.toBe(derive(5, 'goals').next());
    expect(hashString('abc')).toBe(hashString('abc'));
  });
});
