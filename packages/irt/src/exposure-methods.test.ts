import { describe, expect, it } from 'vitest';
import { aStrata, currentStratum, informationPeak, pickAStratified, pickProgressive } from './exposure-methods.js';
import { information } from './model.js';
import type { PoolItem } from './pool.js';
import { mulberry32, normalSampler } from './rng.js';
import { selectNextItem } from './select.js';
import { simulateItemBank } from './simulate.js';

const skills = ['s1', 's2', 's3'];
const bank = simulateItemBank({ size: 120, skills }, mulberry32(7), normalSampler(mulberry32(8)));

describe('informationPeak', () => {
  it('is b for a 2PL item and the argmax of the information for a 3PL item', () => {
    expect(informationPeak({ a: 1.3, b: 0.4, c: 0 })).toBe(0.4);
    const item = { a: 0.9, b: -0.2, c: 0.25 };
    const peak = informationPeak(item);
    expect(peak).toBeGreaterThan(item.b);
    for (const step of [0.01, 0.1]) {
      expect(information(peak, item)).toBeGreaterThan(information(peak - step, item));
      expect(information(peak, item)).toBeGreaterThan(information(peak + step, item));
    }
  });
});

describe('a-stratification with b-blocking', () => {
  const strata = aStrata(bank, 4);
  const itemsIn = (stratum: number) => bank.filter((item) => strata.get(item.id) === stratum);
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

  it('puts every item in one stratum, each stratum with the same share of every skill', () => {
    expect(strata.size).toBe(bank.length);
    for (let s = 0; s < 4; s++) for (const skill of skills) expect(itemsIn(s).filter((i) => i.skill === skill)).toHaveLength(10);
  });

  it('raises discrimination stratum by stratum while each stratum spans the difficulty range alike', () => {
    const meanA = [0, 1, 2, 3].map((s) => mean(itemsIn(s).map((i) => i.a)));
    for (let s = 1; s < 4; s++) expect(meanA[s]!).toBeGreaterThan(meanA[s - 1]!);
    const meanB = [0, 1, 2, 3].map((s) => mean(itemsIn(s).map(informationPeak)));
    expect(Math.max(...meanB) - Math.min(...meanB)).toBeLessThan(0.2);
  });

  it('walks the strata in equal shares of the test length', () => {
    expect([0, 4, 5, 9, 10, 14, 15, 19, 25].map((n) => currentStratum(n, 4, 20))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 3]);
  });

  it("takes the current stratum's item nearest θ, and the next stratum up once the skill has none there", () => {
    const theta = 0.7;
    const s1 = bank.filter((item) => item.skill === 's1');
    const picked = pickAStratified(s1, bank, theta, 6, { strata: 4, testLength: 20 })!;
    expect(strata.get(picked.id)).toBe(1);
    const distance = Math.abs(informationPeak(picked) - theta);
    for (const item of s1.filter((i) => strata.get(i.id) === 1))
      expect(Math.abs(informationPeak(item) - theta)).toBeGreaterThanOrEqual(distance);
    const withoutStratum1 = s1.filter((i) => strata.get(i.id) !== 1);
    expect(strata.get(pickAStratified(withoutStratum1, bank, theta, 6, { strata: 4, testLength: 20 })!.id)).toBe(2);
  });
});

describe('progressive method', () => {
  const at = (given: number, seed: number, acceleration?: number) =>
    pickProgressive(bank, 0.3, given, { testLength: 20, acceleration }, mulberry32(seed))!.id;
  const best = [...bank].sort((x, y) => information(0.3, y) - information(0.3, x))[0]!.id;

  it('is all information at the end of the test: the most informative item', () => {
    for (const seed of [1, 2, 3]) expect(at(20, seed)).toBe(best);
  });

  it('spreads the first item over the bank and narrows as the test goes on', () => {
    const distinct = (given: number, acceleration?: number) =>
      new Set(Array.from({ length: 200 }, (_, seed) => at(given, seed, acceleration))).size;
    expect(distinct(0)).toBeGreaterThan(60);
    expect(distinct(15)).toBeLessThan(distinct(5));
    // Acceleration below 1 hands over to information sooner.
    expect(distinct(5, 0.5)).toBeLessThan(distinct(5, 1));
  });
});

describe('selectNextItem with an exposure method', () => {
  const input = { pool: bank, administered: bank.slice(0, 7).map((i) => i.id), theta: -0.4 };
  const options = { skillTargets: { s1: 1, s2: 1, s3: 1 } };

  it('gives the same items as the shorthand options for max information and randomesque', () => {
    for (let seed = 0; seed < 30; seed++) {
      expect(selectNextItem(input, mulberry32(seed), { ...options, exposure: { kind: 'max-information' } })!.item.id).toBe(
        selectNextItem(input, mulberry32(seed), options)!.item.id,
      );
      expect(selectNextItem(input, mulberry32(seed), { ...options, exposure: { kind: 'randomesque', k: 4 } })!.item.id).toBe(
        selectNextItem(input, mulberry32(seed), { ...options, randomesque: 4 })!.item.id,
      );
    }
  });

  it('keeps content balancing under a-stratified and progressive selection', () => {
    for (const exposure of [
      { kind: 'a-stratified', strata: 3, testLength: 15 },
      { kind: 'progressive', testLength: 15 },
    ] as const) {
      const administered: string[] = [];
      const rng = mulberry32(4);
      for (let n = 0; n < 15; n++) administered.push(selectNextItem({ ...input, administered }, rng, { ...options, exposure })!.item.id);
      const counts = skills.map((skill) => administered.filter((id) => bank.find((i) => i.id === id)!.skill === skill).length);
      expect(counts).toEqual([5, 5, 5]);
      expect(new Set(administered).size).toBe(15);
    }
  });

  it('never sets items aside outside Sympson–Hetter', () => {
    const pool: PoolItem[] = bank.slice(0, 10);
    const selection = selectNextItem({ pool, administered: [], theta: 0 }, mulberry32(1), {
      exposure: { kind: 'progressive', testLength: 5 },
    })!;
    expect(selection.setAside).toEqual([]);
  });
});
