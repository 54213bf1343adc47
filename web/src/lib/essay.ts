import type { LocalizedText, RubricCriterion } from '../api/types';
import { compactText, toBilingual, type BilingualText } from './localized';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Words as the server counts them for the limits (packages/questions countWords): each kana,
 * kanji or hangul character is one word (Japanese has no spaces), other text counts runs between
 * spaces and punctuation.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (const ch of text) {
    if (CJK.test(ch)) {
      words++;
      inWord = false;
    } else if (/[\s\p{P}]/u.test(ch) && !/['’-]/u.test(ch)) {
      inWord = false;
    } else if (!inWord) {
      words++;
      inWord = true;
    }
  }
  return words;
}

/** Characters as a person counts them (a surrogate pair is one). */
export const countChars = (text: string): number => [...text].length;

export type LimitState = 'ok' | 'short' | 'long';

export function limitState(words: number, minWords: number | null, maxWords: number | null): LimitState {
  if (maxWords !== null && words > maxWords) return 'long';
  if (minWords !== null && words > 0 && words < minWords) return 'short';
  return 'ok';
}

/* ---------- The editor's rubric rows ---------- */

export interface RubricDraft {
  /** Stable v-for key. */
  key: string;
  id: string;
  criterion: BilingualText;
  maxPoints: number;
}

export const MAX_CRITERIA = 10;
export const MAX_POINTS = 10;

let counter = 0;

/** c1, c2 … : the first id not in use. */
export function newCriterion(used: readonly string[]): RubricDraft {
  const taken = new Set(used);
  let n = 1;
  while (taken.has(`c${n}`)) n++;
  return { key: `crit-${++counter}`, id: `c${n}`, criterion: toBilingual(null), maxPoints: 5 };
}

export const rubricDrafts = (rubric: readonly RubricCriterion[]): RubricDraft[] =>
  rubric.map((c) => ({ key: `crit-${++counter}`, id: c.id, criterion: toBilingual(c.criterion), maxPoints: c.maxPoints }));

/** The rubric to send: every row (an empty criterion is the server's to refuse, next to its field). */
export const rubricContent = (rows: readonly RubricDraft[]): RubricCriterion[] =>
  rows.map((r) => ({ id: r.id, criterion: compactText(r.criterion) ?? ({} as LocalizedText), maxPoints: r.maxPoints }));

export const rubricMax = (rubric: readonly { maxPoints: number }[]): number => rubric.reduce((n, c) => n + c.maxPoints, 0);
