/**
 * How the starting language is chosen, shared by the app (src/i18n) and the build, which writes
 * the same choice into index.html to start downloading that language's messages with the page.
 * Neutral names only: index.html is seen by white-label customers too.
 */
export const LOCALE_STORAGE_KEY = 'ui-locale';
export const DEFAULT_LOCALE = 'ja';
