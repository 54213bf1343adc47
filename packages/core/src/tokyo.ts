import { isRealIsoDate } from './schemas.js';

/**
 * Japan has had no daylight saving time since 1951, so Asia/Tokyo is always UTC+9: a fixed offset
 * is exact and needs no time-zone database. The product's calendar day (due dates, "today", the
 * day a certificate is dated, report weeks and months) is the day in Tokyo.
 */
export const TOKYO_OFFSET_MS = 9 * 3_600_000;

/**
 * The Asia/Tokyo calendar date (`YYYY-MM-DD`) of an instant, whatever offset it is written in. The
 * API stores `toISOString()` (UTC), so its first ten characters would put 00:00–08:59 JST on the
 * previous day. A plain `YYYY-MM-DD` is already a calendar date and is returned as it is.
 */
export function tokyoDate(instant: Date | string): string {
  if (typeof instant === 'string' && isRealIsoDate(instant)) return instant;
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Expected an ISO date-time, got "${String(instant)}"`);
  return new Date(ms + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Tokyo by the app's clock (`deps.now()`), never the machine's time zone. */
export const todayInTokyo = (now: Date): string => tokyoDate(now);
