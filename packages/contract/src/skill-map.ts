import { z } from '@hono/zod-openapi';
import { LEVELS } from '@manabi/core';
import { localizedTextSchema } from './text.js';

const level = z.enum(LEVELS);
const skillSource = z.enum(['assessment', 'manager_rating', 'self_rating']);

/** One skill required at the person's level, with where its current value comes from and why. */
export const skillStandingSchema = z
  .object({
    skillId: z.string(),
    name: localizedTextSchema,
    required: z.number(),
    current: z.number().nullable(),
    gap: z.number(),
    source: skillSource.nullable(),
    date: z.string().nullable(),
    selfReported: z.boolean(),
    stale: z.boolean(),
    explanation: localizedTextSchema,
  })
  .openapi('SkillStanding');

/** `level` null: HR has not set the person's level, so no skill is required. Largest gap first. */
export const mySkillsSchema = z.object({ level: level.nullable(), skills: z.array(skillStandingSchema) });

export const userSkillsSchema = mySkillsSchema.extend({
  user: z.object({ id: z.string(), name: z.string(), departmentName: z.string().nullable(), level: level.nullable() }),
});

export const ratingBodySchema = z.object({
  skillId: z.string(),
  value: z.number().int(),
  date: z.string().optional(),
  comment: z.string().optional(),
});

export const skillMapQuery = z.object({ departmentId: z.string().max(40).optional(), level: level.optional() });

const aggregateCell = z.object({
  skillId: z.string(),
  users: z.number().int(),
  assessed: z.number().int(),
  meanCurrent: z.number().nullable(),
  meanGap: z.number(),
  withGap: z.number().int(),
});

/** People × skills with gaps, and averages by department and level. */
export const skillMapSchema = z
  .object({
    skills: z.array(z.object({ id: z.string(), name: localizedTextSchema })),
    rows: z.array(
      z.object({
        user: z.object({
          id: z.string(),
          name: z.string(),
          departmentId: z.string().nullable(),
          departmentName: z.string().nullable(),
          level: level.nullable(),
        }),
        cells: z.array(
          z.object({
            skillId: z.string(),
            required: z.number().nullable(),
            current: z.number().nullable(),
            gap: z.number().nullable(),
            source: z.string().nullable(),
          }),
        ),
      }),
    ),
    aggregates: z.object({
      byDepartment: z.array(
        z.object({ key: z.string().nullable(), name: z.string().nullable(), users: z.number().int(), skills: z.array(aggregateCell) }),
      ),
      byLevel: z.array(z.object({ key: level.nullable(), users: z.number().int(), skills: z.array(aggregateCell) })),
    }),
    truncated: z.boolean(),
  })
  .openapi('SkillMap');
