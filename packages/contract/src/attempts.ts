import { z } from '@hono/zod-openapi';
import { QUESTION_TYPES } from '@manabi/questions';
import { imageLinksSchema, localizedTextSchema } from './text.js';

export const attemptStatusSchema = z.enum(['in_progress', 'awaiting_grading', 'finished', 'expired']);
export const assessmentModeSchema = z.enum(['fixed', 'adaptive']);

const row = z.object({ id: z.string(), text: localizedTextSchema });

/** A blank as a learner is served it: choice blanks with their options, never the key. */
export const servedBlankSchema = z.union([
  z.object({ id: z.string(), kind: z.literal('choice'), options: z.array(row) }),
  z.object({ id: z.string(), kind: z.enum(['text', 'numeric']) }),
]);

export const rubricCriterionSchema = z.object({ id: z.string(), criterion: localizedTextSchema, maxPoints: z.number() });

export const servedEssaySchema = z.object({
  minWords: z.number().nullable(),
  maxWords: z.number().nullable(),
  rubric: z.array(rubricCriterionSchema),
});

/** The item a learner is answering: no answer key, feedback or explanation. */
export const servedItemSchema = z
  .object({
    index: z.number().int(),
    questionId: z.string(),
    type: z.enum(QUESTION_TYPES),
    stem: localizedTextSchema,
    options: z.array(row),
    prompts: z.array(row).optional(),
    choices: z.array(row).optional(),
    blanks: z.array(servedBlankSchema).optional(),
    essay: servedEssaySchema.optional(),
    images: imageLinksSchema,
  })
  .openapi('ServedItem');

export const learnerEssayGradeSchema = z.object({
  points: z.record(z.string(), z.number()),
  total: z.number(),
  max: z.number(),
  score: z.number(),
  comment: z.string().nullable(),
});

export const reviewItemSchema = servedItemSchema
  .extend({
    response: z.unknown(),
    correct: z.boolean().nullable(),
    correctAnswer: z.unknown(),
    explanation: localizedTextSchema.nullable(),
    grade: learnerEssayGradeSchema.optional(),
  })
  .openapi('ReviewItem');

export const skillResultSchema = z.object({
  skill: z.string(),
  skillId: z.string().nullable(),
  name: localizedTextSchema.nullable(),
  correct: z.number(),
  answered: z.number(),
  percent: z.number(),
  band: z.number().nullable(),
  evidence: z.enum(['enough', 'too_few_items', 'imprecise']),
});

export const attemptResultSchema = z.object({
  score: z.number(),
  passed: z.boolean(),
  correct: z.number(),
  answered: z.number(),
  bySkill: z.array(skillResultSchema),
  band: z.number(),
  focus: skillResultSchema.nullable(),
  timeTakenSeconds: z.number(),
  review: z.array(reviewItemSchema).nullable(),
});

/**
 * The attempt as the learner sees it: no answer keys before review opens; results carry the band,
 * per-skill bands and the skill to study next, never θ, SE or the scaled score; an adaptive attempt
 * in progress carries progress.left { min, max } and progress.percent.
 */
export const attemptViewSchema = z
  .object({
    id: z.string(),
    assessmentId: z.string(),
    title: localizedTextSchema,
    mode: assessmentModeSchema,
    status: attemptStatusSchema,
    startedAt: z.string(),
    deadline: z.string().nullable(),
    serverNow: z.string(),
    grading: z.object({ essays: z.number().int(), graded: z.number().int() }).nullable(),
    progress: z.object({
      answered: z.number().int(),
      total: z.number().int().nullable(),
      left: z.object({ min: z.number(), max: z.number() }).nullable(),
      percent: z.number().nullable(),
      maxItems: z.number().int().nullable(),
    }),
    current: servedItemSchema.nullable(),
    result: attemptResultSchema.nullable(),
  })
  .openapi('AttemptView');

export const answerBodySchema = z.object({
  questionId: z.string().min(1).max(40),
  response: z.record(z.string(), z.unknown()),
});

export const answerOutcomeSchema = z
  .object({
    questionId: z.string(),
    correct: z.boolean().nullable(),
    feedback: localizedTextSchema.nullable(),
    explanation: localizedTextSchema.nullable(),
    images: imageLinksSchema,
  })
  .openapi('AnswerOutcome');

export const answerResponseSchema = z.object({ answer: answerOutcomeSchema, attempt: attemptViewSchema });

export const myAttemptSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  title: localizedTextSchema.nullable(),
  status: attemptStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: z.object({ score: z.number(), passed: z.boolean(), band: z.number() }).nullable(),
});
export const myAttemptsSchema = z.object({ items: z.array(myAttemptSchema) }).openapi('MyAttempts');
