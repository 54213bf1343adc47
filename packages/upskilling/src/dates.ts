import { isRealIsoDate } from '@manabi/core';

// Every calendar date in this package is a plain `YYYY-MM-DD` already in Asia/Tokyo (the caller
// converts once at the edge). Arithmetic is done on UTC midnights, which has no DST and so no
// 23- or 25-hour days: a day is always 86 400 000 ms.
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD`; throws on anything else, so a typo never shifts a plan. */
export function dayNumber(date: string): number {
  if (!isRealIsoDate(date)) throw new RangeError(`Expected a date YYYY-MM-DD, got "${date}"`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `to − from` in whole days (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** The Monday on or before `date` (weeks run Monday–Sunday, as on Japanese work calendars). */
export function mondayOf(date: string): string {
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return fromDayNumber(day - sinceMonday);
}

/**
 * The calendar date part of an ISO date or date-time (`2025-04-01` or `2025-04-01T09:00:00+09:00`).
 * Date-times are expected in Japan time, so their first ten characters are the Tokyo date.
 */
export function calendarDate(isoDateOrDateTime: string): string {
  const date = isoDateOrDateTime.slice(0, 10);
  dayNumber(date);
  return date;
}

/** Milliseconds since the epoch for ordering; throws on an unparsable string. */
export function timestamp(isoDateOrDateTime: string): number {
  const ms = Date.parse(isoDateOrDateTime);
  if (Number.isNaN(ms)) throw new RangeError(`Expected an ISO date, got "${isoDateOrDateTime}"`);
  return ms;
}
