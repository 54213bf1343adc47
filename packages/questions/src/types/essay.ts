import { z } from 'zod';
import type { LocalizedText } from '../model.js';

/** Longest essay a learner may send (characters, as typed). */
export const MAX_ESSAY_CHARS = 20_000;
export const MAX_RUBRIC_CRITERIA = 10;
export const MAX_CRITERION_POINTS = 10;
/** Longest comment a grader may leave for the learner. */
export const MAX_GRADER_COMMENT = 5_000;

export interface RubricCriterion {
  id: string;
  criterion: LocalizedText;
  maxPoints: number;
}

const wordLimit = z.number().int().min(1).max(10_000);

/**
 * The fields an essay has besides the common ones. model.ts passes its own text and id schemas in
 * (this module must not read model.ts's values while model.ts is still loading it).
 */
export function essayFields<T extends z.ZodType<LocalizedText>, I extends z.ZodType<string>>(localizedText: T, id: I) {
  const criterion = z
    .object({
      id,
      criterion: localizedText,
      maxPoints: z.number().int().min(1).max(MAX_CRITERION_POINTS),
    })
    .strict();
  return {
    type: z.literal('essay'),
    rubric: z
      .array(criterion)
      .min(1, { message: 'At least one rubric criterion' })
      .max(MAX_RUBRIC_CRITERIA, { message: 'At most 10 rubric criteria' }),
    minWords: wordLimit.optional(),
    maxWords: wordLimit.optional(),
    /** Sample answer or guidance for graders. Never part of a learner's view. */
    graderNotes: localizedText.optional(),
  };
}

/** The fields of an information block: nothing to answer, so nothing beyond the common fields. */
export function descriptionFields() {
  return { type: z.literal('description') };
}

/** The learner's answer to an essay. */
export const essayResponseSchema = z.object({ type: z.literal('essay'), text: z.string().max(MAX_ESSAY_CHARS) }).strict();
/** A description is acknowledged, not answered: the player sends this to move on. */
export const descriptionResponseSchema = z.object({ type: z.literal('description') }).strict();

/** Cross-field rules of an essay (zod superRefine of the question union calls this). */
export function essayIssues(q: {
  rubric: RubricCriterion[];
  minWords?: number;
  maxWords?: number;
}): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  q.rubric.forEach((c, i) => {
    if (seen.has(c.id)) issues.push({ path: ['rubric', i, 'id'], message: `Duplicate criterion id "${c.id}"` });
    seen.add(c.id);
  });
  if (q.minWords !== undefined && q.maxWords !== undefined && q.minWords > q.maxWords) {
    issues.push({ path: ['minWords'], message: 'The minimum word count exceeds the maximum' });
  }
  return issues;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * Words as the limits count them. Japanese has no spaces between words, so each kana, kanji or
 * hangul character counts as one word (a 400-字 limit reads as 400 words); other text counts
 * runs between spaces and CJK characters. The player shows the same count.
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

/** Why an essay's text does not fit its limits, or null. An empty essay is allowed (it earns what the grader gives). */
export function wordLimitIssue(q: { minWords?: number; maxWords?: number }, text: string): 'too_short' | 'too_long' | null {
  const words = countWords(text);
  if (q.maxWords !== undefined && words > q.maxWords) return 'too_long';
  if (q.minWords !== undefined && words > 0 && words < q.minWords) return 'too_short';
  return null;
}

export type RubricPoints = Record<string, number>;

export interface EssayGrade {
  points: RubricPoints;
  total: number;
  max: number;
  /** total / max, 0..1 */
  score: number;
  correct: boolean;
}

/** Points that do not fit the rubric. */
export class InvalidGradeError extends Error {
  readonly code = 'invalid_grade';
  constructor(readonly issues: { criterionId: string; message: string }[]) {
    super(`Invalid grade: ${issues.map((i) => `${i.criterionId}: ${i.message}`).join('; ')}`);
    this.name = 'InvalidGradeError';
  }
}

/**
 * A person's grade: whole points per criterion, each within 0..maxPoints, every criterion given
 * and nothing else. The score is the share of the rubric's points (Moodle's "mark out of").
 */
export function gradeEssay(rubric: readonly RubricCriterion[], points: Readonly<Record<string, unknown>>): EssayGrade {
  const issues: { criterionId: string; message: string }[] = [];
  const known = new Set(rubric.map((c) => c.id));
  for (const id of Object.keys(points)) if (!known.has(id)) issues.push({ criterionId: id, message: 'Unknown criterion' });
  const clean: RubricPoints = {};
  for (const c of rubric) {
    const p = points[c.id];
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > c.maxPoints) {
      issues.push({ criterionId: c.id, message: `Whole points from 0 to ${c.maxPoints}` });
    } else clean[c.id] = p;
  }
  if (issues.length > 0) throw new InvalidGradeError(issues);
  const total = rubric.reduce((n, c) => n + clean[c.id]!, 0);
  const max = rubric.reduce((n, c) => n + c.maxPoints, 0);
  const score = Math.round((total / max) * 10_000) / 10_000;
  return { points: clean, total, max, score, correct: total === max };
}

/** What a learner sees of an essay before answering: the limits and the criteria (graders' notes never). */
export interface LearnerEssay<T = string> {
  minWords?: number;
  maxWords?: number;
  rubric: { id: string; criterion: T; maxPoints: number }[];
}

/** The learner's essay view, each criterion written by `text` (one language, or both as stored). */
export function learnerEssay<T>(
  q: { rubric: RubricCriterion[]; minWords?: number; maxWords?: number; graderNotes?: LocalizedText },
  text: (t: LocalizedText) => T,
): LearnerEssay<T> {
  const view: LearnerEssay<T> = {
    rubric: q.rubric.map((c) => ({ id: c.id, criterion: text(c.criterion), maxPoints: c.maxPoints })),
  };
  if (q.minWords !== undefined) view.minWords = q.minWords;
  if (q.maxWords !== undefined) view.maxWords = q.maxWords;
  return view;
}
