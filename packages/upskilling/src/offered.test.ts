import { describe, expect, it } from 'vitest';
import { everyone, type Audience } from '@manabi/core';
import { offeredTo } from './offered.js';

interface Item {
  id: string;
  audience?: Audience;
}
const DEPT_A = 'aaaaaaaaaaaaaaaa';
const DEPT_B = 'bbbbbbbbbbbbbbbb';
const items: Item[] = [
  { id: 'legacy' },
  { id: 'all', audience: everyone() },
  { id: 'managers', audience: { ...everyone(), levels: ['manager'] } },
  { id: 'new-hires', audience: { ...everyone(), levels: ['new_hire'] } },
  { id: 'dept-b', audience: { ...everyone(), departmentIds: [DEPT_B] } },
  { id: 'assigned-managers', audience: { ...everyone(), levels: ['manager'] } },
];
const newHireInA = { level: 'new_hire' as const, departmentId: DEPT_A, jobRole: null };

describe('offeredTo', () => {
  it('keeps what targets the person and what has no audience (stored before audiences)', () => {
    expect(offeredTo(items, newHireInA, (i) => i.audience).map((i) => i.id)).toEqual(['legacy', 'all', 'new-hires']);
  });

  it('keeps an item the person must see regardless (assigned), in the original order', () => {
    const kept = offeredTo(
      items,
      newHireInA,
      (i) => i.audience,
      (i) => i.id === 'assigned-managers',
    );
    expect(kept.map((i) => i.id)).toEqual(['legacy', 'all', 'new-hires', 'assigned-managers']);
  });
});
