import { z } from '@hono/zod-openapi';
import { assessmentInputSchema } from '@manabi/assessment';
import { assessmentModeSchema } from './attempts.js';
import { audienceViewSchema, localizedTextSchema } from './text.js';
import { checkedByDomain } from './common.js';

/** What HR writes when creating or editing an assessment (the domain's own schema: the edge checks what the domain checks). */
export { assessmentInputSchema };

export type AssessmentInputBody = z.input<typeof assessmentInputSchema>;

/** Saving an assessment: its settings are checked by `assessmentInputSchema` once the route has found it. */
export const assessmentSaveBodySchema = checkedByDomain<AssessmentInputBody>(
  'Assessment settings (the shape of Assessment without its id and status)',
);

/** An assessment as its author reads it: the settings plus id, status, versions and audience. */
export const assessmentSchema = assessmentInputSchema
  .safeExtend({
    id: z.string(),
    status: z.enum(['draft', 'published']),
    publishedVersion: z.number().int().nullable(),
    questionCount: z.number().int().nullable(),
    audience: audienceViewSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Assessment');

/** An assessment as a list (and a taker) sees it, with the caller's own attempts. */
export const assessmentSummarySchema = z
  .object({
    id: z.string(),
    title: localizedTextSchema,
    mode: assessmentModeSchema,
    status: z.enum(['draft', 'published']),
    questionCount: z.number().int().nullable(),
    maxItems: z.number().int().nullable(),
    timeLimitMinutes: z.number().int().nullable(),
    attemptsAllowed: z.number().int().nullable(),
    attemptsUsed: z.number().int(),
    passMark: z.number(),
    dueAt: z.string().nullable(),
    inProgressAttemptId: z.string().nullable(),
    audience: audienceViewSchema,
  })
  .openapi('AssessmentSummary');

export const assessmentListSchema = z.object({ items: z.array(assessmentSummarySchema) });

/** HR reads the whole assessment; a taker reads its summary. */
export const assessmentReadSchema = z.union([assessmentSchema, assessmentSummarySchema]);
