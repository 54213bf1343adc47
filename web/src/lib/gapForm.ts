import { CLOZE_MARKER, type ClozeBlankContent, type MatchingContent, type MatchingRow, type ServedGaps } from '../api/gap-types';
import type { Question } from '../api/types';
import { compactText, toBilingual, type BilingualText } from './localized';

/** Editor state of matching and cloze questions (the rest of the form is lib/questionForm.ts). */

/** A prompt, choice or choice-blank option row. `key` is a stable v-for key; `id` is sent to the API. */
export interface RowDraft {
  key: string;
  id: string;
  text: BilingualText;
}

export interface PromptDraft extends RowDraft {
  /** The id of the choice that matches it ('' while none is picked). */
  choiceId: string;
}

export interface MatchingDraft {
  prompts: PromptDraft[];
  choices: RowDraft[];
}

export type BlankKind = ClozeBlankContent['kind'];

export interface BlankDraft {
  kind: BlankKind;
  accepted: string[];
  caseSensitive: boolean;
  options: RowDraft[];
  correctOptionId: string;
  value: string;
  tolerance: string;
}

export interface ClozeDraft {
  /** By blank id. The blanks shown and sent follow the stem's `{{n}}` markers; a draft whose marker was deleted is kept in case it comes back. */
  blanks: Record<string, BlankDraft>;
}

export const MAX_PROMPTS = 20;
export const MAX_CHOICES = 30;

let counter = 0;
const newKey = () => `gap-${++counter}`;

/** p1, p2 … or a, b, c … — the first one not in use. */
function nextId(used: readonly string[], prefix: 'p' | ''): string {
  const taken = new Set(used);
  for (let n = 0; ; n++) {
    const id = prefix ? `${prefix}${n + 1}` : n < 26 ? String.fromCharCode(97 + n) : `o${n + 1}`;
    if (!taken.has(id)) return id;
  }
}

export const newPrompt = (used: readonly string[]): PromptDraft => ({
  key: newKey(),
  id: nextId(used, 'p'),
  text: toBilingual(null),
  choiceId: '',
});
export const newRow = (used: readonly string[]): RowDraft => ({ key: newKey(), id: nextId(used, ''), text: toBilingual(null) });

export function emptyMatching(): MatchingDraft {
  const prompts: PromptDraft[] = [];
  const choices: RowDraft[] = [];
  for (let i = 0; i < 3; i++) {
    prompts.push(newPrompt(prompts.map((p) => p.id)));
    choices.push(newRow(choices.map((c) => c.id)));
  }
  return { prompts, choices };
}

export function newBlank(): BlankDraft {
  const options: RowDraft[] = [];
  options.push(newRow([]), newRow(['a']));
  return { kind: 'text', accepted: [''], caseSensitive: false, options, correctOptionId: '', value: '', tolerance: '0' };
}

/** The blank ids the stem's markers name, in either language, in number order. */
export function markerIds(stem: BilingualText): string[] {
  const ids = new Set<string>();
  for (const text of [stem.ja, stem.en]) for (const m of text.matchAll(CLOZE_MARKER)) ids.add(m[1] as string);
  return [...ids].sort((a, b) => Number(a) - Number(b));
}

/** The next free blank number for an "insert blank" button. */
export function nextBlankId(stem: BilingualText, draft: ClozeDraft): string {
  const used = [...markerIds(stem), ...Object.keys(draft.blanks)].map(Number);
  return String(Math.max(0, ...used.filter((n) => markerIds(stem).includes(String(n)))) + 1);
}

/** The drafts of the blanks the stem names (a fresh default for a marker the editor has not seen yet; nothing is stored). */
export function syncBlanks(stem: BilingualText, draft: ClozeDraft): { id: string; blank: BlankDraft }[] {
  return markerIds(stem).map((id) => ({ id, blank: draft.blanks[id] ?? newBlank() }));
}

const rowDraft = (r: MatchingRow): RowDraft => ({ key: newKey(), id: r.id, text: toBilingual(r.text) });
const row = (r: RowDraft): MatchingRow => ({ id: r.id, text: compactText(r.text) ?? {} });

export function matchingFromContent(q: Extract<Question, { type: 'matching' }>): MatchingDraft {
  return {
    prompts: q.prompts.map((p) => ({ ...rowDraft(p), choiceId: q.key[p.id] ?? '' })),
    choices: q.choices.map(rowDraft),
  };
}

export function clozeFromContent(q: Extract<Question, { type: 'cloze' }>): ClozeDraft {
  const blanks: Record<string, BlankDraft> = {};
  for (const b of q.blanks) {
    const draft = newBlank();
    draft.kind = b.kind;
    if (b.kind === 'text') {
      draft.accepted = b.accepted.length > 0 ? [...b.accepted] : [''];
      draft.caseSensitive = b.caseSensitive ?? false;
    } else if (b.kind === 'choice') {
      draft.options = b.options.map(rowDraft);
      draft.correctOptionId = b.correctOptionId;
    } else {
      draft.value = String(b.value);
      draft.tolerance = String(b.tolerance ?? 0);
    }
    blanks[b.id] = draft;
  }
  return { blanks };
}

export function matchingToContent(draft: MatchingDraft): Omit<MatchingContent, 'type'> {
  return {
    prompts: draft.prompts.map(row),
    choices: draft.choices.map(row),
    key: Object.fromEntries(draft.prompts.filter((p) => p.choiceId !== '').map((p) => [p.id, p.choiceId])),
  };
}

/** `parse` reads numbers as the editor does (full-width digits, minus signs). */
export function clozeToContent(stem: BilingualText, draft: ClozeDraft, parse: (value: string) => number | null): ClozeBlankContent[] {
  return syncBlanks(stem, draft).map(({ id, blank }): ClozeBlankContent => {
    switch (blank.kind) {
      case 'text':
        return {
          id,
          kind: 'text',
          accepted: [...new Set(blank.accepted.map((a) => a.trim()).filter((a) => a !== ''))],
          caseSensitive: blank.caseSensitive,
        };
      case 'choice':
        return { id, kind: 'choice', options: blank.options.map(row), correctOptionId: blank.correctOptionId };
      case 'numeric':
        return { id, kind: 'numeric', value: parse(blank.value) ?? Number.NaN, tolerance: parse(blank.tolerance) ?? 0 };
    }
  });
}

/** Checks the API also makes, worded for the editor: path → message key. */
export function checkGaps(type: string, stem: BilingualText, matching: MatchingDraft, cloze: ClozeDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (type === 'matching') {
    matching.prompts.forEach((p) => {
      if (p.choiceId === '') problems[`key.${p.id}`] = 'gapTypes.pickChoice';
    });
  }
  if (type === 'cloze') {
    if (markerIds(stem).length === 0) problems['blanks'] = 'gapTypes.noMarkers';
    syncBlanks(stem, cloze).forEach(({ blank }, index) => {
      if (blank.kind === 'choice' && blank.correctOptionId === '')
        problems[`blanks.${index}.correctOptionId`] = 'gapTypes.pickCorrectOption';
    });
  }
  return problems;
}

/** The preview's served parts: texts only, no key. */
export function servedGaps(type: string, stem: BilingualText, matching: MatchingDraft, cloze: ClozeDraft): ServedGaps {
  if (type === 'matching') return { prompts: matching.prompts.map(row), choices: matching.choices.map(row) };
  if (type === 'cloze') {
    return {
      blanks: syncBlanks(stem, cloze).map(({ id, blank }) =>
        blank.kind === 'choice' ? { id, kind: 'choice' as const, options: blank.options.map(row) } : { id, kind: blank.kind },
      ),
    };
  }
  return {};
}
