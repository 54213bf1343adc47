import { isRealIsoDate } from '@manabi/core';

// Japan has had no daylight saving time since 1951, so Asia/Tokyo is always UTC+9: a fixed offset
// is exact and needs no time-zone database (and no clock).
const TOKYO_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Days since 1970-01-01 of the Asia/Tokyo calendar date of an instant. */
function tokyoDayNumber(isoDateTime: string): number {
  const ms = Date.parse(isoDateTime);
  if (Number.isNaN(ms)) throw new RangeError(`Expected an ISO date-time, got "${isoDateTime}"`);
  return Math.floor((ms + TOKYO_OFFSET_MS) / DAY_MS);
}

/**
 * The Asia/Tokyo calendar date of an ISO date-time, whatever offset it is written in. The API writes
 * `toISOString()` (UTC), so taking the first ten characters would put 00:00–08:59 JST on the previous
 * day. A plain `YYYY-MM-DD` is already a calendar date and is returned as it is.
 */
export function tokyoDate(isoDateOrDateTime: string): string {
  if (isRealIsoDate(isoDateOrDateTime)) return isoDateOrDateTime;
  return fromDayNumber(tokyoDayNumber(isoDateOrDateTime));
}

/**
 * The report week of an instant: the Monday (Asia/Tokyo) of its ISO week, as `YYYY-MM-DD`. A Monday
 * date rather than `2025-W15` so that week keys sort as strings and need no ISO-year rule.
 */
export function weekOf(isoDateOrDateTime: string): string {
  const day = isRealIsoDate(isoDateOrDateTime) ? Date.parse(`${isoDateOrDateTime}T00:00:00Z`) / DAY_MS : tokyoDayNumber(isoDateOrDateTime);
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
