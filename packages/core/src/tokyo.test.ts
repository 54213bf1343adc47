import { describe, expect, it } from 'vitest';
import { todayInTokyo, tokyoDate } from './tokyo.js';

describe('tokyoDate', () => {
  it('is the calendar day in Tokyo (UTC+9) of an instant, whatever its offset', () => {
    expect(tokyoDate('2026-03-31T14:59:59Z')).toBe('2026-03-31');
    expect(tokyoDate('2026-03-31T15:00:00Z')).toBe('2026-04-01');
    expect(tokyoDate('2026-04-01T00:30:00+09:00')).toBe('2026-04-01');
    expect(tokyoDate('2026-03-31T20:00:00-05:00')).toBe('2026-04-01');
    expect(tokyoDate(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
  });

  it('keeps a plain calendar date and refuses what is no date', () => {
    expect(tokyoDate('2026-04-01')).toBe('2026-04-01');
    expect(() => tokyoDate('yesterday')).toThrow(RangeError);
    expect(() => tokyoDate(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('today follows the given clock across Tokyo’s midnight', () => {
    expect(todayInTokyo(new Date('2026-06-30T14:59:59.999Z'))).toBe('2026-06-30');
    expect(todayInTokyo(new Date('2026-06-30T15:00:00Z'))).toBe('2026-07-01');
  });
});
