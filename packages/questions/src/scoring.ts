import { z } from 'zod';
import { describeIssues, type Question } from './model.js';
import { clozeBlankRight, clozeResponseIssues } from './types/cloze.js';
import { descriptionResponseSchema, essayResponseSchema } from './types/essay.js';
import { scoreMatching } from './types/matching.js';

const optionId = z.string().min(1).max(64);

/** A learner's answer. `type` must match the question's type. */
export const responseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single_choice'), optionId }).strict(),
  z.object({ type: z.literal('multiple_response'), optionIds: z.array(optionId).max(50) }).strict(),
  z.object({ type: z.literal('true_false'), value: z.boolean() }).strict(),
  z.object({ type: z.literal('ordering'), order: z.array(optionId).max(50) }).strict(),
  // A string as typed (full-width digits allowed) or a number.
  z.object({ type: z.literal('numeric'), value: z.union([z.number().finite(), z.string().max(100)]) }).strict(),
  z.object({ type: z.literal('short_text'), text: z.string().max(1000) }).strict(),
  // promptId → choiceId; a prompt left out is unanswered.
  z.object({ type: z.literal('matching'), pairs: z.record(optionId, z.string().max(64)) }).strict(),
  // blankId → the text typed, or the chosen option id for a choice blank.
  z.object({ type: z.literal('cloze'), blanks: z.record(z.string().min(1).max(8), z.string().max(1000)) }).strict(),
  essayResponseSchema,
  descriptionResponseSchema,
]);
export type QuestionResponse = z.infer<typeof responseSchema>;

export interface ScoreResult {
  correct: boolean;
  /** 0..1 */
  score: number;
}

export interface ScoreOptions {
  /** multiple_response: overrides the question's `partialCredit`. */
  partialCredit?: boolean;
}

/** The response does not fit the question (wrong shape, other type, unknown option ids). */
export class InvalidResponseError extends Error {
  readonly code = 'invalid_response';
  constructor(readonly issues: string[]) {
    super(`Invalid response: ${issues.join('; ')}`);
    this.name = 'InvalidResponseError';
  }
}

/** The question is not scored on submission: a person grades essays, descriptions are never scored. */
export class NotAutoScoredError extends Error {
  readonly code = 'not_auto_scored';
  constructor(readonly type: string) {
    super(`A ${type} question is not scored automatically`);
    this.name = 'NotAutoScoredError';
  }
}

/**
 * Scores a response. Throws `InvalidResponseError` (never a TypeError) when the response has the
 * wrong shape or does not fit the question; see `safeScoreResponse` for a non-throwing variant.
 */
export function scoreResponse(question: Question, response: unknown, options: ScoreOptions = {}): ScoreResult {
  const parsed = responseSchema.safeParse(response);
  if (!parsed.success) throw new InvalidResponseError(describeIssues(parsed.error));
  const r = parsed.data;
  if (r.type !== question.type) throw new InvalidResponseError([`Expected a ${question.type} response, got ${r.type}`]);

  switch (question.type) {
    case 'single_choice': {
      const { optionId: picked } = r as Extract<QuestionResponse, { type: 'single_choice' }>;
      requireKnown(question.options, [picked]);
      return result(question.correctOptionIds[0] === picked);
    }
    case 'multiple_response': {
      const picked = (r as Extract<QuestionResponse, { type: 'multiple_response' }>).optionIds;
      requireKnown(question.options, picked);
      if (new Set(picked).size !== picked.length) throw new InvalidResponseError(['An option is selected twice']);
      const key = new Set(question.correctOptionIds);
      const right = picked.filter((id) => key.has(id)).length;
      const wrong = picked.length - right;
      const correct = wrong === 0 && right === key.size;
      if (correct) return { correct, score: 1 };
      if (!(options.partialCredit ?? question.partialCredit)) return { correct, score: 0 };
      return { correct, score: Math.max(0, (right - wrong) / key.size) };
    }
    case 'true_false':
      return result((r as Extract<QuestionResponse, { type: 'true_false' }>).value === question.answer);
    case 'ordering': {
      const order = (r as Extract<QuestionResponse, { type: 'ordering' }>).order;
      requireKnown(question.options, order);
      if (new Set(order).size !== order.length || order.length !== question.options.length) {
        throw new InvalidResponseError(['An ordering response must list every option exactly once']);
      }
      return result(order.every((id, i) => id === question.order[i]));
    }
    case 'numeric': {
      const raw = (r as Extract<QuestionResponse, { type: 'numeric' }>).value;
      const value = typeof raw === 'number' ? raw : parseNumber(raw);
      if (value === null) return result(false);
      const { value: expected, tolerance } = question.answer;
      // Inclusive, with room for binary floating point (0.1 + 0.2).
      const slack = 1e-9 * Math.max(1, Math.abs(expected));
      return result(Math.abs(value - expected) <= tolerance + slack);
    }
    case 'short_text': {
      const given = normalizeShortText((r as Extract<QuestionResponse, { type: 'short_text' }>).text, question.caseSensitive);
      if (given === '') return result(false);
      return result(question.accepted.some((a) => normalizeShortText(a, question.caseSensitive) === given));
    }
    case 'matching': {
      const { right, total, unknown } = scoreMatching(question, (r as Extract<QuestionResponse, { type: 'matching' }>).pairs);
      if (unknown.length > 0) throw new InvalidResponseError([`Unknown prompt or choice id(s): ${unknown.join(', ')}`]);
      return share(right, total);
    }
    case 'cloze': {
      const given = (r as Extract<QuestionResponse, { type: 'cloze' }>).blanks;
      const issues = clozeResponseIssues(question.blanks, given);
      if (issues.length > 0) throw new InvalidResponseError(issues);
      const compare = { normalizeText: normalizeShortText, parseNumber };
      const right = question.blanks.filter((b) => clozeBlankRight(b, given[b.id], compare)).length;
      return share(right, question.blanks.length);
    }
    case 'essay':
    case 'description':
      throw new NotAutoScoredError(question.type);
  }
}

export type SafeScoreResult = { success: true; result: ScoreResult } | { success: false; error: InvalidResponseError };

export function safeScoreResponse(question: Question, response: unknown, options: ScoreOptions = {}): SafeScoreResult {
  try {
    return { success: true, result: scoreResponse(question, response, options) };
  } catch (e) {
    if (e instanceof InvalidResponseError) return { success: false, error: e };
    throw e;
  }
}

const result = (correct: boolean): ScoreResult => ({ correct, score: correct ? 1 : 0 });

/** Partial credit as the share of parts right; `correct` only when all are. */
const share = (right: number, total: number): ScoreResult => ({ correct: right === total, score: total === 0 ? 0 : right / total });

function requireKnown(options: { id: string }[], ids: string[]): void {
  const known = new Set(options.map((o) => o.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new InvalidResponseError([`Unknown option id(s): ${unknown.join(', ')}`]);
}

/**
 * Short-answer comparison form: NFKC (full-width ↔ half-width letters and digits, half-width
 * katakana → full-width), trim, collapse whitespace (incl. the ideographic space), then case-fold
 * unless case-sensitive. Hiragana and katakana are NOT folded into each other: 「かえる」 and
 * 「カエル」 are different answers — list both in `accepted` when both are right.
 */
export function normalizeShortText(value: string, caseSensitive = false): string {
  const folded = value.normalize('NFKC').trim().replace(/\s+/gu, ' ');
  return caseSensitive ? folded : folded.toLowerCase();
}

/**
 * A number as typed by a learner: full-width digits and signs (NFKC), the minus sign U+2212,
 * surrounding spaces and thousands separators ("1,234.5") are accepted. Returns null otherwise.
 */
export function parseNumber(raw: string): number | null {
  let s = raw
    .normalize('NFKC')
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
