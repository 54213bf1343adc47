import type { OpenAPIHono } from '@hono/zod-openapi';
import { LEVELS, type Role } from '@manabi/core';
import { frameworkSkills, type SkillFramework } from '@manabi/upskilling';
import {
  cellId,
  completionKey,
  completionStats,
  gapKey,
  gapStats,
  goalKey,
  goalStats,
  resultKey,
  resultStats,
  skillSumKey,
  skillSumStats,
  weekOf,
  type Counters,
} from '@manabi/reports';
import { getFramework, getUser, listDepartments, type TenantDb } from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import { overviewQuery, reportOverviewSchema, skillGapHeatmapSchema, skillGapsQuery } from '@manabi/contract';
import { readCell } from '../jobs/aggregate.js';

const LEADS: readonly Role[] = ['tenant_admin', 'manager'];

/** Reads cells in parallel, each id once. */
async function readCells(db: TenantDb, ids: string[]): Promise<Map<string, Counters>> {
  const unique = [...new Set(ids)];
  const cells = await Promise.all(unique.map((id) => readCell(db, id)));
  return new Map(unique.map((id, i) => [id, cells[i]!]));
}

/** The weeks (Mondays) of the trend, oldest first, ending with this week. */
export function lastWeeks(now: Date, weeks: number): string[] {
  const thisMonday = weekOf(now.toISOString());
  return Array.from({ length: weeks }, (_, i) => {
    const d = new Date(`${thisMonday}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 7 * (weeks - 1 - i));
    return d.toISOString().slice(0, 10);
  });
}

/** A manager sees their own department only, whatever they ask for; HR sees what they ask for. */
async function scopeOf(db: TenantDb, auth: AuthClaims, departmentId: string | undefined): Promise<string | undefined> {
  if (auth.role !== 'manager') return departmentId;
  const me = await getUser(db, auth.userId);
  if (!me?.departmentId) throw notFound('department');
  return me.departmentId;
}

/**
 * The company overview and the skill-gap heatmaps: a fixed number of maintained cells per request
 * (a few per department and level), whatever the number of people, attempts or assignments.
 */
export function registerReportOverviewRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/reports/overview',
      roles: LEADS,
      tags: ['reports'],
      summary:
        'Company overview: completion, pass rate, scores, goals, by department, level and skill, weekly trend (managers: their department)',
      request: { query: overviewQuery },
      responses: { 200: json(reportOverviewSchema, 'The overview'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const query = c.req.valid('query');
      const departmentId = await scopeOf(db, auth, query.departmentId);
      const level = query.level;
      const t = auth.tenantId;
      const departments = await listDepartments(db);
      const names = new Map(departments.map((d) => [d.id, d.name]));
      // Known departments only: an unknown id reads empty cells, but is not shown as a row.
      if (departmentId !== undefined && !names.has(departmentId)) throw notFound('department');
      const deptRows: (string | null)[] = departmentId !== undefined ? [departmentId] : [...departments.map((d) => d.id), null];
      const levelRows: (string | null)[] = level !== undefined ? [level] : [...LEVELS, null];
      const weeks = lastWeeks(deps.now(), 12);
      const group = (d: string | null | undefined, l: string | null | undefined) => ({
        completion: cellId(completionKey({ tenantId: t, departmentId: d, level: l })),
        result: cellId(resultKey({ tenantId: t, departmentId: d, level: l })),
        goal: cellId(goalKey({ tenantId: t, departmentId: d, level: l })),
      });
      const top = group(departmentId, level);
      const byDept = deptRows.map((d) => ({ d, ids: group(d, level) }));
      const byLevel = levelRows.map((l) => ({ l, ids: group(departmentId, l) }));
      const skillsId = cellId(skillSumKey({ tenantId: t, departmentId, level }));
      const trendIds = weeks.map((week) => cellId(resultKey({ tenantId: t, departmentId, level, week })));
      const cells = await readCells(db, [
        ...Object.values(top),
        ...byDept.flatMap((x) => Object.values(x.ids)),
        ...byLevel.flatMap((x) => Object.values(x.ids)),
        skillsId,
        ...trendIds,
      ]);
      const cell = (id: string) => cells.get(id) ?? {};
      const row = (ids: ReturnType<typeof group>) => {
        const r = resultStats(cell(ids.result));
        return {
          completion: completionStats(cell(ids.completion)),
          results: { count: r.count, passRate: r.passRate, mean: r.score.mean },
          goals: goalStats(cell(ids.goal)),
        };
      };
      const hasData = (x: ReturnType<typeof row>) => x.completion.assigned > 0 || x.results.count > 0 || x.goals.total > 0;
      return c.json(
        {
          filter: { ...(departmentId !== undefined ? { departmentId } : {}), ...(level !== undefined ? { level } : {}) },
          completion: completionStats(cell(top.completion)),
          results: resultStats(cell(top.result)),
          goals: goalStats(cell(top.goal)),
          byDepartment: byDept
            .map(({ d, ids }) => ({ departmentId: d, name: d === null ? null : (names.get(d) ?? null), ...row(ids) }))
            .filter((x) => x.departmentId !== null || hasData(x)),
          byLevel: byLevel.map(({ l, ids }) => ({ level: l, ...row(ids) })).filter(hasData),
          bySkill: skillSumStats(cell(skillsId)).map((s) => ({ skill: s.skill, count: s.count, answered: s.answered, percent: s.percent })),
          trend: weeks.map((week, i) => {
            const s = resultStats(cell(trendIds[i]!));
            return { week, count: s.count, mean: s.score.mean, passRate: s.passRate };
          }),
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/reports/skill-gaps',
      roles: LEADS,
      tags: ['reports'],
      summary: 'Skill-gap heatmap, department × skill or level × skill, from maintained standings (managers: their department)',
      request: { query: skillGapsQuery },
      responses: { 200: json(skillGapHeatmapSchema, 'Rows × skills'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const { by } = c.req.valid('query');
      const scope = await scopeOf(db, auth, undefined);
      const t = auth.tenantId;
      const [framework, departments] = await Promise.all([getFramework<SkillFramework>(db), listDepartments(db)]);
      const skills = framework ? frameworkSkills(framework.framework) : [];
      const skillIds = skills.map((s) => s.id);
      const names = new Map(departments.map((d) => [d.id, d.name]));
      const keys: (string | null)[] =
        by === 'department' ? (scope !== undefined ? [scope] : [...departments.map((d) => d.id), null]) : [...LEVELS, null];
      const rowId = (k: string | null) =>
        cellId(gapKey(by === 'department' ? { tenantId: t, departmentId: k } : { tenantId: t, departmentId: scope, level: k }));
      const totalId = cellId(gapKey({ tenantId: t, departmentId: scope }));
      const cells = await readCells(db, [...keys.map(rowId), totalId]);
      const present = (counters: Counters) => {
        const g = gapStats(counters, skillIds);
        return {
          people: g.people,
          cells: g.skills.map((s) => ({
            skillId: s.skillId,
            people: s.users,
            assessed: s.assessed,
            meanCurrent: s.meanCurrent,
            meanRequired: s.meanRequired,
            meanGap: s.meanGap,
            below: s.withGap,
          })),
        };
      };
      return c.json(
        {
          by,
          skills: skills.map((s) => ({ id: s.id, name: s.name })),
          rows: keys
            .map((k) => ({
              key: k,
              name: by === 'department' && k !== null ? (names.get(k) ?? null) : null,
              ...present(cells.get(rowId(k)) ?? {}),
            }))
            .filter((r) => r.people > 0 || (by === 'department' && r.key !== null)),
          total: present(cells.get(totalId) ?? {}),
        },
        200,
      );
    },
  );
}
