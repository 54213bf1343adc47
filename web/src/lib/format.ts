import type { Locale } from '../api/types';

/** "2024-04-01" → "2024年4月1日" / "April 1, 2024". Unparseable input is shown as-is. */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    dateStyle: 'long',
  }).format(date);
}

const ENCODING_NAMES: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  shift_jis: 'Shift_JIS',
};

export function formatEncoding(encoding: string): string {
  return ENCODING_NAMES[encoding] ?? encoding;
}

function intlLocale(locale: Locale): string {
  return locale === 'ja' ? 'ja-JP' : 'en-US';
}

/** An ISO timestamp in the viewer's time zone, e.g. "2025年4月1日 9:00" / "Apr 1, 2025, 9:00 AM". */
export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** An ISO timestamp as the day it fell on in the viewer's time zone, e.g. "2025/04/01" / "Apr 1, 2025". */
export function formatDay(value: string | null | undefined, locale: Locale): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium' }).format(date);
}

/** "2025-04" (a month of usage) → "2025年4月" / "Apr 2025". Unparseable input is shown as-is. */
export function formatMonth(value: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, 1);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', month: 'short' }).format(date);
}

/** A number with at most `digits` decimals, in the locale's style. */
export function formatNumber(value: number, locale: Locale, digits = 1): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
}

/** ISO timestamp → the value of an `<input type="datetime-local">` (local time, minutes). */
export function toDateTimeLocal(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `<input type="datetime-local">` value (local time) → ISO timestamp, or null when empty/invalid. */
export function fromDateTimeLocal(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A number that may be missing (reports): "—" when it is. */
export function formatOptional(value: number | null | undefined, locale: Locale, digits = 1): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : formatNumber(value, locale, digits);
}

/** A 0–1 fraction as a percentage with at most one decimal (0.755 → "75.5%"); "—" when missing. */
export function formatRate(rate: number | null | undefined, locale: Locale): string {
  return rate === null || rate === undefined || Number.isNaN(rate) ? '—' : `${formatNumber(rate * 100, locale, 1)}%`;
}

/** A 0–1 fraction as a chart value in percent, one decimal (null stays a gap in the chart). */
export function ratePercent(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
}

/** One decimal for a chart value (null stays a gap in the chart). */
export function round1(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 10) / 10;
}
