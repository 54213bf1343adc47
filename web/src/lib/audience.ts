import type { Audience, Department, JobRole, Level, Locale } from '../api/types';
import { LEVELS } from '../api/types';
import { pickText } from './localized';

export const emptyAudience = (): Audience => ({ levels: [], departmentIds: [], jobRoles: [] });

/** A copy safe to edit in a form (a missing audience is everyone). */
export const audienceForm = (audience: Audience | null | undefined): Audience => ({
  levels: [...(audience?.levels ?? [])],
  departmentIds: [...(audience?.departmentIds ?? [])],
  jobRoles: [...(audience?.jobRoles ?? [])],
});

/** As sent: levels in ladder order, and nothing the form lost track of twice. */
export const audienceInput = (form: Audience): Audience => ({
  levels: LEVELS.filter((l) => form.levels.includes(l)),
  departmentIds: [...new Set(form.departmentIds)],
  jobRoles: [...new Set(form.jobRoles)],
});

export const isEveryone = (audience: Audience | null | undefined): boolean =>
  !audience || (audience.levels.length === 0 && audience.departmentIds.length === 0 && audience.jobRoles.length === 0);

export interface AudienceWords {
  everyone: string;
  levelsName: string;
  departmentsName: string;
  jobRolesName: string;
  levelLabel: (level: Level) => string;
  unknownDepartment: string;
  separator: string;
  dimensionSeparator: string;
  dimension: (name: string, values: string) => string;
}

/**
 * The audience in words: "Everyone", or each dimension that names something ("Levels: New
 * employee, Junior staff / Departments: Sales"). A dimension left empty is everyone on it, so it
 * is not spelled out once another names something.
 */
export function describeAudience(
  audience: Audience | null | undefined,
  options: { departments: readonly Department[]; jobRoles: readonly JobRole[]; locale: Locale },
  words: AudienceWords,
): string {
  if (!audience || isEveryone(audience)) return words.everyone;
  const departmentName = new Map(options.departments.map((d) => [d.id, d.name]));
  const jobRoleName = new Map(options.jobRoles.map((r) => [r.id, pickText(r.name, options.locale)]));
  const parts: string[] = [];
  const add = (name: string, values: string[]) => {
    if (values.length) parts.push(words.dimension(name, values.join(words.separator)));
  };
  add(words.levelsName, LEVELS.filter((l) => audience.levels.includes(l)).map(words.levelLabel));
  add(
    words.departmentsName,
    audience.departmentIds.map((id) => departmentName.get(id) ?? words.unknownDepartment),
  );
  add(
    words.jobRolesName,
    audience.jobRoles.map((id) => jobRoleName.get(id) || id),
  );
  return parts.join(words.dimensionSeparator);
}
