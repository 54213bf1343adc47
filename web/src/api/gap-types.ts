import type { LocalizedText } from './types';

/* Matching and cloze question shapes. Mirror packages/questions/src/types/{matching,cloze}.ts. */

export interface MatchingRow {
  id: string;
  text: LocalizedText;
}

export interface MatchingContent {
  type: 'matching';
  prompts: MatchingRow[];
  choices: MatchingRow[];
  /** promptId → choiceId */
  key: Record<string, string>;
}

export type ClozeBlankContent =
  | { id: string; kind: 'text'; accepted: string[]; caseSensitive?: boolean }
  | { id: string; kind: 'choice'; options: MatchingRow[]; correctOptionId: string }
  | { id: string; kind: 'numeric'; value: number; tolerance?: number };

export interface ClozeContent {
  type: 'cloze';
  /** The stem holds a `{{id}}` marker per blank. */
  blanks: ClozeBlankContent[];
}

/** A blank as a learner is served it: choice blanks with their options, never the key. */
export type ServedBlank = { id: string; kind: 'text' | 'numeric' } | { id: string; kind: 'choice'; options: MatchingRow[] };

/** What a served or reviewed item carries for these types (absent for the others). */
export interface ServedGaps {
  prompts?: MatchingRow[];
  choices?: MatchingRow[];
  blanks?: ServedBlank[];
}

export const CLOZE_MARKER = /\{\{([1-9][0-9]?)\}\}/g;
