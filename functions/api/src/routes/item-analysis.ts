import type { OpenAPIHono } from '@hono/zod-openapi';
import { isId, type Role } from '@manabi/core';
import type { AssessmentInput, AssessmentSnapshot } from '@manabi/assessment';
import { calibrate2PL, type ItemAttempt, type ResponseMatrix } from '@manabi/irt';
import { questionSchema } from '@manabi/questions';
import {
  getAssessment,
  getAssessmentSnapshot,
  getQuestionHead,
  getQuestionVersion,
  listAttemptsOfAssessment,
  publishQuestion,
  saveQuestionVersion,
  type Owner,
} from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { calibrateBodySchema, calibrationReportSchema, idParams, itemStatisticsSchema } from '@manabi/contract';
import { questionMeta } from './questions.js';
import { readItemAnalysis } from '../jobs/aggregate.js';

const HR: readonly Role[] = ['tenant_admin'];
export function registerItemAnalysisRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const load = async (tenantId: string, id: string) => {
    const a = isId(id) ? await getAssessment<AssessmentInput>(deps.data.clientFor({ tenantId }), id) : null;
    if (!a) throw notFound('assessment');
    return a;
  };
  /** Finished attempts as item responses (the raw data, read only by these admin actions). */
  const responsesOf = async (tenantId: string, assessmentId: string) => {
    const attempts = (await listAttemptsOfAssessment(deps.data.clientFor({ tenantId }), assessmentId)).filter(
      // Closed with a result: an attempt still awaiting its essays' grades has no scores to analyse yet.
      (x) => x.status !== 'in_progress' && x.status !== 'awaiting_grading',
    );
    const rows: ItemAttempt[] = attempts.flatMap((x) =>
      x.answers.map((ans) => {
        const optionId = (ans.response as { optionId?: unknown }).optionId;
        return { personId: x.id, itemId: ans.questionId, correct: ans.correct, ...(typeof optionId === 'string' ? { optionId } : {}) };
      }),
    );
    return { attempts, rows };
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/assessments/{id}/statistics',
      roles: HR,
      tags: ['assessments'],
      summary: 'Item statistics (exposure, p-value, corrected point-biserial, distractor rates), maintained from the change stream',
      description: 'Read from the maintained item cells: one Query per shard, whatever the number of attempts.',
      request: { params: idParams },
      responses: { 200: json(itemStatisticsSchema, 'Statistics'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const a = await load(auth.tenantId, c.req.valid('param').id);
      const stats = await readItemAnalysis(deps.data.clientFor(auth), a.id);
      return c.json({ computedAt: deps.now().toISOString(), ...stats }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/assessments/{id}/calibrate',
      roles: HR,
      tags: ['assessments'],
      summary: 'Estimate 2PL parameters (marginal ML, EM) from the responses; items with too few keep their prior',
      description:
        'With apply=true, each calibrated question of the company gets a new version with source "calibrated" (republished if it was published). Catalog questions are reported, not changed.',
      request: {
        params: idParams,
        body: jsonBody(calibrateBodySchema),
      },
      responses: { 200: json(calibrationReportSchema, 'Per-item estimates and fit'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const a = await load(auth.tenantId, c.req.valid('param').id);
      const { minResponses, apply } = c.req.valid('json');
      if (a.publishedVersion === null) return c.json({ items: [], applied: 0, logLikelihood: null, iterations: 0, converged: false }, 200);
      const snapshot = (await getAssessmentSnapshot<AssessmentSnapshot>(db, a.id, a.publishedVersion))!;
      const { attempts } = await responsesOf(auth.tenantId, a.id);
      const items = snapshot.pool;
      const column = new Map(items.map((p, i) => [p.id, i]));
      const matrix: ResponseMatrix = attempts.map((x) => {
        const row: (0 | 1 | null)[] = items.map(() => null);
        for (const ans of x.answers) {
          const k = column.get(ans.questionId);
          if (k !== undefined) row[k] = ans.correct ? 1 : 0;
        }
        return row;
      });
      const result = calibrate2PL({ responses: matrix, priors: items.map((p) => ({ a: p.irt.a, b: p.irt.b, c: 0 })) }, { minResponses });
      let applied = 0;
      const now = deps.now().toISOString();
      const report = [];
      for (const [i, item] of result.items.entries()) {
        const ref = items[i]!;
        let note: string | null = null;
        // With little data an estimate can run off (near-perfect items): such values are reported, never applied.
        const plausible = item.a >= 0.2 && item.a <= 4 && Math.abs(item.b) <= 4;
        if (apply && item.calibrated && !plausible) note = 'estimate outside the plausible range (a 0.2–4, |b| ≤ 4): not applied';
        else if (apply && item.calibrated) {
          if (ref.owner !== 'tenant') note = `${ref.owner} question: not changed`;
          else {
            const owner: Owner = { kind: 'tenant', tenantId: auth.tenantId };
            const head = await getQuestionHead(deps.data.platform, owner, ref.id);
            const content = head ? await getQuestionVersion(deps.data.platform, owner, ref.id, head.latestVersion) : null;
            const parsed = content
              ? questionSchema.safeParse({
                  ...(content as object),
                  irt: { a: round(item.a), b: round(item.b), c: 0, source: 'calibrated' },
                })
              : null;
            if (head && parsed?.success) {
              const saved = await saveQuestionVersion(
                deps.data.platform,
                owner,
                head,
                head.latestVersion,
                questionMeta(parsed.data),
                parsed.data,
                now,
              );
              if (head.status === 'published') await publishQuestion(deps.data.platform, owner, saved, now);
              applied += 1;
            } else note = 'question changed or invalid: not updated';
          }
        }
        report.push({
          questionId: ref.id,
          responses: item.responses,
          calibrated: item.calibrated,
          reason: item.reason ?? null,
          prior: ref.irt,
          a: round(item.a),
          b: round(item.b),
          se: item.se,
          rmsd: round(item.rmsd),
          note,
        });
      }
      return c.json(
        { items: report, applied, logLikelihood: round(result.logLikelihood), iterations: result.iterations, converged: result.converged },
        200,
      );
    },
  );
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
