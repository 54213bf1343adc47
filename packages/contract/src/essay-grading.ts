import { z } from '@hono/zod-openapi';
import { MAX_GRADER_COMMENT } from '@manabi/questions';
import { attemptStatusSchema, learnerEssayGradeSchema, rubricCriterionSchema } from './attempts.js';
import { imageLinksSchema, localizedTextSchema, personRefSchema } from './text.js';

export const essayParams = z.object({
  attemptId: z.string().openapi({ param: { name: 'attemptId', in: 'path' } }),
  questionId: z.string().openapi({ param: { name: 'questionId', in: 'path' } }),
});

export const essayGradeBodySchema = z
  .object({
    points: z.record(z.string().max(64), z.number()),
    comment: z.string().max(MAX_GRADER_COMMENT).nullable().optional(),
  })
  .strict();

export const essayQueueQuery = z.object({ cursor: z.string().max(2000).optional() });

const assessmentRef = z.object({ id: z.string(), title: localizedTextSchema });

/** Essays waiting for the caller, oldest first; `count` is every essay waiting (all pages). */
export const essayQueueSchema = z
  .object({
    items: z.array(
      z.object({
        attemptId: z.string(),
        questionId: z.string(),
        learner: personRefSchema,
        assessment: assessmentRef,
        question: z.object({ title: z.string().nullable(), stem: localizedTextSchema }),
        submittedAt: z.string().nullable(),
      }),
    ),
    count: z.number().int(),
    nextCursor: z.string().nullable(),
  })
  .openapi('EssayQueue');

/** The question with its rubric and graders' notes, the learner's text, the grade and the regrades. */
export const essayGradingSchema = z
  .object({
    attemptId: z.string(),
    questionId: z.string(),
    state: z.enum(['draft', 'pending', 'graded']),
    learner: personRefSchema,
    assessment: assessmentRef,
    attemptStatus: attemptStatusSchema.nullable(),
    submittedAt: z.string().nullable(),
    question: z.object({
      title: z.string().nullable(),
      stem: localizedTextSchema,
      rubric: z.array(rubricCriterionSchema),
      minWords: z.number().nullable(),
      maxWords: z.number().nullable(),
      graderNotes: localizedTextSchema.nullable(),
    }),
    images: imageLinksSchema,
    text: z.string(),
    grade: learnerEssayGradeSchema.extend({ gradedBy: z.string(), gradedByName: z.string(), gradedAt: z.string() }).nullable(),
    regrades: z.array(
      z.object({ by: z.string(), byName: z.string(), at: z.string(), previous: z.object({ total: z.number(), max: z.number() }) }),
    ),
  })
  .openapi('EssayGrading');
