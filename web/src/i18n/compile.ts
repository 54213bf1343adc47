import type { MessageCompiler, MessageContext, MessageFunction } from 'vue-i18n';

/**
 * Turns a message into the function vue-i18n renders. Our messages use one piece of syntax, a
 * placeholder `{name}` (or `{0}`). Compiling just that here lets the build drop vue-i18n's general
 * message compiler (`__INTLIFY_DROP_MESSAGE_COMPILER__` in vite.config.ts), a sizeable part of the
 * first download.
 * Syntax this does not support (plural `|`, linked `@:`, literal `{'…'}`) is reported, never guessed.
 */
const PLACEHOLDER = /\{\s*(\w+)\s*\}/;
const UNSUPPORTED = /[{}|]|@[.:]/;

/** Compiled messages by locale, key and text: t() asks again on every render. */
const cache = new Map<string, MessageFunction<string>>();

export class UnsupportedMessageSyntax extends Error {
  constructor(key: string, message: string) {
    super(`Message "${key}" uses syntax the app does not support (only {placeholder}): ${message}`);
    this.name = 'UnsupportedMessageSyntax';
  }
}

/** How a value shows inside a sentence: nothing for null/undefined, JSON for objects. */
function display(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function build(message: string, key: string): MessageFunction<string> {
  // split() with a capturing group alternates text and placeholder names: text, name, text, …
  const parts = message.split(new RegExp(PLACEHOLDER.source, 'g'));
  const texts = parts.filter((_, i) => i % 2 === 0);
  if (texts.some((text) => UNSUPPORTED.test(text))) throw new UnsupportedMessageSyntax(key, message);
  if (parts.length === 1) return () => message;
  return (ctx: MessageContext<string>) =>
    parts.map((part, i) => (i % 2 === 0 ? part : display(/^\d+$/.test(part) ? ctx.list(Number(part)) : ctx.named(part)))).join('');
}

export const compileMessage: MessageCompiler<string, string | object> = (message, { key, locale, onError }) => {
  if (typeof message !== 'string') {
    onError?.(Object.assign(new Error(`Message "${key}" is not a string`), { code: 0, domain: 'compile' }) as never);
    return () => key;
  }
  const cacheKey = `${locale}\0${key}\0${message}`;
  let compiled = cache.get(cacheKey);
  if (!compiled) {
    compiled = build(message, key);
    cache.set(cacheKey, compiled);
  }
  return compiled;
};
