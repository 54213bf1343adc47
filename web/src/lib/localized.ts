import type { Locale, LocalizedText } from '../api/types';

/** The text in `locale`, else in the other language, else "". Accepts plain strings too. */
export function pickText(value: LocalizedText | string | null | undefined, locale: Locale): string {
  if (!value) return '';
  if (typeof value === 'string') return value;
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  return value[locale] || value[other] || '';
}

/** Which language `pickText` actually used (for the `lang` attribute), or null when empty. */
export function pickedLocale(value: LocalizedText | string | null | undefined, locale: Locale): Locale | null {
  if (!value || typeof value === 'string') return null;
  if (value[locale]) return locale;
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  return value[other] ? other : null;
}

/** Editable form of a localized text: both languages, "" when missing. */
export interface BilingualText {
  ja: string;
  en: string;
}

export function toBilingual(value: LocalizedText | null | undefined): BilingualText {
  return { ja: value?.ja ?? '', en: value?.en ?? '' };
}

/** Trimmed, empty languages left out; undefined when both are empty. */
export function compactText(value: BilingualText): LocalizedText | undefined {
  const out: LocalizedText = {};
  const ja = value.ja.trim();
  const en = value.en.trim();
  if (ja) out.ja = ja;
  if (en) out.en = en;
  return ja || en ? out : undefined;
}

/** Splits "a, b、c" (ASCII, Japanese and full-width commas, new lines) into trimmed, unique, non-empty parts. */
export function splitList(value: string): string[] {
  const parts = value
    .split(/[,、，\n]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return [...new Set(parts)];
}
