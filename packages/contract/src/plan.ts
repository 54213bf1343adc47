import { z } from '@hono/zod-openapi';
import { LEVELS } from '@manabi/core';
import { localizedTextSchema } from './text.js';

/** What a plan entry names: the module and its package (absent when the module is gone). */
const described = {
  title: localizedTextSchema.optional(),
  packageId: z.string().optional(),
  moduleId: z.string().optional(),
  moduleKind: z.string().optional(),
  /** A recommendation's reasons, one per weak skill it builds. */
  reasons: z.array(localizedTextSchema),
};

export const planItemSchema = z.object({
  /** `packageId:moduleId`. */
  id: z.string(),
  kind: z.enum(['assigned', 'recommended']),
  minutes: z.number(),
  dueDate: z.string().nullable(),
  oversized: z.boolean(),
  ...described,
  reason: localizedTextSchema.nullable(),
});

/** The learner's plan: weeks within the budget, what is late or does not fit, and recommendations with reasons. */
export const learningPlanSchema = z
  .object({
    weeklyBudgetMinutes: z.number().int(),
    budgetSource: z.enum(['company', 'mine']),
    recommendationsScheduled: z.boolean(),
    level: z.enum(LEVELS).nullable(),
    weeks: z.array(z.object({ weekStart: z.string(), capacity: z.number(), minutes: z.number(), items: z.array(planItemSchema) })),
    late: z.array(
      z.object({ id: z.string(), dueDate: z.string(), weekStart: z.string(), ...described, reason: z.enum(['overdue', 'over_budget']) }),
    ),
    unscheduled: z.array(z.object({ id: z.string(), ...described, reason: z.enum(['too_long', 'no_capacity']) })),
    recommendations: z.array(
      z.object({
        ...described,
        id: z.string(),
        skillId: z.string(),
        estimatedMinutes: z.number(),
        reason: localizedTextSchema.nullable(),
        reasonText: localizedTextSchema,
      }),
    ),
  })
  .openapi('LearningPlan');

export const learningBudgetSchema = z.object({ weeklyBudgetMinutes: z.number().int().min(10).max(1200).nullable() });
