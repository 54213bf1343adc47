import { z } from 'zod';
import { LEVELS, type Level } from './levels.js';
import { idSchema, jobRoleIdSchema, levelSchema } from './schemas.js';

/**
 * Who a test or a package is meant for, on three dimensions: levels of the ladder, departments
 * and job roles of the company's skill framework. An empty dimension means everyone on it, so
 * the empty audience is the whole company.
 */
export interface Audience {
  levels: Level[];
  departmentIds: string[];
  jobRoles: string[];
}

/** What a person brings to the match (a user record fits as it is). */
export interface AudienceMember {
  level: Level | null;
  departmentId: string | null;
  jobRole: string | null;
}

/** The whole company: no dimension narrows it. */
export const everyone = (): Audience => ({ levels: [], departmentIds: [], jobRoles: [] });

/** Duplicates are dropped; levels are kept in ladder order, the rest in the order given. */
export const audienceSchema = z
  .object({
    levels: z.array(levelSchema).max(50).default([]),
    departmentIds: z.array(idSchema).max(200).default([]),
    jobRoles: z.array(jobRoleIdSchema).max(100).default([]),
  })
  .strict()
  .transform((a): Audience => ({
    levels: LEVELS.filter((l) => a.levels.includes(l)),
    departmentIds: [...new Set(a.departmentIds)],
    jobRoles: [...new Set(a.jobRoles)],
  }));
export type AudienceInput = z.input<typeof audienceSchema>;

/** An item stored before audiences existed has none: it is for everyone. */
export const audienceOf = (audience: Audience | null | undefined): Audience => audience ?? everyone();

export const isEveryone = (audience: Audience | null | undefined): boolean => {
  const a = audienceOf(audience);
  return a.levels.length === 0 && a.departmentIds.length === 0 && a.jobRoles.length === 0;
};

/**
 * Whether the audience includes the person: on every dimension that names something, the
 * person's value is among those named. A person without a level (or department, or job role)
 * is therefore outside any audience that names levels (departments, job roles).
 */
export function matchesAudience(audience: Audience | null | undefined, person: AudienceMember): boolean {
  const a = audienceOf(audience);
  return within(a.levels, person.level) && within(a.departmentIds, person.departmentId) && within(a.jobRoles, person.jobRole);
}

function within<T>(named: readonly T[], value: T | null): boolean {
  return named.length === 0 || (value !== null && named.includes(value));
}

/**
 * Departments and job roles the audience names that the company does not have, as error details
 * (`<prefix>.departmentIds.<i>`). Levels are checked by the schema: the ladder is the same everywhere.
 */
export function audienceProblems(
  audience: Audience,
  known: { departmentIds: Iterable<string>; jobRoles: Iterable<string> },
  prefix = 'audience',
): { path: string; message: string }[] {
  const departments = new Set(known.departmentIds);
  const jobRoles = new Set(known.jobRoles);
  const problems: { path: string; message: string }[] = [];
  audience.departmentIds.forEach((id, i) => {
    if (!departments.has(id)) problems.push({ path: `${prefix}.departmentIds.${i}`, message: 'Not a department of this company' });
  });
  audience.jobRoles.forEach((id, i) => {
    if (!jobRoles.has(id)) problems.push({ path: `${prefix}.jobRoles.${i}`, message: 'Not a job role of the skill framework' });
  });
  return problems;
}
