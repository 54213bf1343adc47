import { createI18n } from 'vue-i18n';
import { LOCALES, type Locale } from '../api/types';
import { compileMessage } from './compile';
import type { ShellMessageSchema } from './ja-shell';
import type { MessageSchema } from './ja';
import { DEFAULT_LOCALE, LOCALE_STORAGE_KEY } from './locale-choice';
import { reportMissingMessage } from './missing';

export { DEFAULT_LOCALE, LOCALE_STORAGE_KEY };

/** Native names, deliberately not translated: each language is shown in itself. */
export const LOCALE_NAMES: Record<Locale, string> = {
  ja: '日本語',
  en: 'English',
};

/**
 * Each language's messages come in two chunks, fetched when that language is shown: the shell
 * (the app's frame and the public pages: sign-in, sign-up, passwords, certificate checks, 403/404)
 * and the whole set (every page; it spreads the shell in). A guest downloads one language's
 * shell; the whole set follows once someone signs in, is found signed in or opens a signed-in page.
 */
const shellLoaders: Record<Locale, () => Promise<{ default: ShellMessageSchema }>> = {
  ja: () => import('./ja-shell'),
  en: () => import('./en-shell'),
};
const appLoaders: Record<Locale, () => Promise<{ default: MessageSchema }>> = {
  ja: () => import('./ja'),
  en: () => import('./en'),
};

/** Which of a language's messages a composer holds: the shell's, or all of them. */
export type MessagePart = 'shell' | 'app';

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
  readonly locale: { value: string };
  readonly availableLocales: readonly string[];
  setLocaleMessage(locale: Locale, messages: MessageSchema): void;
}

interface LoadState {
  /** Once the whole set was asked for, a language switched to later comes whole too. */
  wantsApp: boolean;
  parts: Map<Locale, MessagePart>;
  pending: Map<string, Promise<void>>;
}

const loadStates = new WeakMap<MessageTarget, LoadState>();

function loadStateOf(composer: MessageTarget): LoadState {
  let state = loadStates.get(composer);
  if (!state) {
    state = { wantsApp: false, parts: new Map(), pending: new Map() };
    loadStates.set(composer, state);
  }
  return state;
}

/**
 * Adds `locale`'s messages to `composer` unless it already has them: `part` 'app' for all of
 * them, 'shell' for the public pages' only; by default the whole set once it was asked for.
 * Calls made while a download is under way share it.
 */
export function ensureLocaleMessages(composer: MessageTarget, locale: Locale, part?: MessagePart): Promise<void> {
  const state = loadStateOf(composer);
  if (part === 'app') state.wantsApp = true;
  const wanted = part ?? (state.wantsApp ? 'app' : 'shell');
  // A composer given its messages up front (unit tests: i18n/bundled.ts) holds all of them.
  const held = state.parts.get(locale) ?? (composer.availableLocales.includes(locale) ? 'app' : undefined);
  if (held === 'app' || held === wanted) return Promise.resolve();
  const key = `${locale}:${wanted}`;
  let loading = state.pending.get(key);
  if (!loading) {
    const load = wanted === 'app' ? appLoaders[locale]() : shellLoaders[locale]();
    loading = load
      .then(({ default: messages }) => {
        // The shell arriving after the whole set must not replace it.
        if (state.parts.get(locale) === 'app') return;
        // The shell is the whole set's first sections: until the rest arrives, only shell pages show.
        composer.setLocaleMessage(locale, messages as MessageSchema);
        state.parts.set(locale, wanted);
      })
      .finally(() => state.pending.delete(key));
    state.pending.set(key, loading);
  }
  return loading;
}

/** All the messages of the language shown (and of any language switched to later). */
export function ensureAppMessages(composer: MessageTarget): Promise<void> {
  const locale = isLocale(composer.locale.value) ? composer.locale.value : DEFAULT_LOCALE;
  return ensureLocaleMessages(composer, locale, 'app');
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
    // A text missing on screen would show its key: said on the console, where tests look for it.
    missing: (locale, key) => reportMissingMessage(locale, key),
    messageCompiler: compileMessage,
  });
}

export const i18n = createLazyI18n();
