import { describe, expect, it } from 'vitest';
import { tokyoDate, weekOf } from './time.js';

describe('tokyoDate', () => {
  it('converts an instant to the Japan calendar date, whatever its offset', () => {
    expect(tokyoDate('2025-04-10T14:59:59Z')).toBe('2025-04-10');
    expect(tokyoDate('2025-04-10T15:00:00Z')).toBe('2025-04-11');
    expect(tokyoDate('2025-04-11T00:30:00+09:00')).toBe('2025-04-11');
    expect(tokyoDate('2025-04-10T20:00:00-05:00')).toBe('2025-04-11');
  });

  it('keeps a plain date and rejects what is not a date', () => {
    expect(tokyoDate('2025-04-10')).toBe('2025-04-10');
    expect(() => tokyoDate('yesterday')).toThrow(RangeError);
  });
});

describe('weekOf', () => {
  it('is the Monday of the ISO week in Asia/Tokyo', () => {
    // 2025-04-07 is a Monday; 2025-04-06T15:00Z is its first second in Japan.
    expect(weekOf('2025-04-06T14:59:59Z')).toBe('2025-03-31');
    expect(weekOf('2025-04-06T15:00:00Z')).toBe('2025-04-07');
    expect(weekOf('2025-04-13T14:59:59.999Z')).toBe('2025-04-07');
    expect(weekOf('2025-04-13')).toBe('2025-04-07');
    expect(weekOf('2025-04-07')).toBe('2025-04-07');
  });

  it('crosses years as ISO weeks do (2025-01-01 is in the week of Monday 2024-12-30)', () => {
    expect(weekOf('2025-01-01T10:00:00+09:00')).toBe('2024-12-30');
    expect(weekOf('2024-02-29T12:00:00Z')).toBe('2024-02-26');
  });
});
