import { describe, expect, it } from 'vitest';
import { lastMonths, monthOf } from './time.js';
import { usageTable } from './usage.js';

describe('monthOf / lastMonths', () => {
  it('counts months in Japan time', () => {
    expect(monthOf('2026-10-31T15:00:00Z')).toBe('2026-11'); // 00:00 JST on 1 November
    expect(monthOf('2026-10-31T14:59:59Z')).toBe('2026-10');
  });

  it('lists the last n months oldest first, across a year', () => {
    expect(lastMonths('2026-02-10T00:00:00Z', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(lastMonths('2026-12-31T16:00:00Z', 1)).toEqual(['2027-01']);
  });
});

describe('usageTable', () => {
  const months = ['2026-10', '2026-11'];

  it('sums companies into their rows and totals, zero where nothing was counted', () => {
    const vendorOf = new Map([
      ['t1', 'v1'],
      ['t2', 'v1'],
      ['t3', 'v2'],
    ]);
    const { rows, totals } = usageTable(
      months,
      [
        { key: 'v1', seatsUsed: 10 },
        { key: 'v2', seatsUsed: 3 },
      ],
      [
        { tenantId: 't1', month: '2026-11', activeLearners: 4, attempts: 9 },
        { tenantId: 't2', month: '2026-11', activeLearners: 1, attempts: 2 },
        { tenantId: 't3', month: '2026-10', activeLearners: 2, attempts: 5 },
        { tenantId: 't4', month: '2026-11', activeLearners: 7, attempts: 7 }, // no row: not counted
        { tenantId: 't1', month: '2026-09', activeLearners: 7, attempts: 7 }, // outside the months
      ],
      (t) => vendorOf.get(t),
    );
    expect(rows).toEqual([
      {
        key: 'v1',
        seatsUsed: 10,
        byMonth: [
          { month: '2026-10', activeLearners: 0, attempts: 0 },
          { month: '2026-11', activeLearners: 5, attempts: 11 },
        ],
      },
      {
        key: 'v2',
        seatsUsed: 3,
        byMonth: [
          { month: '2026-10', activeLearners: 2, attempts: 5 },
          { month: '2026-11', activeLearners: 0, attempts: 0 },
        ],
      },
    ]);
    expect(totals).toEqual({
      seatsUsed: 13,
      byMonth: [
        { month: '2026-10', activeLearners: 2, attempts: 5 },
        { month: '2026-11', activeLearners: 5, attempts: 11 },
      ],
    });
  });
});
