import { describe, expect, it } from 'vitest';
import { addDays, calendarDate, daysBetween, mondayOf } from './dates.js';

describe('calendar dates', () => {
  it('counts days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2025-04-10', '2025-04-01')).toBe(-9);
    expect(addDays('2025-03-30', 3)).toBe('2025-04-02');
  });

  it('finds the Monday of the week, including for a Sunday and a Monday', () => {
    expect(mondayOf('2025-04-07')).toBe('2025-04-07'); // Monday
    expect(mondayOf('2025-04-10')).toBe('2025-04-07'); // Thursday
    expect(mondayOf('2025-04-13')).toBe('2025-04-07'); // Sunday
    expect(mondayOf('1970-01-01')).toBe('1969-12-29');
  });

  it('refuses impossible dates instead of rolling them over', () => {
    expect(() => daysBetween('2025-02-30', '2025-03-01')).toThrow(RangeError);
    expect(() => mondayOf('2025/04/01')).toThrow(RangeError);
  });

  it('takes the Tokyo calendar date from a date-time', () => {
    expect(calendarDate('2025-04-01T23:30:00+09:00')).toBe('2025-04-01');
    expect(calendarDate('2025-04-01')).toBe('2025-04-01');
  });
});
