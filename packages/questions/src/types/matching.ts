import { z } from 'zod';
import type { LocalizedText } from '../model.js';

/** Matching: each prompt is paired with one choice; choices may outnumber prompts (distractors) or serve several prompts. */
export const MATCHING_MIN_PROMPTS = 2;
export const MATCHING_MAX_PROMPTS = 20;
export const MATCHING_MAX_CHOICES = 30;

/**
 * The matching fields, built from model.ts's text and id schemas (passed in so this file does not
 * import model.ts's values: model.ts imports this one).
 */
export function matchingShape<T extends z.ZodType<LocalizedText>, I extends z.ZodType<string>>(text: T, id: I) {
  const row = z.object({ id, text }).strict();
  return {
    type: z.literal('matching'),
    prompts: z
      .array(row)
      .min(MATCHING_MIN_PROMPTS, { message: `At least ${MATCHING_MIN_PROMPTS} prompts` })
      .max(MATCHING_MAX_PROMPTS, { message: `At most ${MATCHING_MAX_PROMPTS} prompts` }),
    choices: z
      .array(row)
      .min(2, { message: 'At least 2 choices' })
      .max(MATCHING_MAX_CHOICES, { message: `At most ${MATCHING_MAX_CHOICES} choices` }),
    /** promptId → choiceId, one entry per prompt. */
    key: z.record(id, id),
  };
}

export interface MatchingContent {
  prompts: { id: string }[];
  choices: { id: string }[];
  key: Record<string, string>;
}

type AddIssue = (path: (string | number)[], message: string) => void;

/** Ids unique within prompts and within choices; every prompt keyed to a known choice; no key for an unknown prompt. */
export function checkMatching(q: MatchingContent, addIssue: AddIssue): void {
  const promptIds = uniqueIds(q.prompts, 'prompts', 'prompt', addIssue);
  const choiceIds = uniqueIds(q.choices, 'choices', 'choice', addIssue);
  q.prompts.forEach((p, i) => {
    const choice = q.key[p.id];
    if (choice === undefined) addIssue(['key', p.id], `Prompt ${i + 1} has no matching choice`);
    else if (!choiceIds.has(choice)) addIssue(['key', p.id], `Unknown choice id "${choice}"`);
  });
  for (const promptId of Object.keys(q.key)) {
    if (!promptIds.has(promptId)) addIssue(['key', promptId], `Unknown prompt id "${promptId}"`);
  }
}

function uniqueIds(rows: { id: string }[], path: string, what: string, addIssue: AddIssue): Set<string> {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (seen.has(row.id)) addIssue([path, i, 'id'], `Duplicate ${what} id "${row.id}"`);
    seen.add(row.id);
  });
  return seen;
}

/** Moodle's rule: the share of prompts matched to their key; an unanswered prompt counts as wrong. */
export function scoreMatching(q: MatchingContent, pairs: Record<string, string>): { right: number; total: number; unknown: string[] } {
  const promptIds = new Set(q.prompts.map((p) => p.id));
  const choiceIds = new Set(q.choices.map((c) => c.id));
  const unknown = [
    ...Object.keys(pairs).filter((p) => !promptIds.has(p)),
    ...Object.values(pairs).filter((c) => c !== '' && !choiceIds.has(c)),
  ];
  const right = q.prompts.filter((p) => pairs[p.id] !== undefined && pairs[p.id] === q.key[p.id]).length;
  return { right, total: q.prompts.length, unknown };
}
