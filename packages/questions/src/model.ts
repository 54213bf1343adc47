import { z } from 'zod';
import { LEVELS, type Locale } from '@manabi/core';
import { checkCloze, clozeShape } from './types/cloze.js';
import { descriptionFields, essayFields, essayIssues } from './types/essay.js';
import { checkMatching, matchingShape } from './types/matching.js';

/** The question types Manabi can score. Anything else is reported by the importers, never dropped silently. */
export const QUESTION_TYPES = [
  'single_choice',
  'multiple_response',
  'true_false',
  'ordering',
  'numeric',
  'short_text',
  'matching',
  'cloze',
  'essay',
  'description',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types whose answer is chosen among `options`. */
export const OPTION_TYPES = ['single_choice', 'multiple_response', 'ordering'] as const;

export const QUESTION_STATUSES = ['draft', 'published'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const MAX_OPTIONS = 20;
export const MAX_TEXT = 10_000;

const text = z.string().trim().min(1, { message: 'Required' }).max(MAX_TEXT);

/** Text in Japanese and/or English; at least one is present (see `pickText` for the fallback). */
export const localizedTextSchema = z
  .object({ ja: text.optional(), en: text.optional() })
  .strict()
  .refine((t) => t.ja !== undefined || t.en !== undefined, { message: 'Japanese or English text is required' });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** The text in `locale`, else in the other language. */
export function pickText(value: LocalizedText, locale: Locale): string {
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  return value[locale] ?? value[other] ?? '';
}

/** Option ids are short and safe to echo in URLs and CSS selectors (QTI identifiers fit). */
export const optionIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'Option id: 1-64 letters, digits, _ . -' });

export const optionSchema = z
  .object({
    id: optionIdSchema,
    text: localizedTextSchema,
    /** Shown after answering when this option was chosen. Never part of the learner view. */
    feedback: localizedTextSchema.optional(),
  })
  .strict();
export type QuestionOption = z.infer<typeof optionSchema>;

export const feedbackSchema = z.object({ correct: localizedTextSchema.optional(), incorrect: localizedTextSchema.optional() }).strict();
export type QuestionFeedback = z.infer<typeof feedbackSchema>;

export const IRT_SOURCES = ['prior', 'calibrated'] as const;
/** 3PL item parameters: discrimination a, difficulty b (logit scale), guessing c. */
export const irtSchema = z
  .object({
    a: z.number().finite().positive().max(10),
    b: z.number().finite().min(-10).max(10),
    c: z.number().finite().min(0).max(0.99),
    source: z.enum(IRT_SOURCES),
  })
  .strict();
export type IrtParams = z.infer<typeof irtSchema>;

export const SOURCE_FORMATS = ['manabi', 'csv', 'gift', 'moodle_xml', 'qti21'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Where an imported question came from (for the import report and for re-imports). */
export const sourceRefSchema = z
  .object({
    format: z.enum(SOURCE_FORMATS),
    /** 1-based position of the item in the file (CSV: data row). */
    item: z.number().int().positive(),
    line: z.number().int().positive().optional(),
    /** The item's own identifier in the source (GIFT [id:], Moodle idnumber, QTI identifier). */
    id: z.string().max(255).optional(),
    file: z.string().max(255).optional(),
  })
  .strict();
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const skillTagSchema = z.string().trim().min(1).max(100);

/** The fields every question type has. */
const common = {
  /** Author-facing name (Moodle "question name"). Not sent to learners: such names often give the answer away. */
  title: z.string().trim().min(1).max(255).optional(),
  stem: localizedTextSchema,
  feedback: feedbackSchema.optional(),
  /** Explanation shown after answering (Moodle "general feedback"). */
  explanation: localizedTextSchema.optional(),
  skillTags: z.array(skillTagSchema).max(50).default([]),
  level: z.enum(LEVELS).nullable().default(null),
  /** Author's prior for the IRT difficulty b (logit scale, about -3 easy … +3 hard). */
  difficultyPrior: z.number().finite().min(-5).max(5).nullable().default(null),
  /** Omitted on input: filled from `difficultyPrior` (see `defaultIrt`). */
  irt: irtSchema.optional(),
  status: z.enum(QUESTION_STATUSES).default('draft'),
  sourceRef: sourceRefSchema.optional(),
};

const options = z.array(optionSchema).min(2, { message: 'At least 2 options' }).max(MAX_OPTIONS);

const singleChoiceSchema = z
  .object({
    ...common,
    type: z.literal('single_choice'),
    options,
    correctOptionIds: z.array(optionIdSchema).length(1, { message: 'Exactly one correct option' }),
  })
  .strict();
const multipleResponseSchema = z
  .object({
    ...common,
    type: z.literal('multiple_response'),
    options,
    correctOptionIds: z.array(optionIdSchema).min(1, { message: 'At least one correct option' }),
    /** false (default): all-or-nothing. true: (right picks − wrong picks) / correct count, floored at 0. */
    partialCredit: z.boolean().default(false),
  })
  .strict();
const trueFalseSchema = z.object({ ...common, type: z.literal('true_false'), answer: z.boolean() }).strict();
const orderingSchema = z
  .object({
    ...common,
    type: z.literal('ordering'),
    options,
    /** Every option id, in the correct order. */
    order: z.array(optionIdSchema),
  })
  .strict();
const numericSchema = z
  .object({
    ...common,
    type: z.literal('numeric'),
    /** Correct when |response − value| ≤ tolerance (inclusive). */
    answer: z.object({ value: z.number().finite(), tolerance: z.number().finite().min(0).default(0) }).strict(),
  })
  .strict();
const shortTextSchema = z
  .object({
    ...common,
    type: z.literal('short_text'),
    accepted: z.array(z.string().trim().min(1).max(500)).min(1, { message: 'At least one accepted answer' }).max(50),
    caseSensitive: z.boolean().default(false),
  })
  .strict();

const matchingSchema = z.object({ ...common, ...matchingShape(localizedTextSchema, optionIdSchema) }).strict();
const clozeSchema = z.object({ ...common, ...clozeShape(localizedTextSchema, optionIdSchema) }).strict();

/** Scored by a person (types/essay.ts). */
const essaySchema = z.object({ ...common, ...essayFields(localizedTextSchema, optionIdSchema) }).strict();
/** An information block: never answered, never scored. */
const descriptionSchema = z.object({ ...common, ...descriptionFields() }).strict();

/** Types a person scores: never scored on submission, never drawn into adaptive (IRT) pools. */
export const PERSON_SCORED_TYPES = ['essay'] as const;
/** Types that are never scored nor counted in a score, nor drawn into adaptive pools. */
export const UNSCORED_TYPES = ['description'] as const;
/** Whether an adaptive (IRT) pool may hold this type: it needs a right/wrong answer the moment it is given. */
export const isAdaptiveType = (type: string): boolean =>
  !(PERSON_SCORED_TYPES as readonly string[]).includes(type) && !(UNSCORED_TYPES as readonly string[]).includes(type);
export const isPersonScored = (type: string): boolean => (PERSON_SCORED_TYPES as readonly string[]).includes(type);
export const isUnscored = (type: string): boolean => (UNSCORED_TYPES as readonly string[]).includes(type);

/** The irt parameters a question gets before calibration (c = 0 unless guessing is likely: single choice, true/false). */
export function defaultIrt(q: { type: QuestionType; difficultyPrior: number | null; options?: unknown[] }): IrtParams {
  let c = 0;
  if (q.type === 'single_choice' && q.options && q.options.length > 0) c = round(1 / q.options.length);
  if (q.type === 'true_false') c = 0.5;
  return { a: 1, b: q.difficultyPrior ?? 0, c, source: 'prior' };
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/** A question as stored (content only: ids, tenant and timestamps belong to the storage layer). */
export const questionSchema = z
  .discriminatedUnion('type', [
    singleChoiceSchema,
    multipleResponseSchema,
    trueFalseSchema,
    orderingSchema,
    numericSchema,
    shortTextSchema,
    matchingSchema,
    clozeSchema,
    essaySchema,
    descriptionSchema,
  ])
  .superRefine((q, ctx) => {
    const addIssue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (q.type === 'matching') checkMatching(q, addIssue);
    if (q.type === 'cloze') checkCloze(q, addIssue);
    if (q.type === 'essay') for (const issue of essayIssues(q)) addIssue(issue.path, issue.message);
    if (!('options' in q)) return;
    const ids = q.options.map((o) => o.id);
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `Duplicate option id "${id}"` });
      seen.add(id);
    });
    const keyPath = q.type === 'ordering' ? 'order' : 'correctOptionIds';
    const key = q.type === 'ordering' ? q.order : q.correctOptionIds;
    const used = new Set<string>();
    key.forEach((id, i) => {
      if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: [keyPath, i], message: `Unknown option id "${id}"` });
      if (used.has(id)) ctx.addIssue({ code: 'custom', path: [keyPath, i], message: `Option id "${id}" appears twice` });
      used.add(id);
    });
    if (q.type === 'ordering' && used.size !== seen.size) {
      ctx.addIssue({ code: 'custom', path: ['order'], message: 'The order must list every option exactly once' });
    }
  })
  .transform((q) => ({ ...q, irt: q.irt ?? defaultIrt(q) }));

export type QuestionInput = z.input<typeof questionSchema>;
export type Question = z.output<typeof questionSchema>;
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;
export type ChoiceQuestion = QuestionOf<'single_choice' | 'multiple_response' | 'ordering'>;

export function isQuestionType(value: string): value is QuestionType {
  return (QUESTION_TYPES as readonly string[]).includes(value);
}

/** Flattens zod issues to "path: message" strings (for import reports). */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message));
}
