import { describe, expect, it } from 'vitest';
import { makeFrameworkDocument, makeStanding } from '../testing/fixtures';
import { gapBucket, gapCellState, gapClass, gapMarker, meanGapBucket, meanGapClass, replaceStanding, skillIndex, todayIso } from './skills';

describe('skill helpers', () => {
  it('buckets gaps 0, 1, 2 and 3 or more (averages rounded)', () => {
    expect([0, 1, 2, 3, 4, 0.4, 0.5, 1.25, 2.6, -1].map(gapBucket)).toEqual([0, 1, 2, 3, 3, 0, 1, 1, 3, 0]);
    expect(gapBucket(null)).toBeNull();
    expect(gapClass(5)).toBe('gap--3');
    expect(gapClass(null)).toBe('gap--na');
  });

  it('buckets mean gaps so that any shortfall on average counts as below the requirement', () => {
    expect([0, -0.5, 0.1, 1.4, 1.5, 2.4, 2.5, 4].map(meanGapBucket)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(meanGapBucket(null)).toBeNull();
    expect(meanGapClass(0.4)).toBe('gap--1');
    expect(meanGapClass(null)).toBe('gap--na');
  });

  it('tells a gap cell that is not required from one nobody has been assessed on', () => {
    const cell = { people: 3, assessed: 2, meanRequired: 3, meanGap: 1 };
    expect(gapCellState(cell)).toBe('gap');
    expect(gapCellState({ ...cell, assessed: 0, meanGap: null })).toBe('unassessed');
    expect(gapCellState({ ...cell, people: 0 })).toBe('na');
    expect(gapCellState({ ...cell, meanRequired: null })).toBe('na');
    expect(gapCellState(null)).toBe('na');
  });

  it('marks gaps with text as well as colour', () => {
    expect(gapMarker(0)).toBe('✓');
    expect(gapMarker(2)).toBe('▼2');
    expect(gapMarker(1.25)).toBe('▼1.3');
    expect(gapMarker(null)).toBe('');
  });

  it('replaces a standing in place', () => {
    const a = makeStanding({ skillId: 'a' });
    const b = makeStanding({ skillId: 'b' });
    const next = makeStanding({ skillId: 'a', current: 5, gap: 0 });
    expect(replaceStanding([a, b], next)).toEqual([next, b]);
    expect(replaceStanding([b], next)).toEqual([b, next]);
  });

  it('indexes framework skills and formats today as YYYY-MM-DD', () => {
    expect([...skillIndex(makeFrameworkDocument().framework).keys()]).toEqual(['business-basics', 'compliance', 'leadership']);
    expect(skillIndex(null).size).toBe(0);
    expect(todayIso(new Date(2025, 0, 5))).toBe('2025-01-05');
  });
});
