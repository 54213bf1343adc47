import { z } from '@hono/zod-openapi';
import { LEVELS } from '@manabi/core';
import { localizedTextSchema } from './text.js';

export const GOAL_STATUSES = ['draft', 'agreed', 'in_progress', 'achieved', 'missed'] as const;
export const goalStatusSchema = z.enum(GOAL_STATUSES);

export const goalMetricSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('proficiency'), skillId: z.string(), target: z.number() }),
  z.object({ kind: z.literal('assessment_score'), assessmentId: z.string(), target: z.number() }),
]);

/**
 * What a new goal is made of. The edge takes any object (`goalBodySchema`): the SMART rules in
 * @manabi/upskilling check it and name the missing letter, which a schema's messages cannot.
 */
export const goalInputSchema = z.object({
  userId: z.string().optional(),
  title: z.string(),
  description: z.string(),
  metric: z.object({
    kind: z.enum(['proficiency', 'assessment_score']),
    skillId: z.string().optional(),
    assessmentId: z.string().optional(),
    target: z.number().nullable(),
  }),
  skillId: z.string(),
  reason: z.string(),
  dueDate: z.string(),
});
export const goalBodySchema = z.object({ userId: z.string().optional() }).passthrough();

export const goalSchema = z.object({
  id: z.string(),
  userId: z.string(),
  title: z.string(),
  description: z.string(),
  metric: goalMetricSchema,
  skillId: z.string(),
  reason: z.string(),
  dueDate: z.string(),
  status: goalStatusSchema,
  baseline: z.number().nullable(),
  agreedBy: z.string().nullable(),
  agreedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  finalValue: z.number().nullable(),
  returned: z.object({ by: z.string(), on: z.string(), note: z.string() }).nullable().optional(),
});

/** A goal as the UI shows it: the measured value now, progress from the baseline, and the A warning. */
export const goalViewSchema = goalSchema
  .extend({
    current: z.number().nullable(),
    progress: z.number().nullable(),
    warning: localizedTextSchema.nullable(),
    /** Only when just created: warnings in the request's language. */
    warnings: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('GoalView');

export const goalListSchema = z.object({ items: z.array(goalViewSchema) });

export const goalOwnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  departmentId: z.string().nullable(),
  level: z.enum(LEVELS).nullable(),
});

export const goalsOverviewSchema = z
  .object({
    items: z.array(z.object({ goal: goalSchema, user: goalOwnerSchema.nullable() })),
    counts: z.record(goalStatusSchema, z.number().int()),
  })
  .openapi('GoalsOverview');

export const goalReturnBodySchema = z.object({ note: z.string().trim().min(1).max(1000) });

/** Whose goals to list (default: the caller's). */
export const goalQuerySchema = z.object({ userId: z.string().max(40).optional() });
