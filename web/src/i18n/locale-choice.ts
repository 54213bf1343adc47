/**
 * How the starting language is chosen, shared by the app (src/i18n) and the build, which writes
 * the same choice into index.html to start downloading that language's messages with the page.
 */
export const LOCALE_STORAGE_KEY = 'manabi.locale';
export const DEFAULT_LOCALE = 'ja';
