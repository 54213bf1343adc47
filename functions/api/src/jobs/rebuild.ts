import {
  attemptImageSchema,
  diffAggregates,
  isClosed,
  parseCellId,
  rebuildAggregates,
  type AssignmentImage,
  type AttemptImage,
  type Attribution,
  type Counters,
  type GoalImage,
  type StandingImage,
} from '@manabi/reports';
import {
  addToCells,
  getAppliedClaim,
  getStanding,
  listAssessments,
  listAssignmentStatesOfUser,
  listAttemptsOfAssessment,
  listGoalsOfTenant,
  listUsers,
  type DataAccess,
  type TenantDb,
  type UserRecord,
} from '@manabi/data';
import { groupOf, readCell } from './aggregate.js';

export interface RebuildReport {
  tenantId: string;
  /** Cells the raw data produces. */
  cells: number;
  /** Cells whose maintained value differs from the recount. */
  mismatches: string[];
  /** Cells corrected (with `repair`). */
  repaired: number;
}

/**
 * The rebuild: recomputes every aggregate of one company from its raw data (attempts, assignments,
 * goals, standings) and compares the result with the maintained cells. With `repair`, each cell
 * that differs gets the difference added (the same ADD the stream uses, so it can run while the
 * stream keeps going). An attempt counts where the stream counted it (the department and level kept
 * on its claim), so people who moved since do not make the recount disagree. Reads everything:
 * a command for tests, audits and schema changes, never a request path.
 */
export async function rebuildTenant(
  deps: { data: DataAccess },
  tenantId: string,
  options: { repair?: boolean } = {},
): Promise<RebuildReport> {
  const db: TenantDb = deps.data.clientFor({ tenantId });
  const users: UserRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers(db, { limit: 200, cursor });
    users.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const byId = new Map(users.map((u) => [u.id, u]));

  const attempts: AttemptImage[] = [];
  for (const a of await listAssessments(db))
    for (const x of await listAttemptsOfAssessment(db, a.id)) {
      const parsed = attemptImageSchema.safeParse({ ...x, tenantId });
      if (parsed.success) attempts.push(parsed.data);
    }
  const who = new Map<string, Attribution>();
  for (const a of attempts.filter(isClosed)) {
    const claim = await getAppliedClaim(db, `attempt:${a.id}:${a.status}`);
    const u = byId.get(a.userId);
    who.set(
      a.id,
      claim && 'departmentId' in claim
        ? { departmentId: (claim.departmentId as string | null) ?? null, level: (claim.level as string | null) ?? null }
        : { departmentId: u?.departmentId ?? null, level: u?.level ?? null },
    );
  }

  const assignments: AssignmentImage[] = [];
  const standings: StandingImage[] = [];
  for (const u of users) {
    for (const { assignment: x, state } of await listAssignmentStatesOfUser(db, u.id))
      if (state)
        assignments.push({
          tenantId,
          userId: x.userId,
          packageId: x.packageId,
          dueDate: x.dueDate,
          departmentId: x.departmentId ?? null,
          level: x.level ?? null,
          ...state,
        });
    const s = await getStanding(db, u.id);
    if (s) standings.push({ tenantId, userId: s.userId, departmentId: s.departmentId, level: s.level, skills: s.skills });
  }
  const goals: GoalImage[] = (await listGoalsOfTenant<{ status: GoalImage['status'] }>(db)).map((r) => ({
    tenantId,
    id: r.goal.id,
    status: r.goal.status,
    departmentId: r.departmentId ?? null,
    level: r.level ?? null,
  }));

  const expected = rebuildAggregates(attempts, assignments, (a) => who.get(a.id)!, goals, standings);
  const maintained = new Map<string, Counters>();
  for (const id of expected.keys()) maintained.set(id, await readCell(db, id));
  const diff = diffAggregates(maintained, expected);
  if (options.repair && diff.size > 0) await addToCells(db, diff, (id) => groupOf(parseCellId(id)));
  return { tenantId, cells: expected.size, mismatches: [...diff.keys()].sort(), repaired: options.repair ? diff.size : 0 };
}
