import type { SkillFramework } from '@manabi/upskilling';
import {
  deleteStanding,
  getFramework,
  getStanding,
  getUser,
  listProficiencyEntries,
  listUsers,
  putStanding,
  type DataAccess,
  type StoredStanding,
  type TenantDb,
} from '@manabi/data';
import { skillStanding } from '../services/skill-standing.js';

type Deps = { data: DataAccess; now: () => Date };

/**
 * Field by field: a standing read back from DynamoDB may list each skill's attributes in another
 * order than the one computed, so comparing serialised JSON would see a change every time (and
 * write, and move the stream, for nothing).
 */
export const sameStanding = (a: StoredStanding, b: StoredStanding): boolean =>
  a.departmentId === b.departmentId &&
  a.level === b.level &&
  a.skills.length === b.skills.length &&
  a.skills.every((x, i) => x.skill === b.skills[i]!.skill && x.required === b.skills[i]!.required && x.current === b.skills[i]!.current);

/**
 * Recomputes one person's current standing (the rule of the skill map: required at their level and
 * job role vs current proficiency) and stores it when it changed; the stored standing's stream
 * records then move the gap heatmap. A deactivated or deleted person leaves the heatmap. Runs off
 * the request path (the aggregator), and is safe to run twice: an unchanged standing writes nothing.
 */
export async function refreshStanding(deps: Deps, db: TenantDb, userId: string, framework?: SkillFramework | null): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [user, existing] = await Promise.all([getUser(db, userId), getStanding(db, userId)]);
    if (!user || user.status === 'deactivated') {
      if (existing) await deleteStanding(db, userId);
      return;
    }
    const f = framework !== undefined ? framework : ((await getFramework<SkillFramework>(db))?.framework ?? null);
    const entries = f && user.level ? await listProficiencyEntries(db, userId) : [];
    const rows = f ? skillStanding(f, user.level, entries, deps.now(), user.jobRole) : [];
    const next: StoredStanding = {
      userId,
      departmentId: user.departmentId,
      level: user.level,
      skills: rows
        .map((r) => ({ skill: r.skillId, required: r.required, current: r.current }))
        .sort((a, b) => (a.skill < b.skill ? -1 : 1)),
    };
    if (existing && sameStanding(existing, next)) return;
    if (await putStanding(db, next, existing?.rev ?? null, deps.now().toISOString())) return;
    // Someone else wrote in between: read again and recompute.
  }
}

/** Everyone's standing again (the framework changed: every requirement may have moved). */
export async function refreshAllStandings(deps: Deps, db: TenantDb): Promise<number> {
  const framework = (await getFramework<SkillFramework>(db))?.framework ?? null;
  let count = 0;
  let cursor: string | undefined;
  do {
    const page = await listUsers(db, { limit: 200, cursor });
    for (const u of page.items) {
      await refreshStanding(deps, db, u.id, framework);
      count += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return count;
}
