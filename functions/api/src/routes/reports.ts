import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { isId, LEVELS, type Role } from '@manabi/core';
import type { AssessmentInput, AssessmentSnapshot } from '@manabi/assessment';
import { cellId, resultKey, resultStats, skillKey, skillStats } from '@manabi/reports';
import { getAssessment, getAssessmentSnapshot } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import { readCell } from '../jobs/aggregate.js';

const HR: readonly Role[] = ['tenant_admin'];

/**
 * Assessment results from the maintained aggregates: one cell (plus one per skill) whatever the
 * number of attempts — no report reads raw attempts at request time.
 */
export function registerReportRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/reports/assessments/{id}',
      roles: HR,
      tags: ['reports'],
      summary: 'Results of an assessment (count, mean, SD, pass rate, histogram, bands, per skill), by department, level and week',
      request: {
        params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }),
        query: z.object({
          departmentId: z.string().max(40).optional(),
          level: z.enum(LEVELS).optional(),
          week: z.string().max(10).optional(),
        }),
      },
      responses: { 200: json(z.any().openapi('AssessmentReport'), 'The report'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const { id } = c.req.valid('param');
      const a = isId(id) ? await getAssessment<AssessmentInput>(db, id) : null;
      if (!a) throw notFound('Assessment');
      const q = { tenantId: auth.tenantId, assessmentId: a.id, ...c.req.valid('query') };
      const snapshot = a.publishedVersion ? await getAssessmentSnapshot<AssessmentSnapshot>(db, a.id, a.publishedVersion) : null;
      const skills = [...new Set((snapshot?.pool ?? []).flatMap((p) => p.skills))].sort((x, y) => x.localeCompare(y, 'ja'));
      const [overall, ...perSkill] = await Promise.all([
        readCell(db, cellId(resultKey(q))),
        ...skills.map((skill) => readCell(db, cellId(skillKey({ ...q, skill })))),
      ]);
      return c.json(
        {
          assessmentId: a.id,
          filter: c.req.valid('query'),
          results: resultStats(overall!),
          skills: skills.map((skill, i) => ({ skill, ...skillStats(perSkill[i]!) })).filter((s) => s.answered > 0),
        },
        200,
      );
    },
  );
}
