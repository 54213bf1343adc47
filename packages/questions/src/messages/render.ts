import type { Locale } from '@manabi/core';
import { QUESTION_MESSAGES } from './catalog.js';
import type { QuestionType } from '../model.js';

/** A message of the import / export catalog (messages/catalog.ts), in both languages. */
export type QuestionMessageKey = keyof typeof QUESTION_MESSAGES;

type IdentChar =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z'
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G'
  | 'H'
  | 'I'
  | 'J'
  | 'K'
  | 'L'
  | 'M'
  | 'N'
  | 'O'
  | 'P'
  | 'Q'
  | 'R'
  | 'S'
  | 'T'
  | 'U'
  | 'V'
  | 'W'
  | 'X'
  | 'Y'
  | 'Z';
type IsName<S extends string> = S extends '' ? true : S extends `${infer C}${infer R}` ? (C extends IdentChar ? IsName<R> : false) : false;

/**
 * The `{name}` placeholders of a template, read by the type checker, so that a call naming a
 * message must pass exactly its values. A brace around anything but a name ("「{」") is text.
 */
export type TemplateParams<T extends string> = T extends `${string}{${infer After}`
  ? After extends `${infer Name}}${infer Rest}`
    ? IsName<Name> extends true
      ? (Name extends '' ? never : Name) | TemplateParams<Rest>
      : TemplateParams<After>
    : never
  : never;

export type ParamsOf<K extends QuestionMessageKey> = TemplateParams<(typeof QUESTION_MESSAGES)[K]['en']>;

/** A zod issue of the question schema, worded at the edge (functions/api validation-messages.ts). */
export interface SchemaIssue {
  /** zod's issue as reported (code, message, path and the rule's limits, which its wording reads). */
  zod: { code: string; message: string; path: (string | number)[]; [detail: string]: unknown };
}

/** A value in a message: text as it is, a number, another message (a gap's name, a list of lost parts), or a schema issue. */
export type ParamValue = string | number | MessageRef | MessageRef[] | SchemaIssue;

export interface MessageRef {
  key: QuestionMessageKey;
  params: Record<string, ParamValue>;
}

/** A message and its values; the type checker holds the values to the template's placeholders. */
export function msg<K extends QuestionMessageKey>(
  key: K,
  ...params: [ParamsOf<K>] extends [never] ? [] : [Record<ParamsOf<K>, ParamValue>]
): MessageRef {
  return { key, params: (params[0] ?? {}) as Record<string, ParamValue> };
}

export interface RenderOptions {
  /** Words a schema issue in `locale`; the default is zod's (English) message. */
  schemaIssue?: (issue: SchemaIssue['zod'], locale: Locale) => string;
}

const LIST_SEPARATOR: Record<Locale, string> = { ja: '、', en: ', ' };

const isRef = (v: unknown): v is MessageRef => typeof v === 'object' && v !== null && 'key' in v && 'params' in v;

/** The message in `locale`, its placeholders filled (nested messages in the same language). */
export function renderMessage(ref: MessageRef, locale: Locale, options: RenderOptions = {}): string {
  const template: string = QUESTION_MESSAGES[ref.key][locale];
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => {
    const value = ref.params[name];
    if (value === undefined) return whole;
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return value.map((v) => renderMessage(v, locale, options)).join(LIST_SEPARATOR[locale]);
    if (isRef(value)) return renderMessage(value, locale, options);
    return options.schemaIssue ? options.schemaIssue(value.zod, locale) : value.zod.message;
  });
}

/** The placeholder names a template uses (each once), for the catalog's own test. */
export const placeholdersOf = (template: string): string[] =>
  [...new Set([...template.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1] ?? ''))].sort();

const TYPE_NAMES: Record<QuestionType, QuestionMessageKey> = {
  single_choice: 'type.single_choice',
  multiple_response: 'type.multiple_response',
  true_false: 'type.true_false',
  ordering: 'type.ordering',
  numeric: 'type.numeric',
  short_text: 'type.short_text',
  matching: 'type.matching',
  cloze: 'type.cloze',
  essay: 'type.essay',
  description: 'type.description',
};

/** A question type's name, as a value in a message. */
export const typeName = (type: QuestionType): MessageRef => ({ key: TYPE_NAMES[type], params: {} });
