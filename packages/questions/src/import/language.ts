import type { Locale } from '@manabi/core';

const JAPANESE = /[\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff\uff66-\uff9f]/u;
const LATIN_WORD = /[A-Za-z\u00c0-\u024f]{2,}/u;

/**
 * The language an item is written in, from its script: any kana or kanji → Japanese (an English
 * question about 敬語 is rare; a Japanese one quoting "PDCA" is common); Latin words and no
 * Japanese → English; neither (numbers, symbols) → null, and the caller's default applies.
 */
export function detectLanguage(texts: readonly string[]): Locale | null {
  if (texts.some((t) => JAPANESE.test(t))) return 'ja';
  if (texts.some((t) => LATIN_WORD.test(t))) return 'en';
  return null;
}

const isSingleText = (value: unknown, locale: Locale): value is Record<Locale, string> =>
  !!value &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  typeof (value as Record<string, unknown>)[locale] === 'string';

/** Every `{ [from]: text }` inside a question draft (stem, options, feedback…). */
export function localizedTexts(draft: unknown, locale: Locale): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (isSingleText(value, locale)) out.push(value[locale]);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(draft);
  return out;
}

/** The same draft with every `{ [from]: text }` stored under `to`. */
export function relabelLanguage<T>(draft: T, from: Locale, to: Locale): T {
  if (from === to) return draft;
  const walk = (value: unknown): unknown => {
    if (isSingleText(value, from)) return { [to]: value[from] };
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(draft) as T;
}
