import { z } from 'zod';
import type { LocalizedText } from '../model.js';

/**
 * Cloze ("multiple blanks", Moodle's embedded answers, QTI inline choice / text entry): the stem
 * holds numbered markers `{{1}}`, `{{2}}` … where the blanks go, in every language it has.
 */
export const CLOZE_MAX_BLANKS = 30;
export const CLOZE_KINDS = ['text', 'choice', 'numeric'] as const;
export type ClozeKind = (typeof CLOZE_KINDS)[number];

/** `{{n}}` in a stem; n is the blank's id. */
export const CLOZE_MARKER = /\{\{([1-9][0-9]?)\}\}/g;

export const blankIdSchema = z.string().regex(/^[1-9][0-9]?$/, { message: 'Blank id: a number from 1 to 99' });

export function clozeShape<T extends z.ZodType<LocalizedText>, I extends z.ZodType<string>>(text: T, id: I) {
  const textBlank = z
    .object({
      id: blankIdSchema,
      kind: z.literal('text'),
      accepted: z.array(z.string().trim().min(1).max(500)).min(1, { message: 'At least one accepted answer' }).max(50),
      caseSensitive: z.boolean().default(false),
    })
    .strict();
  const choiceBlank = z
    .object({
      id: blankIdSchema,
      kind: z.literal('choice'),
      options: z.array(z.object({ id, text }).strict()).min(2, { message: 'At least 2 options' }).max(20),
      correctOptionId: id,
    })
    .strict();
  const numericBlank = z
    .object({
      id: blankIdSchema,
      kind: z.literal('numeric'),
      /** Right when |response − value| ≤ tolerance (inclusive). */
      value: z.number().finite(),
      tolerance: z.number().finite().min(0).default(0),
    })
    .strict();
  return {
    type: z.literal('cloze'),
    blanks: z
      .array(z.discriminatedUnion('kind', [textBlank, choiceBlank, numericBlank]))
      .min(1, { message: 'At least one blank' })
      .max(CLOZE_MAX_BLANKS, { message: `At most ${CLOZE_MAX_BLANKS} blanks` }),
  };
}

export type ClozeBlank =
  | { id: string; kind: 'text'; accepted: string[]; caseSensitive: boolean }
  | { id: string; kind: 'choice'; options: { id: string; text: LocalizedText }[]; correctOptionId: string }
  | { id: string; kind: 'numeric'; value: number; tolerance: number };

type AddIssue = (path: (string | number)[], message: string) => void;

/** The blank ids in a text, in order of appearance. */
export function clozeMarkers(text: string): string[] {
  return [...text.matchAll(CLOZE_MARKER)].map((m) => m[1] as string);
}

/**
 * Blank ids unique; in every language of the stem each blank's marker appears exactly once and no
 * marker is left without a blank; choice blanks have unique option ids and a known correct option.
 */
export function checkCloze(q: { stem: LocalizedText; blanks: ClozeBlank[] }, addIssue: AddIssue): void {
  const ids = new Set<string>();
  q.blanks.forEach((b, i) => {
    if (ids.has(b.id)) addIssue(['blanks', i, 'id'], `Duplicate blank id "${b.id}"`);
    ids.add(b.id);
    if (b.kind !== 'choice') return;
    const options = new Set<string>();
    b.options.forEach((o, n) => {
      if (options.has(o.id)) addIssue(['blanks', i, 'options', n, 'id'], `Duplicate option id "${o.id}"`);
      options.add(o.id);
    });
    if (!options.has(b.correctOptionId)) addIssue(['blanks', i, 'correctOptionId'], `Unknown option id "${b.correctOptionId}"`);
  });
  for (const lang of ['ja', 'en'] as const) {
    const text = q.stem[lang];
    if (text === undefined) continue;
    const markers = clozeMarkers(text);
    const counts = new Map<string, number>();
    for (const m of markers) counts.set(m, (counts.get(m) ?? 0) + 1);
    for (const id of ids) {
      const n = counts.get(id) ?? 0;
      if (n === 0) addIssue(['stem', lang], `The ${lang} stem has no {{${id}}} marker for blank ${id}`);
      if (n > 1) addIssue(['stem', lang], `The ${lang} stem has the {{${id}}} marker ${n} times`);
    }
    for (const id of counts.keys()) {
      if (!ids.has(id)) addIssue(['stem', lang], `The ${lang} stem has a {{${id}}} marker but no blank ${id}`);
    }
  }
}

/** Splits a stem into text and blank markers, for players and exporters. */
export function splitCloze(text: string): ({ text: string } | { blank: string })[] {
  const parts: ({ text: string } | { blank: string })[] = [];
  let at = 0;
  for (const m of text.matchAll(CLOZE_MARKER)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) });
    parts.push({ blank: m[1] as string });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** Whether one blank's answer is right: text blanks as short_text compares them, numeric ones as numeric does. */
export function clozeBlankRight(
  blank: ClozeBlank,
  given: string | undefined,
  compare: { normalizeText: (value: string, caseSensitive: boolean) => string; parseNumber: (raw: string) => number | null },
): boolean {
  if (given === undefined || given.trim() === '') return false;
  switch (blank.kind) {
    case 'choice':
      return given === blank.correctOptionId;
    case 'text': {
      const norm = compare.normalizeText(given, blank.caseSensitive);
      return blank.accepted.some((a) => compare.normalizeText(a, blank.caseSensitive) === norm);
    }
    case 'numeric': {
      const value = compare.parseNumber(given);
      if (value === null) return false;
      const slack = 1e-9 * Math.max(1, Math.abs(blank.value));
      return Math.abs(value - blank.value) <= blank.tolerance + slack;
    }
  }
}

/** Response entries that do not fit the question: unknown blanks, or option ids a choice blank does not have. */
export function clozeResponseIssues(blanks: ClozeBlank[], response: Record<string, string>): string[] {
  const byId = new Map(blanks.map((b) => [b.id, b]));
  const issues: string[] = [];
  for (const [id, value] of Object.entries(response)) {
    const blank = byId.get(id);
    if (!blank) issues.push(`Unknown blank "${id}"`);
    else if (blank.kind === 'choice' && value !== '' && !blank.options.some((o) => o.id === value))
      issues.push(`Unknown option id "${value}" for blank ${id}`);
  }
  return issues;
}
