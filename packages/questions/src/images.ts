import { FILE_CONTENT_TYPES, isId, sniffFileHead, type FileKind } from '@manabi/core';
import type { LocalizedText, Question } from './model.js';

/**
 * Images in question text (stem, options, explanation, feedback).
 *
 * Question text stays PLAIN TEXT. An image is a token inside it, the same shape lessons use:
 * `![alt text](file:<image id>)`, where the id is a stored file of the question's owner (16
 * lower-case base32 characters). The player splits the text into text runs and image tokens
 * (`textParts`) and renders text as text and each token as an `<img>` whose URL the API signs:
 * nothing in the text is ever interpreted as HTML, so no markup or script can ride along.
 *
 * While an import is being read, images are not stored yet: their tokens name a number in the
 * import (`![alt](import:3)`), and the confirm step swaps each for the stored id
 * (`resolveImportTokens`). Stored ids are content-addressed (see the API's question-images
 * service), so an image imported twice is stored once.
 */

export const QUESTION_IMAGE_KINDS = ['png', 'jpeg', 'gif', 'webp'] as const satisfies readonly FileKind[];
export type QuestionImageKind = (typeof QUESTION_IMAGE_KINDS)[number];

/** Largest image a question may hold (a page shows several; the import file itself is at most 5 MB). */
export const QUESTION_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const QUESTION_IMAGE_MAX_LABEL = '2 MB';
export const QUESTION_IMAGE_TYPES_LABEL = 'PNG, JPEG, GIF, WebP';
export const MAX_ALT = 200;

/** Stored: `![alt](file:0123456789abcdef)`; during an import: `![alt](import:12)`. */
const TOKEN = /!\[([^\]\n]*)\]\((file|import):([0-9a-z]{1,16})\)/g;

export type TextPart = { kind: 'text'; text: string } | { kind: 'image'; id: string; alt: string };

/** Alt text fit for a token: one line, no brackets, at most MAX_ALT characters. */
export function cleanAlt(alt: string): string {
  return [
    ...alt
      .replace(/[[\]\r\n\t]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ]
    .slice(0, MAX_ALT)
    .join('');
}

export const imageToken = (id: string, alt: string): string => `![${cleanAlt(alt)}](file:${id})`;
export const importToken = (n: number, alt: string): string => `![${cleanAlt(alt)}](import:${n})`;

/** The text as text runs and stored-image tokens, in order (import tokens stay text: they are never stored). */
export function textParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m[2] !== 'file' || !isId(m[3]!)) continue;
    if (m.index > at) parts.push({ kind: 'text', text: text.slice(at, m.index) });
    parts.push({ kind: 'image', id: m[3]!, alt: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** Rewrites every token (stored or import) with `replace`; other text is left as it is. */
export function replaceImageTokens(text: string, replace: (ref: { source: 'file' | 'import'; id: string; alt: string }) => string): string {
  return text.replace(TOKEN, (_, alt: string, source: 'file' | 'import', id: string) => replace({ source, id, alt }));
}

/** The text with each image as "[image: alt]" (previews, formats that cannot carry images). */
export const imagesAsAlt = (text: string, label = 'image'): string =>
  replaceImageTokens(text, ({ alt }) => (alt ? `[${label}: ${alt}]` : `[${label}]`));

/** Whether the text holds an image token. */
export const hasImage = (text: string): boolean => replaceImageTokens(text, () => '\u0000').includes('\u0000');

/**
 * Every text of a question, rewritten by `map`: stem, options and their feedback, feedback,
 * explanation, matching prompts and choices, cloze choice-blank options, an essay's graders' notes.
 */
export function mapQuestionTexts<Q extends Question | Record<string, unknown>>(question: Q, map: (text: string) => string): Q {
  const localized = (value: unknown): unknown => {
    if (!value || typeof value !== 'object') return value;
    const t = value as LocalizedText;
    return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'string' ? map(v) : v]));
  };
  const q = { ...(question as Record<string, unknown>) };
  for (const field of ['stem', 'explanation'] as const) if (q[field]) q[field] = localized(q[field]);
  if (q['feedback'] && typeof q['feedback'] === 'object') {
    const f = q['feedback'] as Record<string, unknown>;
    q['feedback'] = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, localized(v)]));
  }
  const rows = (list: unknown): unknown =>
    Array.isArray(list)
      ? (list as Record<string, unknown>[]).map((o) => ({
          ...o,
          text: localized(o['text']),
          ...(o['feedback'] ? { feedback: localized(o['feedback']) } : {}),
        }))
      : list;
  // Choice options; matching prompts and choices; a cloze choice blank's options.
  for (const field of ['options', 'prompts', 'choices'] as const) if (Array.isArray(q[field])) q[field] = rows(q[field]);
  if (Array.isArray(q['blanks'])) {
    q['blanks'] = (q['blanks'] as Record<string, unknown>[]).map((b) =>
      Array.isArray(b['options']) ? { ...b, options: rows(b['options']) } : b,
    );
  }
  // An essay's notes for graders (imported with the question; never part of a learner's view, see `learnerTexts`).
  if (q['graderNotes']) q['graderNotes'] = localized(q['graderNotes']);
  return q as Q;
}

/** A question's texts a learner may see once review opens: all but the graders' notes. */
export function learnerTexts(question: Question): Record<string, unknown> {
  const { graderNotes: _notes, ...shown } = question as Question & { graderNotes?: unknown };
  return shown;
}

/** The stored image ids a question's texts refer to (each once, in order of appearance). */
export function questionImageIds(question: Question | Record<string, unknown>): string[] {
  const ids: string[] = [];
  mapQuestionTexts(question, (text) => {
    for (const part of textParts(text)) if (part.kind === 'image' && !ids.includes(part.id)) ids.push(part.id);
    return text;
  });
  return ids;
}

/** Swaps import tokens for stored ids (`ids`: import number → stored id). */
export function resolveImportTokens<Q extends Question | Record<string, unknown>>(question: Q, ids: ReadonlyMap<number, string>): Q {
  return mapQuestionTexts(question, (text) =>
    replaceImageTokens(text, ({ source, id, alt }) => {
      const stored = source === 'import' ? ids.get(Number(id)) : id;
      return stored ? imageToken(stored, alt) : alt ? `[image: ${alt}]` : '';
    }),
  );
}

export type ImageCheck =
  | { ok: true; kind: QuestionImageKind; contentType: string }
  | { ok: false; reason: 'too_large' | 'type_not_allowed' | 'svg'; message: string };

/** Whether bytes may be a question image: PNG, JPEG, GIF or WebP by content (never by name), at most 2 MB. */
export function checkQuestionImage(bytes: Uint8Array, name = 'The image'): ImageCheck {
  const kind = sniffFileHead(bytes.subarray(0, 64));
  if (
    kind === null &&
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, 2048)))
  ) {
    return {
      ok: false,
      reason: 'svg',
      message: `${name} is an SVG: SVG images are not accepted (they can carry scripts); use ${QUESTION_IMAGE_TYPES_LABEL}`,
    };
  }
  if (!kind || !(QUESTION_IMAGE_KINDS as readonly string[]).includes(kind)) {
    return { ok: false, reason: 'type_not_allowed', message: `${name} is not a ${QUESTION_IMAGE_TYPES_LABEL} image` };
  }
  if (bytes.length > QUESTION_IMAGE_MAX_BYTES) {
    return {
      ok: false,
      reason: 'too_large',
      message: `${name} is ${megabytes(bytes.length)} MB; an image may be at most ${QUESTION_IMAGE_MAX_LABEL}`,
    };
  }
  return { ok: true, kind: kind as QuestionImageKind, contentType: FILE_CONTENT_TYPES[kind as QuestionImageKind] };
}

const megabytes = (n: number): string => String(Math.ceil((n / 1024 / 1024) * 10) / 10);

export const extensionOfKind = (kind: QuestionImageKind): string => (kind === 'jpeg' ? 'jpg' : kind);
