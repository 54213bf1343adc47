import { createI18n } from 'vue-i18n';
import { LOCALES, type Locale } from '../api/types';
import { compileMessage } from './compile';
import type { PeopleMessageSchema } from './ja-people';
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
 * Each language's messages come in three nested chunks, fetched when that language is shown:
 * the shell (the app's frame and the public pages: sign-in, sign-up, passwords, certificate
 * checks, 403/404); the people's set (what every signed-in person's pages use: plan, tests,
 * goals, skills, inbox; it spreads the shell in); and the whole set (it adds the pages only HR,
 * managers, vendors and the platform open). A guest downloads one language's shell, a learner
 * the people's set too, and staff the whole set: a learner's quiz does not wait for the
 * question editor's and the reports' texts.
 */
const shellLoaders: Record<Locale, () => Promise<{ default: ShellMessageSchema }>> = {
  ja: () => import('./ja-shell'),
  en: () => import('./en-shell'),
};
const peopleLoaders: Record<Locale, () => Promise<{ default: PeopleMessageSchema }>> = {
  ja: () => import('./ja-people'),
  en: () => import('./en-people'),
};
const appLoaders: Record<Locale, () => Promise<{ default: MessageSchema }>> = {
  ja: () => import('./ja'),
  en: () => import('./en'),
};

/** Which of a language's messages a composer holds: the shell's, the people's set, or all of them. */
export type MessagePart = 'shell' | 'people' | 'app';

/** Each part holds the ones before it. */
const PART_RANK: Record<MessagePart, number> = { shell: 0, people: 1, app: 2 };
const larger = (a: MessagePart, b: MessagePart | undefined): MessagePart => (b && PART_RANK[b] > PART_RANK[a] ? b : a);
const loaders: Record<MessagePart, Record<Locale, () => Promise<{ default: unknown }>>> = {
  shell: shellLoaders,
  people: peopleLoaders,
  app: appLoaders,
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
  readonly locale: { value: string };
  readonly availableLocales: readonly string[];
  setLocaleMessage(locale: Locale, messages: MessageSchema): void;
}

interface LoadState {
  /** The largest part asked for: a language switched to later comes with as much. */
  wants: MessagePart;
  parts: Map<Locale, MessagePart>;
  pending: Map<string, Promise<void>>;
}

const loadStates = new WeakMap<MessageTarget, LoadState>();

function loadStateOf(composer: MessageTarget): LoadState {
  let state = loadStates.get(composer);
  if (!state) {
    state = { wants: 'shell', parts: new Map(), pending: new Map() };
    loadStates.set(composer, state);
  }
  return state;
}

/**
 * Adds `locale`'s messages to `composer` unless it already has them: `part` says how many (see
 * above); by default as many as were asked for before. Calls made while a download is under way
 * share it.
 */
export function ensureLocaleMessages(composer: MessageTarget, locale: Locale, part?: MessagePart): Promise<void> {
  const state = loadStateOf(composer);
  if (part) state.wants = larger(state.wants, part);
  const wanted = part ?? state.wants;
  // A composer given its messages up front (unit tests: i18n/bundled.ts) holds all of them.
  const held = state.parts.get(locale) ?? (composer.availableLocales.includes(locale) ? 'app' : undefined);
  if (held && PART_RANK[held] >= PART_RANK[wanted]) return Promise.resolve();
  const key = `${locale}:${wanted}`;
  let loading = state.pending.get(key);
  if (!loading) {
    loading = loaders[wanted][locale]()
      .then(({ default: messages }) => {
        // A smaller part arriving after a larger one must not replace it.
        const now = state.parts.get(locale);
        if (now && PART_RANK[now] >= PART_RANK[wanted]) return;
        // Each part is the next one's first sections: until the rest arrives, only its pages show.
        composer.setLocaleMessage(locale, messages as MessageSchema);
        state.parts.set(locale, wanted);
      })
      .finally(() => state.pending.delete(key));
    state.pending.set(key, loading);
  }
  return loading;
}

/** `part` of the messages of the language shown (and as much of any language switched to later). */
export function ensureMessages(composer: MessageTarget, part: MessagePart): Promise<void> {
  const locale = isLocale(composer.locale.value) ? composer.locale.value : DEFAULT_LOCALE;
  return ensureLocaleMessages(composer, locale, part);
}

/** All the messages of the language shown (and of any language switched to later). */
export function ensureAppMessages(composer: MessageTarget): Promise<void> {
  return ensureMessages(composer, 'app');
}

/** The app's i18n, created without messages: main.ts loads the initial language's before mounting. */
export function createLazyI18n(locale: Locale = initialLocale()) {
  const i18n = createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: {} as Record<Locale, MessageSchema>,
    missingWarn: false,
    fallbackWarn: false,
    // A text missing on screen would show its key: said on the console, where tests look for it,
    // and the whole set fetched, so a text the split placed in a part not loaded shows at once.
    missing: (locale, key) => {
      reportMissingMessage(locale, key);
      if (isLocale(locale)) ensureLocaleMessages(i18n.global, locale, 'app').catch(() => undefined);
    },
    messageCompiler: compileMessage,
  });
  return i18n;
}

export const i18n = createLazyI18n();
