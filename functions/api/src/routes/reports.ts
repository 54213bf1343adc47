import { assessmentTitles } from '../services/assessment-titles.js';
import { requireFeature } from '../services/entitlements.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { isId, type Role } from '@manabi/core';
import type { AssessmentInput, AssessmentSnapshot } from '@manabi/assessment';
import { cellId, resultKey, resultStats, skillKey, skillStats } from '@manabi/reports';
import { frameworkSkills, type Goal, type LearningPackage, type SkillFramework } from '@manabi/upskilling';
import { stream } from 'hono/streaming';
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS } from '../csv-options.js';
import { localeSchema } from '@manabi/core';
import {
  attemptPagesOfAssessment,
  getAssessment,
  getAssessmentSnapshot,
  getFramework,
  getPackage,
  getUser,
  listAssignmentsOfUser,
  listAttemptsOfUser,
  listDepartments,
  listGoalsOfUser,
  listProficiencyEntries,
  type UserRecord,
} from '@manabi/data';
import { personInReach } from '../services/access.js';
import type { AppDeps, AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import {
  assessmentReportQuery,
  assessmentReportSchema,
  assessmentTrendQuery,
  assessmentTrendSchema,
  idParams,
  learnerHistorySchema,
} from '@manabi/contract';
import { readCell } from '../jobs/aggregate.js';
import { lastWeeks } from './report-overview.js';
import { presentAssignment } from '../services/packages.js';
import { reportResult } from '../services/result-views.js';

const HR: readonly Role[] = ['tenant_admin'];
const LEADS: readonly Role[] = ['tenant_admin', 'manager'];

/**
 * Assessment results from the maintained aggregates: one cell (plus one per skill) whatever the
 * number of attempts — no report reads raw attempts at request time.
 */
export function registerReportRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/reports/assessments/{id}',
      roles: LEADS,
      tags: ['reports'],
      summary: 'Results of an assessment (count, mean, SD, pass rate, histogram, bands, per skill), by department, level and week',
      request: {
        params: idParams,
        query: assessmentReportQuery,
      },
      responses: { 200: json(assessmentReportSchema, 'The report'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const { id } = c.req.valid('param');
      const a = isId(id) ? await getAssessment<AssessmentInput>(db, id) : null;
      if (!a) throw notFound('assessment');
      const query = { ...c.req.valid('query') };
      // A manager sees their own department only, whatever they ask for.
      if (auth.role === 'manager') {
        const me = await getUser(db, auth.userId);
        if (!me?.departmentId) throw notFound('department');
        query.departmentId = me.departmentId;
      }
      const q = { tenantId: auth.tenantId, assessmentId: a.id, ...query };
      const snapshot = a.publishedVersion ? await getAssessmentSnapshot<AssessmentSnapshot>(db, a.id, a.publishedVersion) : null;
      const skills = [...new Set((snapshot?.pool ?? []).flatMap((p) => p.skills))].sort((x, y) => x.localeCompare(y, 'ja'));
      const [overall, ...perSkill] = await Promise.all([
        readCell(db, cellId(resultKey(q))),
        ...skills.map((skill) => readCell(db, cellId(skillKey({ ...q, skill })))),
      ]);
      return c.json(
        {
          assessmentId: a.id,
          filter: query,
          results: resultStats(overall!),
          skills: skills.map((skill, i) => ({ skill, ...skillStats(perSkill[i]!) })).filter((s) => s.answered > 0),
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/reports/assessments/{id}/results.csv',
      roles: HR,
      tags: ['reports'],
      summary: 'Every attempt of an assessment as CSV (UTF-8 with BOM for Excel in Japan), streamed page by page',
      request: {
        params: idParams,
        query: z.object({ locale: localeSchema.default('ja') }),
      },
      responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const { id } = c.req.valid('param');
      const { locale } = c.req.valid('query');
      await requireFeature(deps, auth.tenantId, 'reportsExport');
      const a = isId(id) ? await getAssessment<AssessmentInput>(db, id) : null;
      if (!a) throw notFound('assessment');
      const snapshot = a.publishedVersion ? await getAssessmentSnapshot<AssessmentSnapshot>(db, a.id, a.publishedVersion) : null;
      const skills = [...new Set((snapshot?.pool ?? []).flatMap((p) => p.skills))].sort((x, y) => x.localeCompare(y, 'ja'));
      const departments = new Map((await listDepartments(db)).map((d) => [d.id, d.name]));
      const users = new Map<string, UserRecord | null>();
      const header =
        locale === 'ja'
          ? [
              '受験ID',
              '氏名',
              'メールアドレス',
              '部署',
              '階層',
              '状態',
              '開始',
              '終了',
              '得点',
              '合否',
              '習熟度',
              'θ',
              'SE',
              'スケールスコア',
              '所要時間（秒）',
              ...skills.map((s) => `${s}（%）`),
            ]
          : [
              'attempt_id',
              'name',
              'email',
              'department',
              'level',
              'status',
              'started_at',
              'finished_at',
              'score',
              'passed',
              'band',
              'theta',
              'se',
              'scaled_score',
              'seconds',
              ...skills.map((s) => `${s} (%)`),
            ];
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="results-${a.id}.csv"`);
      return stream(c, async (out) => {
        await out.write(`\uFEFF${stringify([header], CSV_OPTIONS)}`);
        for await (const page of attemptPagesOfAssessment(db, a.id)) {
          const rows = [];
          for (const x of page) {
            if (!users.has(x.userId)) users.set(x.userId, await getUser(db, x.userId));
            const u = users.get(x.userId);
            const r = x.result as {
              score: number;
              passed: boolean;
              band: number;
              theta: number | null;
              se?: number | null;
              scaledScore?: number | null;
              timeTakenSeconds: number;
              bySkill: { skill: string; percent: number }[];
            } | null;
            rows.push([
              x.id,
              u?.name ?? '',
              u?.email ?? '',
              u?.departmentId ? (departments.get(u.departmentId) ?? '') : '',
              u?.level ?? '',
              x.status,
              x.startedAt,
              x.finishedAt ?? '',
              r?.score ?? '',
              r ? (r.passed ? (locale === 'ja' ? '合格' : 'pass') : locale === 'ja' ? '不合格' : 'fail') : '',
              r?.band ?? '',
              r?.theta ?? '',
              r?.se ?? '',
              r?.scaledScore ?? '',
              r?.timeTakenSeconds ?? '',
              ...skills.map((s) => r?.bySkill.find((b) => b.skill === s)?.percent ?? ''),
            ]);
          }
          if (rows.length > 0) await out.write(stringify(rows, CSV_OPTIONS));
        }
      });
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/reports/learners/{id}',
      roles: ['tenant_admin', 'manager', 'learner'],
      tags: ['reports'],
      summary:
        'One learner’s history: attempts with results, proficiency evidence over time, goals, plan progress (HR; their manager; themselves)',
      request: { params: idParams },
      responses: { 200: json(learnerHistorySchema, 'History'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const user = await personInReach(db, auth, c.req.valid('param').id, true);
      const [attempts, evidence, goals, assignments, framework] = await Promise.all([
        listAttemptsOfUser(db, user.id, 200),
        listProficiencyEntries(db, user.id),
        listGoalsOfUser<Goal>(db, user.id),
        listAssignmentsOfUser(db, user.id),
        getFramework<SkillFramework>(db),
      ]);
      // Evidence stores skill ids; readers see the skill's name in their language.
      const skillNames = new Map(framework ? frameworkSkills(framework.framework).map((s) => [s.id, s.name]) : []);
      const plan = await Promise.all(
        assignments.map(async (x) => {
          const pkg =
            (await getPackage<LearningPackage>(deps.data.platform, { kind: 'tenant', tenantId: auth.tenantId }, x.packageId))?.package ??
            null;
          const view = await presentAssignment(deps, db, x, pkg);
          return {
            packageId: x.packageId,
            title: pkg?.title ?? {},
            level: pkg?.level ?? null,
            dueDate: x.dueDate,
            assignedAt: x.assignedAt,
            progress: view.progress && {
              done: view.progress.done,
              total: view.progress.total,
              percent: view.progress.percent,
              status: view.progress.status,
              overdue: view.progress.overdue,
            },
          };
        }),
      );
      const titles = await assessmentTitles(db, attempts);
      return c.json(
        {
          user: { id: user.id, name: user.name, departmentId: user.departmentId, level: user.level },
          attempts: attempts.map((x) => {
            return {
              id: x.id,
              assessmentId: x.assessmentId,
              title: titles.get(x.assessmentId) ?? null,
              status: x.status,
              startedAt: x.startedAt,
              finishedAt: x.finishedAt,
              // θ, SE and the scaled score for HR and managers; a learner reading their own history gets the band.
              result: reportResult(x.result, auth.role),
            };
          }),
          proficiency: [...evidence]
            .sort((x, y) => (x.date < y.date ? -1 : 1))
            .map((e) => ({
              skillId: e.skillId,
              skillName: skillNames.get(e.skillId) ?? null,
              source: e.source,
              date: e.date,
              percent: e.percent ?? null,
              band: e.band ?? null,
              value: e.value ?? null,
            })),
          goals: goals.map((g) => g.goal),
          assignments: plan,
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/reports/assessments/{id}/trend',
      roles: LEADS,
      tags: ['reports'],
      summary: 'Weekly trend of an assessment: attempts, mean score and pass rate per week (one cell per week)',
      request: {
        params: idParams,
        query: assessmentTrendQuery,
      },
      responses: { 200: json(assessmentTrendSchema, 'Weeks, oldest first'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const { id } = c.req.valid('param');
      const { weeks, ...filter } = c.req.valid('query');
      const a = isId(id) ? await getAssessment<AssessmentInput>(db, id) : null;
      if (!a) throw notFound('assessment');
      if (auth.role === 'manager') {
        const me = await getUser(db, auth.userId);
        if (!me?.departmentId) throw notFound('department');
        filter.departmentId = me.departmentId;
      }
      const mondays = lastWeeks(deps.now(), weeks);
      const cells = await Promise.all(
        mondays.map((week) => readCell(db, cellId(resultKey({ tenantId: auth.tenantId, assessmentId: a.id, ...filter, week })))),
      );
      return c.json(
        {
          filter,
          weeks: mondays.map((week, i) => {
            const stats = resultStats(cells[i]!);
            return { week, count: stats.count, mean: stats.score.mean, passRate: stats.passRate };
          }),
        },
        200,
      );
    },
  );
}
