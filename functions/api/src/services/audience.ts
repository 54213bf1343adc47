import { audienceProblems, type Audience } from '@manabi/core';
import { getFramework, listDepartments } from '@manabi/data';
import type { SkillFramework } from '@manabi/upskilling';
import type { AppDeps, AuthClaims } from '../env.js';
import { ApiError } from '../errors.js';

/**
 * Refuses an audience naming departments or job roles the author's company does not have (400
 * with the path of each). Levels are checked by the schema. A vendor's package is offered to many
 * companies, whose departments and frameworks it cannot know: it may name levels only.
 */
export async function checkAudience(
  deps: Pick<AppDeps, 'data'>,
  auth: AuthClaims,
  audience: Audience | undefined,
  prefix = 'audience',
): Promise<void> {
  if (!audience || (audience.departmentIds.length === 0 && audience.jobRoles.length === 0)) return;
  let problems: { path: string; message: string }[];
  if (auth.role === 'vendor_admin') {
    problems = audienceProblems(audience, { departmentIds: [], jobRoles: [] }, prefix).map((p) => ({
      ...p,
      message: 'A vendor’s package is offered to many companies: its audience can name levels only',
    }));
  } else {
    const db = deps.data.clientFor(auth);
    const [departments, framework] = await Promise.all([
      audience.departmentIds.length > 0 ? listDepartments(db) : Promise.resolve([]),
      audience.jobRoles.length > 0 ? getFramework<SkillFramework>(db) : Promise.resolve(null),
    ]);
    problems = audienceProblems(
      audience,
      { departmentIds: departments.map((d) => d.id), jobRoles: (framework?.framework.jobRoles ?? []).map((r) => r.id) },
      prefix,
    );
  }
  if (problems.length > 0)
    throw new ApiError(400, 'validation_error', 'The audience names departments or job roles that do not exist', problems);
}
