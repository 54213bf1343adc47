import { createI18n } from 'vue-i18n';
import { LOCALES, type Locale } from '../api/types';
import en from './en';
import ja, { type MessageSchema } from './ja';

export const LOCALE_STORAGE_KEY = 'manabi.locale';
export const DEFAULT_LOCALE: Locale = 'ja';

/** Native names, deliberately not translated: each language is shown in itself. */
export const LOCALE_NAMES: Record<Locale, string> = {
  ja: '日本語',
  en: 'English',
};

export const messages: Record<Locale, MessageSchema> = { ja, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function readStoredLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice simply is not remembered.
  }
}

export function createAppI18n(locale: Locale = readStoredLocale() ?? DEFAULT_LOCALE) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
    missingWarn: false,
    fallbackWarn: false,
  });
}

export const i18n = createAppI18n();
