import { z } from '@hono/zod-openapi';
import { skillFrameworkSchema } from '@manabi/upskilling';

/** The skill framework as authors write it (the domain's own schema: the edge checks what the domain checks). */
export { skillFrameworkSchema };

/** Categories → skills (ja/en names, 1–5 descriptors, required proficiency per level), with its revision. */
export const skillFrameworkDocumentSchema = z
  .object({ framework: skillFrameworkSchema, rev: z.number().int(), updatedAt: z.string() })
  .openapi('SkillFrameworkDocument');

export const skillFrameworkBodySchema = z.object({ framework: skillFrameworkSchema, expectedRev: z.number().int().min(1) });
