import { describe, expect, it } from 'vitest';
import { applyIncrements, type Counters } from './counters.js';
import { cellId, gapWeekKey, parseCellId } from './dimensions.js';
import { gapMovementDelta } from './org.js';
import { gapMovementStats } from './org-stats.js';
import type { StandingImage } from './images.js';

const standing = (skills: [string, number | null, number | null][], over: Partial<StandingImage> = {}): StandingImage => ({
  tenantId: 't',
  userId: 'u1',
  departmentId: 'sales',
  level: 'junior',
  skills: skills.map(([skill, required, current]) => ({ skill, required, current })),
  ...over,
});

const fold = (...deltas: ReturnType<typeof gapMovementDelta>[]) => {
  const store = new Map<string, Counters>();
  for (const d of deltas) applyIncrements(store, d);
  return store;
};

// 2026-12-09 is a Wednesday; its report week starts on Monday 2026-12-07 (Asia/Tokyo).
const WEDNESDAY = '2026-12-09T03:00:00.000Z';
const company = cellId(gapWeekKey({ tenantId: 't', week: '2026-12-07' }));

describe('gap movement by week', () => {
  it('counts a gap closed when a skill reaches its requirement, and opened when it falls below', () => {
    const before = standing([
      ['logic', 3, 2],
      ['talk', 2, 2],
      ['lead', 2, null],
    ]);
    const after = standing([
      ['logic', 3, 3.5],
      ['talk', 3, 2],
      ['lead', 2, null],
    ]);
    const store = fold(gapMovementDelta(before, after, WEDNESDAY));
    expect(gapMovementStats(store.get(company)!)).toEqual({ closed: 1, opened: 1 });
    // The group's own cell and its rollups.
    expect([...store.keys()].sort()).toEqual([
      'gapweek/t/*/*/2026-12-07',
      'gapweek/t/*/junior/2026-12-07',
      'gapweek/t/sales/*/2026-12-07',
      'gapweek/t/sales/junior/2026-12-07',
    ]);
  });

  it('moves nothing for a first standing, a removed one, or a change that closes and opens nothing', () => {
    const s = standing([['logic', 3, 1]]);
    expect(gapMovementDelta(null, s, WEDNESDAY)).toEqual([]);
    expect(gapMovementDelta(s, null, WEDNESDAY)).toEqual([]);
    expect(gapMovementDelta(s, standing([['logic', 3, 2]]), WEDNESDAY)).toEqual([]);
  });

  it('files the movement under the week it happened and the group the person is in now', () => {
    const delta = gapMovementDelta(
      standing([['logic', 3, 1]]),
      standing([['logic', 3, 3]], { departmentId: 'dev' }),
      '2026-12-13T16:00:00.000Z', // Monday 01:00 in Tokyo
    );
    expect(delta.map((d) => d.id)).toContain('gapweek/t/dev/junior/2026-12-14');
  });

  it('has cell ids that read back as the same key', () => {
    const key = gapWeekKey({ tenantId: 't', departmentId: 'a/b', level: null, week: '2026-12-07' });
    expect(parseCellId(cellId(key))).toEqual(key);
  });
});
