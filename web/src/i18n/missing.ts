/**
 * How the app reports a message it does not have (on screen its key would show): a console
 * warning starting with this text, which test/browser/public-pages-shell.test.ts looks for.
 */
export const MISSING_MESSAGE_WARNING = '[i18n] missing message';

export function reportMissingMessage(locale: string, key: string): void {
  console.warn(`${MISSING_MESSAGE_WARNING} ${locale}:${key}`);
}
