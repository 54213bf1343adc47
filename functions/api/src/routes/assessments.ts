import { requireFeature } from '../services/entitlements.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { isId, audienceOf, matchesAudience, randomId, type Role } from '@manabi/core';
import { offeredTo } from '@manabi/upskilling';
import { assessmentInputSchema, type AssessmentInput } from '@manabi/assessment';
import {
  createAssessment,
  getAssessment,
  getLearnerProgressMany,
  getUser,
  listAssessments,
  publishAssessment,
  saveAssessment,
  type AssessmentRecord,
  type LearnerProgress,
} from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError, notFound, validationError } from '../errors.js';
import { conflictResponse, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { assessmentListSchema, assessmentReadSchema, assessmentSaveBodySchema, assessmentSchema, idParams } from '@manabi/contract';
import { buildSnapshot } from '../services/assessment-publish.js';
import { checkAudience } from '../services/audience.js';
import { assessmentsAssignedTo } from '../services/packages.js';

const HR: readonly Role[] = ['tenant_admin'];
const TAKERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];
type Assessment = AssessmentRecord<AssessmentInput>;

export const presentAssessment = (a: Assessment) => ({
  id: a.id,
  ...a.settings,
  status: a.status,
  publishedVersion: a.publishedVersion,
  questionCount: a.questionCount,
  audience: audienceOf(a.settings.audience),
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

const summary = (a: Assessment, p: LearnerProgress | undefined) => ({
  id: a.id,
  title: a.settings.title,
  mode: a.settings.mode,
  status: a.status,
  questionCount: a.questionCount,
  maxItems: a.settings.mode === 'adaptive' ? a.settings.adaptive!.maxItems : null,
  timeLimitMinutes: a.settings.timeLimitMinutes,
  attemptsAllowed: a.settings.attemptsAllowed,
  attemptsUsed: p?.attemptsUsed ?? 0,
  passMark: a.settings.passMark,
  dueAt: a.settings.dueAt,
  inProgressAttemptId: p?.inProgressAttemptId ?? null,
  audience: audienceOf(a.settings.audience),
});

function parseSettings(body: unknown): AssessmentInput {
  const parsed = assessmentInputSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export function registerAssessmentRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  /** An assessment of the caller's tenant; learners see only published ones (a draft is a 404 to them). */
  const load = async (tenantId: string, id: string, role: Role): Promise<Assessment> => {
    const a = isId(id) ? await getAssessment<AssessmentInput>(deps.data.clientFor({ tenantId }), id) : null;
    if (!a || (role !== 'tenant_admin' && a.status !== 'published')) throw notFound('assessment');
    return a;
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/assessments',
      roles: TAKERS,
      tags: ['assessments'],
      summary: 'Assessments (HR: all; others: published), with the caller’s attempts used and unfinished attempt',
      responses: { 200: json(assessmentListSchema, 'Assessments, newest first'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const all = (await listAssessments<AssessmentInput>(db)).filter((a) => auth.role === 'tenant_admin' || a.status === 'published');
      const [progress, me] = await Promise.all([
        getLearnerProgressMany(
          db,
          auth.userId,
          all.map((a) => a.id),
        ),
        auth.role === 'tenant_admin' ? null : getUser(db, auth.userId),
      ]);
      if (auth.role === 'tenant_admin') return c.json({ items: all.map((a) => summary(a, progress.get(a.id))) }, 200);
      // A learner sees the tests meant for them, those assigned to them (through a package) and
      // those already started, whatever their audience. Filtered in memory: a company has tens of tests.
      const person = { level: me?.level ?? null, departmentId: me?.departmentId ?? null, jobRole: me?.jobRole ?? null };
      const started = (id: string) => (progress.get(id)?.attemptsUsed ?? 0) > 0 || !!progress.get(id)?.inProgressAttemptId;
      const outside = all.some((a) => !started(a.id) && !matchesAudience(a.settings.audience, person));
      const assigned = outside ? await assessmentsAssignedTo(deps, db, auth.userId) : new Set<string>();
      const offered = offeredTo(
        all,
        person,
        (a) => a.settings.audience,
        (a) => started(a.id) || assigned.has(a.id),
      );
      return c.json({ items: offered.map((a) => summary(a, progress.get(a.id))) }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/assessments',
      roles: HR,
      tags: ['assessments'],
      summary: 'Create an assessment (draft): fixed form (questions and exact draws per skill) or adaptive (IRT)',
      request: { body: jsonBody(assessmentInputSchema) },
      responses: { 201: json(assessmentSchema, 'Created'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const db = deps.data.clientFor(c.get('auth'));
      const settings = parseSettings(c.req.valid('json'));
      await checkAudience(deps, c.get('auth'), settings.audience);
      if (settings.mode === 'adaptive') await requireFeature(deps, db.tenantId, 'adaptive');
      const a = await createAssessment(db, randomId(), settings, deps.now().toISOString());
      return c.json(presentAssessment(a), 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/assessments/{id}',
      roles: TAKERS,
      tags: ['assessments'],
      summary: 'One assessment',
      request: { params: idParams },
      responses: { 200: json(assessmentReadSchema, 'The assessment (HR), or its summary (takers)'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const a = await load(auth.tenantId, c.req.valid('param').id, auth.role);
      if (auth.role === 'tenant_admin') return c.json(presentAssessment(a), 200);
      // Takers see what the test is, not how it is built (no question ids or banks).
      const progress = await getLearnerProgressMany(deps.data.clientFor(auth), auth.userId, [a.id]);
      return c.json(summary(a, progress.get(a.id)), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/assessments/{id}',
      roles: HR,
      tags: ['assessments'],
      summary: 'Change a draft assessment (a published one is republished after changes)',
      request: { params: idParams, body: jsonBody(assessmentSaveBodySchema) },
      responses: {
        200: json(assessmentSchema, 'Saved'),
        409: conflictResponse('stale: the assessment was changed at the same time; read it again'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const a = await load(auth.tenantId, c.req.valid('param').id, auth.role);
      const settings = parseSettings(c.req.valid('json'));
      await checkAudience(deps, auth, settings.audience);
      if (settings.mode === 'adaptive') await requireFeature(deps, auth.tenantId, 'adaptive');
      if (a.status === 'published' && settings.mode !== a.settings.mode) {
        throw new ApiError(400, 'validation_error', 'validation_error.mode_locked', [{ path: 'mode', message: 'field.mode_locked' }]);
      }
      return c.json(presentAssessment(await saveAssessment(db, a, { settings }, deps.now().toISOString())), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/assessments/{id}/publish',
      roles: HR,
      tags: ['assessments'],
      summary: 'Publish: freeze the question pool; refused when draw rules cannot be met exactly',
      request: { params: idParams },
      responses: {
        200: json(assessmentSchema, 'Published'),
        409: conflictResponse('stale: the assessment was changed at the same time; read it again'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const db = deps.data.clientFor(auth);
      const a = await load(auth.tenantId, c.req.valid('param').id, auth.role);
      if (a.settings.mode === 'adaptive') await requireFeature(deps, auth.tenantId, 'adaptive');
      const version = (a.publishedVersion ?? 0) + 1;
      const { snapshot, questionCount } = await buildSnapshot(deps.data.platform, auth.tenantId, a.settings, version);
      return c.json(presentAssessment(await publishAssessment(db, a, snapshot, questionCount, deps.now().toISOString())), 200);
    },
  );
}
