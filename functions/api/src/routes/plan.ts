import { entitledCatalog } from '../services/entitlements.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Role } from '@manabi/core';
import {
  currentProficiencyBySkill,
  offeredTo,
  packageProgress,
  recommend,
  scheduleWeeks,
  skillGaps,
  type CatalogModule,
  type LearningPackage,
  type SkillFramework,
} from '@manabi/upskilling';
import {
  getFramework,
  getLearnerBudget,
  getLearningSettings,
  getPackage,
  putLearnerBudget,
  getUser,
  listAssignmentsOfUser,
  listPackages,
  listProficiencyEntries,
  passedAssessments,
  type PackageRecord,
} from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import { learningBudgetSchema, learningPlanSchema } from '@manabi/contract';
import { todayInJapan, toDomainEntry } from '../services/skill-standing.js';

const MEMBERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];

/**
 * The learner's plan: assigned modules laid out week by week within the weekly time budget
 * (earliest due first), then recommendations from their largest skill gaps and weakest latest
 * results, each with its reason.
 */
export function registerPlanRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/plan',
      roles: MEMBERS,
      tags: ['packages'],
      summary: 'My learning plan by week within my time budget, what is late, and recommendations with reasons',
      responses: { 200: json(learningPlanSchema, 'The plan'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const tenantOwner = { kind: 'tenant' as const, tenantId: auth.tenantId };
      const [me, settings, ownBudget, assignments, framework, entries, own, catalog] = await Promise.all([
        getUser(db, auth.userId),
        getLearningSettings(db),
        getLearnerBudget(db, auth.userId),
        listAssignmentsOfUser(db, auth.userId),
        getFramework<SkillFramework>(db),
        listProficiencyEntries(db, auth.userId),
        listPackages<LearningPackage>(deps.data.platform, tenantOwner),
        entitledCatalog(deps, auth.tenantId),
      ]);
      if (!me || !framework) throw notFound('user');
      const today = todayInJapan(deps.now());
      const packages = new Map<string, PackageRecord<LearningPackage>>([...own, ...catalog].map((p) => [p.id, p]));
      for (const a of assignments) {
        if (!packages.has(a.packageId)) {
          const p = await getPackage<LearningPackage>(deps.data.platform, tenantOwner, a.packageId);
          if (p) packages.set(p.id, p);
        }
      }

      // Assigned modules with their state.
      const titles = new Map<string, { title: LearningPackage['title']; packageId: string; moduleId: string; moduleKind: string }>();
      const assigned = [];
      const assignedContent = new Set<string>();
      for (const a of assignments) {
        const pkg = packages.get(a.packageId)?.package;
        if (!pkg) continue;
        const quizIds = pkg.modules.flatMap((m) => (m.kind === 'quiz' && m.assessmentId ? [m.assessmentId] : []));
        const progress = packageProgress(pkg, a.completions, await passedAssessments(db, me.id, quizIds), a.dueDate, today);
        for (const m of pkg.modules) {
          const id = `${a.packageId}:${m.id}`;
          assignedContent.add(contentKeyOf(packages.get(a.packageId)!, m));
          titles.set(id, { title: m.title, packageId: a.packageId, moduleId: m.id, moduleKind: m.kind });
          assigned.push({
            id,
            title: m.title.ja ?? m.title.en ?? m.id,
            estimatedMinutes: m.estimatedMinutes,
            dueDate: a.dueDate,
            assignedAt: a.assignedAt,
            done: progress.modules.find((x) => x.moduleId === m.id)?.done ?? false,
          });
        }
      }

      // Recommendations from gaps and latest results, over every package module that builds a skill.
      const current = currentProficiencyBySkill(entries.map(toDomainEntry), { today });
      const gaps = me.level ? skillGaps(framework.framework, me.level, me.jobRole, current) : [];
      const latest = new Map<string, { skill: string; percent: number; date: string }>();
      for (const e of entries) {
        if (e.source !== 'assessment' || e.percent === undefined) continue;
        const prev = latest.get(e.skillId);
        if (!prev || prev.date <= e.date) latest.set(e.skillId, { skill: e.skillId, percent: e.percent, date: e.date });
      }
      // Only packages meant for this learner are suggested (what was assigned is in the plan already).
      const modules: CatalogModule[] = [];
      for (const p of offeredTo([...packages.values()], me, (x) => x.package.audience)) {
        for (const m of p.package.modules) {
          if (m.kind !== 'lesson' && m.kind !== 'quiz') continue;
          const id = `${p.id}:${m.id}`;
          if (!titles.has(id)) titles.set(id, { title: m.title, packageId: p.id, moduleId: m.id, moduleKind: m.kind });
          modules.push({
            id,
            title: { ja: m.title.ja ?? m.title.en ?? '', en: m.title.en ?? m.title.ja ?? '' },
            skills: m.skillTags,
            estimatedMinutes: m.estimatedMinutes,
            level: p.package.level,
            contentKey: contentKeyOf(p, m),
          });
        }
      }
      // Modules assigned (in any package) are not suggested again, whichever copy they are in.
      const assignedTitles = new Set(assigned.map((x) => x.title));
      const candidates = modules.filter((m) => !assignedTitles.has(m.title.ja));
      const recommendations = me.level
        ? recommend(gaps, [...latest.values()], candidates, [...assigned.map((x) => x.id), ...assignedContent], { level: me.level })
        : [];

      // With auto-add on (a company setting), recommendations are scheduled into the weeks;
      // otherwise they are offered beside the plan for the learner to pick.
      const weeklyBudgetMinutes = ownBudget ?? settings.weeklyBudgetMinutes;
      const plan = scheduleWeeks({
        assigned,
        recommendations: settings.autoAddRecommendations
          ? recommendations.map((r) => ({ id: r.moduleId, estimatedMinutes: r.estimatedMinutes, priority: r.priority }))
          : [],
        today,
        weeklyBudgetMinutes,
      });
      const reasons = new Map(recommendations.map((r) => [r.moduleId, r]));
      const describe = (id: string) => ({
        ...titles.get(id),
        reason: reasons.get(id)?.reasonText ?? null,
        reasons: reasons.get(id)?.reasonTexts ?? [],
      });
      return c.json(
        {
          weeklyBudgetMinutes,
          budgetSource: ownBudget === null ? ('company' as const) : ('mine' as const),
          recommendationsScheduled: settings.autoAddRecommendations,
          level: me.level,
          weeks: plan.weeks.map((w) => ({ ...w, items: w.items.map((i) => ({ ...i, ...describe(i.id) })) })),
          // Their own reason (overdue / over_budget, too_long / no_capacity) wins over the recommendation's.
          late: plan.late.map((l) => ({ ...describe(l.id), ...l })),
          unscheduled: plan.unscheduled.map((u) => ({ ...describe(u.id), ...u })),
          recommendations: recommendations.map((r) => ({
            ...describe(r.moduleId),
            id: r.moduleId,
            skillId: r.skillId,
            estimatedMinutes: r.estimatedMinutes,
            reasonText: r.reasonText,
            reasons: r.reasonTexts,
          })),
        },
        200,
      );
    },
  );
}

/**
 * What a module is, whichever package holds it: in a company's clone, the module of the package
 * it was copied from (the clone's quiz became an assessment of its own, but is the same quiz);
 * else a quiz is its assessment (two packages may use one) and any other module itself.
 */
function contentKeyOf(p: PackageRecord<LearningPackage>, m: LearningPackage['modules'][number]): string {
  if (p.clonedFrom) return `${p.clonedFrom}:${m.id}`;
  if (m.kind === 'quiz' && m.assessmentId) return `assessment:${m.assessmentId}`;
  return `${p.id}:${m.id}`;
}

export function registerLearnerPrefsRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/me/learning-budget',
      roles: MEMBERS,
      tags: ['packages'],
      summary: 'Set my weekly learning time (null: use the company default)',
      request: {
        body: {
          required: true,
          content: { 'application/json': { schema: learningBudgetSchema } },
        },
      },
      responses: { 200: json(learningBudgetSchema, 'Saved'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { weeklyBudgetMinutes } = c.req.valid('json');
      await putLearnerBudget(deps.data.clientFor(auth), auth.userId, weeklyBudgetMinutes, deps.now().toISOString());
      return c.json({ weeklyBudgetMinutes }, 200);
    },
  );
}
