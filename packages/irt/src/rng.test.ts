import { describe, expect, it } from 'vitest';
import { mulberry32, normalSampler } from './rng.js';

describe('mulberry32', () => {
  it('reproduces the reference sequence for seed 1', () => {
    const rng = mulberry32(1);
    // Reference values of the published mulberry32 for seed 1 (first three outputs / 2^32).
    expect(rng()).toBeCloseTo(0.6270739405881613, 15);
    expect(rng()).toBeCloseTo(0.002735721180215478, 15);
    expect(rng()).toBeCloseTo(0.5274470399599522, 15);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const fromA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(fromA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(fromA);
  });

  it('is uniform on [0, 1): mean 1/2, variance 1/12, every decile about 10%', () => {
    const rng = mulberry32(7);
    const n = 100_000;
    const draws = Array.from({ length: n }, rng);
    const mean = draws.reduce((s, x) => s + x, 0) / n;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
    const deciles = new Array<number>(10).fill(0);
    for (const x of draws) deciles[Math.floor(x * 10)]! += 1;
    for (const count of deciles) expect(Math.abs(count / n - 0.1)).toBeLessThan(0.005);
  });
});

describe('normalSampler', () => {
  it('draws N(0,1): mean 0, sd 1, 95% within ±1.96, kurtosis 3', () => {
    const next = normalSampler(mulberry32(11));
    const n = 100_000;
    const draws = Array.from({ length: n }, next);
    const mean = draws.reduce((s, x) => s + x, 0) / n;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    const kurtosis = draws.reduce((s, x) => s + (x - mean) ** 4, 0) / n / variance ** 2;
    const inside = draws.filter((x) => Math.abs(x) < 1.959964).length / n;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(Math.sqrt(variance) - 1)).toBeLessThan(0.01);
    expect(Math.abs(inside - 0.95)).toBeLessThan(0.003);
    expect(Math.abs(kurtosis - 3)).toBeLessThan(0.06);
  });
});
