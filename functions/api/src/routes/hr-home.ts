import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Role } from '@manabi/core';
import { frameworkSkills, type SkillFramework } from '@manabi/upskilling';
import {
  cellId,
  completionKey,
  completionStats,
  gapKey,
  gapMovementStats,
  gapStats,
  gapWeekKey,
  gapSummary,
  hasLearningData,
  lastMonths,
  onboardingChecklist,
  resultKey,
  resultStats,
  type Counters,
} from '@manabi/reports';
import { getFramework, getTenantAccount, listAssessments, listDepartments, usageOfTenant, type TenantDb } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import { hrHomeSchema } from '@manabi/contract';
import { readCell } from '../jobs/aggregate.js';
import { lastWeeks } from './report-overview.js';

async function readCells(db: TenantDb, ids: string[]): Promise<Map<string, Counters>> {
  const unique = [...new Set(ids)];
  const cells = await Promise.all(unique.map((id) => readCell(db, id)));
  return new Map(unique.map((id, i) => [id, cells[i]!]));
}

/**
 * HR's home: the getting-started checklist, read from the company's own state, and the figures HR
 * reads weekly. Every figure comes from a maintained aggregate cell or counter (a fixed number of
 * reads per department), never from attempts or assignments at request time.
 */
export function registerHrHomeRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/admin/home',
      roles: ['tenant_admin'] satisfies Role[],
      tags: ['reports'],
      summary: "HR's home: getting-started steps done so far, and the weekly KPIs from the report aggregates",
      responses: { 200: json(hrHomeSchema, 'Checklist and KPIs'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const t = auth.tenantId;
      const nowIso = deps.now().toISOString();
      const [lastWeek, thisWeek] = lastWeeks(deps.now(), 2) as [string, string];
      const [previousMonth, month] = lastMonths(nowIso, 2) as [string, string];
      const [departments, framework, assessments, account, usage, usageBefore] = await Promise.all([
        listDepartments(db),
        getFramework<SkillFramework>(db),
        listAssessments(db),
        getTenantAccount(deps.data.platform, t),
        usageOfTenant(db, month),
        usageOfTenant(db, previousMonth),
      ]);
      const completionId = (d?: string | null) => cellId(completionKey({ tenantId: t, departmentId: d }));
      const ids = {
        completion: completionId(),
        results: cellId(resultKey({ tenantId: t })),
        resultsThisWeek: cellId(resultKey({ tenantId: t, week: thisWeek })),
        resultsLastWeek: cellId(resultKey({ tenantId: t, week: lastWeek })),
        gaps: cellId(gapKey({ tenantId: t })),
        gapsThisWeek: cellId(gapWeekKey({ tenantId: t, week: thisWeek })),
        gapsLastWeek: cellId(gapWeekKey({ tenantId: t, week: lastWeek })),
      };
      const deptRows: (string | null)[] = [...departments.map((d) => d.id), null];
      const cells = await readCells(db, [...Object.values(ids), ...deptRows.map(completionId)]);
      const cell = (id: string) => cells.get(id) ?? {};
      const completion = completionStats(cell(ids.completion));
      const results = resultStats(cell(ids.results));
      const week = (id: string) => {
        const s = resultStats(cell(id));
        return { count: s.count, passRate: s.passRate };
      };
      const skillIds = framework ? frameworkSkills(framework.framework).map((s) => s.id) : [];
      const names = new Map(departments.map((d) => [d.id, d.name]));
      const checklist = onboardingChecklist({
        people: account?.seatsUsed ?? 0,
        frameworkRev: framework?.rev ?? null,
        assigned: completion.assigned,
        publishedAssessments: assessments.filter((a) => a.status === 'published').length,
        results: results.count,
      });
      return c.json(
        {
          checklist,
          hasData: hasLearningData({ assigned: completion.assigned, results: results.count }),
          kpis: {
            completion: {
              assigned: completion.assigned,
              completed: completion.completed,
              completedOnTime: completion.completedOnTime,
              onTimeRate: completion.onTimeRate,
              completionRate: completion.completionRate,
              overdue: completion.overdue,
            },
            overdueByDepartment: deptRows
              .map((d) => {
                const s = completionStats(cell(completionId(d)));
                return { departmentId: d, name: d === null ? null : (names.get(d) ?? null), assigned: s.assigned, overdue: s.overdue };
              })
              .filter((r) => r.overdue > 0)
              .sort((a, b) => b.overdue - a.overdue),
            passRate: {
              count: results.count,
              passRate: results.passRate,
              thisWeek: { week: thisWeek, ...week(ids.resultsThisWeek) },
              lastWeek: { week: lastWeek, ...week(ids.resultsLastWeek) },
            },
            skillGaps: {
              ...gapSummary(gapStats(cell(ids.gaps), skillIds)),
              thisWeek: { week: thisWeek, ...gapMovementStats(cell(ids.gapsThisWeek)) },
              lastWeek: { week: lastWeek, ...gapMovementStats(cell(ids.gapsLastWeek)) },
            },
            activeLearners: { month, count: usage.activeLearners, previousMonth, previous: usageBefore.activeLearners },
          },
        },
        200,
      );
    },
  );
}
