import { msg, type MessageRef } from '../messages/render.js';
import type { Locale } from '@manabi/core';
import { tidy } from '../import/html.js';
import { pickText, type LocalizedText } from '../model.js';

/**
 * Text helpers shared by the XML exporters (Moodle XML, QTI). Both formats carry one language
 * per file and hold text as HTML, so whitespace is normalised on re-import as in every HTML
 * import (runs of spaces → one, lines trimmed, at most one empty line in a row).
 */

/** Characters XML 1.0 can carry: tab, line feed, carriage return, U+0020…U+D7FF, U+E000…U+FFFD, U+10000…. */
const isXmlChar = (c: number): boolean =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;

/** Collects, per question, what the file cannot carry (the message of a 'dropped' warning). */
export class TextWriter {
  readonly lost: MessageRef[] = [];

  constructor(readonly locale: Locale) {}

  lose(what: MessageRef): void {
    if (!this.lost.some((l) => JSON.stringify(l) === JSON.stringify(what))) this.lost.push(what);
  }

  /** The text in the export language, else the other one; a text in both languages loses the other one. */
  pick(value: LocalizedText): string {
    const other: Locale = this.locale === 'ja' ? 'en' : 'ja';
    if (value[this.locale] !== undefined && value[other] !== undefined)
      this.lose(msg('lost.other_language', { language: msg(`lang.${other}`) }));
    return this.clean(pickText(value, this.locale));
  }

  /** Removes the characters XML cannot carry (control characters: a parser would reject the whole file). */
  clean(value: string): string {
    const kept = [...value].filter((c) => isXmlChar(c.codePointAt(0) ?? 0)).join('');
    if (kept !== value) this.lose(msg('lost.control_characters'));
    return kept;
  }
}

export const escapeHtml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text as HTML paragraphs: a blank line starts a new <p>, a line break is a <br>. */
export function textToHtml(text: string): string {
  return paragraphs(text)
    .map((p) => `<p>${p.map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

/** The text's paragraphs (split at blank lines), each as its lines. */
export function paragraphs(text: string): string[][] {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  if (normalized === '') return [];
  return normalized.split(/\n[ \t]*(?:\n[ \t]*)+/).map((p) => p.split('\n'));
}

/** A name for a question without a title: the first line of the stem, at most 80 characters (as Moodle does). */
export function excerpt(stem: string, fallback: string): string {
  const line = tidy(stem).split('\n')[0] ?? '';
  const chars = [...line];
  if (chars.length === 0) return fallback;
  return chars.length <= 80 ? line : `${chars.slice(0, 79).join('').trimEnd()}…`;
}
