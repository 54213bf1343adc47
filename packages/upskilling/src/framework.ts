import { z } from 'zod';
import { levelSchema, type Level } from '@manabi/core';
import { localizedTextSchema } from './text.js';
import { DEFAULT_FRAMEWORK } from './default-framework.js';

/** Proficiency on the 1–5 scale used everywhere in the skill map (1 = under guidance … 5 = teaches / leads). */
export const PROFICIENCIES = [1, 2, 3, 4, 5] as const;
export type Proficiency = (typeof PROFICIENCIES)[number];
export const proficiencySchema = z.literal(PROFICIENCIES);

/** Ids are slugs so they read well in URLs and idempotency keys and never change when a name is translated. */
export const slugSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Expected a slug: lower-case letters, digits and single hyphens' });

/** Required proficiency per level (階層). A level that is absent does not need the skill at all. */
export const requiredProficiencySchema = z.partialRecord(levelSchema, proficiencySchema);
export type RequiredProficiency = z.infer<typeof requiredProficiencySchema>;

/** What each step of the scale looks like for this skill, as observable behaviour. */
export const proficiencyDescriptorsSchema = z.object({
  1: localizedTextSchema,
  2: localizedTextSchema,
  3: localizedTextSchema,
  4: localizedTextSchema,
  5: localizedTextSchema,
});

export const skillSchema = z.object({
  id: slugSchema,
  /** `name.ja` doubles as the skill tag on questions and modules, so it must be unique in a framework. */
  name: localizedTextSchema,
  description: localizedTextSchema,
  proficiencyLevels: proficiencyDescriptorsSchema,
  required: requiredProficiencySchema,
  /** Per job role (by job-role id): replaces `required` for the levels it names, for people in that role. */
  jobRoleRequired: z.record(slugSchema, requiredProficiencySchema).optional(),
});
export type Skill = z.infer<typeof skillSchema>;

export const skillCategorySchema = z.object({
  id: slugSchema,
  name: localizedTextSchema,
  skills: z.array(skillSchema).min(1).max(100),
});
export type SkillCategory = z.infer<typeof skillCategorySchema>;

export const jobRoleSchema = z.object({ id: slugSchema, name: localizedTextSchema });
export type JobRole = z.infer<typeof jobRoleSchema>;

export const skillFrameworkSchema = z
  .object({
    categories: z.array(skillCategorySchema).min(1).max(50),
    jobRoles: z.array(jobRoleSchema).max(100).default([]),
  })
  .superRefine((framework, ctx) => {
    const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
    for (const id of duplicates(framework.categories.map((c) => c.id)))
      ctx.addIssue({ code: 'custom', path: ['categories'], message: `Duplicate category id "${id}"` });
    const skills = framework.categories.flatMap((c) => c.skills);
    for (const id of duplicates(skills.map((s) => s.id)))
      ctx.addIssue({ code: 'custom', path: ['categories'], message: `Duplicate skill id "${id}"` });
    for (const name of duplicates(skills.map((s) => s.name.ja)))
      ctx.addIssue({ code: 'custom', path: ['categories'], message: `Duplicate skill name "${name}" (names are used as tags)` });
    for (const id of duplicates(framework.jobRoles.map((r) => r.id)))
      ctx.addIssue({ code: 'custom', path: ['jobRoles'], message: `Duplicate job role id "${id}"` });
    const roleIds = new Set(framework.jobRoles.map((r) => r.id));
    for (const skill of skills)
      for (const roleId of Object.keys(skill.jobRoleRequired ?? {}))
        if (!roleIds.has(roleId))
          ctx.addIssue({ code: 'custom', path: ['categories'], message: `Skill "${skill.id}" names unknown job role "${roleId}"` });
  });
export type SkillFramework = z.infer<typeof skillFrameworkSchema>;
export type SkillFrameworkInput = z.input<typeof skillFrameworkSchema>;

/** The framework a tenant starts with at signup; a fresh copy each call, so a caller may edit it freely. */
export function defaultFramework(): SkillFramework {
  return skillFrameworkSchema.parse(structuredClone(DEFAULT_FRAMEWORK));
}

/** Every skill in framework order (category order, then skill order). */
export function frameworkSkills(framework: SkillFramework): Skill[] {
  return framework.categories.flatMap((c) => c.skills);
}

/** A skill by id or by its tag (`name.ja`), since questions and modules carry the Japanese name. */
export function findSkill(framework: SkillFramework, idOrTag: string): Skill | undefined {
  return frameworkSkills(framework).find((s) => s.id === idOrTag || s.name.ja === idOrTag);
}

/**
 * What a person at `level` needs in `skill`. A job-role requirement for that level replaces the
 * general one (it may be higher or lower: a role can need less of a skill, not only more);
 * `null` means the skill is not required at this level.
 */
export function requiredProficiency(skill: Skill, level: Level, jobRole?: string | null): Proficiency | null {
  const forRole = jobRole ? skill.jobRoleRequired?.[jobRole]?.[level] : undefined;
  return forRole ?? skill.required[level] ?? null;
}
