import { describe, expect, it } from 'vitest';
import { completionKey, resultKey } from './dimensions.js';
import { HOT_SHARDS, mergeShards, shardCount, shardFor } from './shard.js';

const company = resultKey({ tenantId: 't', assessmentId: 'a' });
const exact = resultKey({ tenantId: 't', assessmentId: 'a', departmentId: 'd', level: 'mid', week: '2025-04-07' });

describe('shardCount', () => {
  it('shards the rollups over departments or levels, not the exact cells', () => {
    expect(shardCount(company)).toBe(HOT_SHARDS);
    expect(shardCount(resultKey({ tenantId: 't', assessmentId: 'a', departmentId: 'd' }))).toBe(HOT_SHARDS);
    expect(shardCount(completionKey({ tenantId: 't', packageId: 'p' }))).toBe(HOT_SHARDS);
    expect(shardCount(exact)).toBe(1);
    expect(shardCount({ ...exact, week: '*' })).toBe(1);
    expect(shardCount(company, 16)).toBe(16);
  });
});

describe('shardFor', () => {
  it('is deterministic and in range', () => {
    for (let i = 0; i < 200; i++) {
      const s = shardFor(company, `attempt:${i}:finished`, 8);
      expect(s).toBe(shardFor(company, `attempt:${i}:finished`, 8));
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(8);
    }
    expect(shardFor(exact, 'anything', 1)).toBe(0);
  });

  it('spreads records evenly enough over the shards', () => {
    const counts = new Array<number>(8).fill(0);
    for (let i = 0; i < 8000; i++) counts[shardFor(company, `attempt:a${i}:finished`, 8)]! += 1;
    for (const n of counts) expect(n).toBeGreaterThan(800);
  });

  it('refuses a shard count that is not a positive whole number', () => {
    expect(() => shardFor(company, 'r', 0)).toThrow(RangeError);
    expect(() => shardFor(company, 'r', 2.5)).toThrow(RangeError);
  });
});

describe('mergeShards', () => {
  it('sums every numeric field and ignores keys and other attributes', () => {
    const merged = mergeShards([
      { pk: 'x', sk: 'SHARD#0', count: 2, h3: 1, sumScoreX10: 300 },
      { pk: 'x', sk: 'SHARD#1', count: 1, h3: -1, band2: 1, note: 'n' },
      {},
    ]);
    expect(merged).toEqual({ count: 3, sumScoreX10: 300, band2: 1 });
    expect(mergeShards([])).toEqual({});
  });
});
