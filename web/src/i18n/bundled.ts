import { createI18n } from 'vue-i18n';
import type { Locale } from '../api/types';
import { compileMessage } from './compile';
import en from './en';
import { DEFAULT_LOCALE } from './index';
import ja, { type MessageSchema } from './ja';

/** Both languages at once, synchronously: for unit tests, which mount components without the lazy loading. */
export const messages: Record<Locale, MessageSchema> = { ja, en };

export function createAppI18n(locale: Locale = DEFAULT_LOCALE) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages,
    missingWarn: false,
    fallbackWarn: false,
    messageCompiler: compileMessage,
  });
}
