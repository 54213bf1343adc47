import { tokyoDate } from '@manabi/core';

// The Tokyo calendar (UTC+9, no daylight saving) comes from @manabi/core's one helper.
export { tokyoDate };

const DAY_MS = 86_400_000;

const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The report week of an instant: the Monday (Asia/Tokyo) of its ISO week, as `YYYY-MM-DD`. A Monday
 * date rather than `2025-W15` so that week keys sort as strings and need no ISO-year rule.
 */
export function weekOf(isoDateOrDateTime: string): string {
  const day = Date.parse(`${tokyoDate(isoDateOrDateTime)}T00:00:00Z`) / DAY_MS;
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return fromDayNumber(day - sinceMonday);
}

/** The billing month (Asia/Tokyo) of an instant, as `YYYY-MM`. */
export function monthOf(isoDateOrDateTime: string): string {
  return tokyoDate(isoDateOrDateTime).slice(0, 7);
}

/** The last `n` months up to and including the month of `nowIso`, oldest first. */
export function lastMonths(nowIso: string, n: number): string[] {
  const [y, m] = monthOf(nowIso).split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const index = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}
