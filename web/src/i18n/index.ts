import { createI18n } from 'vue-i18n';
import { LOCALES, type Locale } from '../api/types';
import { compileMessage } from './compile';
import type { MessageSchema } from './ja';
import { DEFAULT_LOCALE, LOCALE_STORAGE_KEY } from './locale-choice';

export { DEFAULT_LOCALE, LOCALE_STORAGE_KEY };

/** Native names, deliberately not translated: each language is shown in itself. */
export const LOCALE_NAMES: Record<Locale, string> = {
  ja: '日本語',
  en: 'English',
};

/**
 * Each language's messages are a chunk of their own, fetched when that language is shown: a page
 * downloads one language, not both (they are the largest part of the app's code).
 */
const loaders: Record<Locale, () => Promise<{ default: MessageSchema }>> = {
  ja: () => import('./ja'),
  en: () => import('./en'),
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Where the choice was kept before it got a neutral name; moved over on first read. */
const LEGACY_LOCALE_STORAGE_KEY = 'manabi.locale';

export function readStoredLocale(): Locale | null {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    let value = storage.getItem(LOCALE_STORAGE_KEY);
    const legacy = value === null ? storage.getItem(LEGACY_LOCALE_STORAGE_KEY) : null;
    if (isLocale(legacy)) {
      storage.setItem(LOCALE_STORAGE_KEY, legacy);
      storage.removeItem(LEGACY_LOCALE_STORAGE_KEY);
      value = legacy;
    }
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

/** The language the app starts in: the one chosen on this device, else Japanese. */
export function initialLocale(): Locale {
  return readStoredLocale() ?? DEFAULT_LOCALE;
}

/** What of a vue-i18n composer (global or from useI18n) the loading needs. */
export interface MessageTarget {
  readonly availableLocales: readonly string[];
  setLocaleMessage(locale: Locale, messages: MessageSchema): void;
}

/** Adds `locale`'s messages to `composer` unless it already has them. */
export async function ensureLocaleMessages(composer: MessageTarget, locale: Locale): Promise<void> {
  if (composer.availableLocales.includes(locale)) return;
  const { default: messages } = await loaders[locale]();
  composer.setLocaleMessage(locale, messages);
}

/** The app's i18n, created without messages: main.ts loads the initial language's before mounting. */
export function createLazyI18n(locale: Locale = initialLocale()) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: {} as Record<Locale, MessageSchema>,
    missingWarn: false,
    fallbackWarn: false,
    messageCompiler: compileMessage,
  });
}

export const i18n = createLazyI18n();
