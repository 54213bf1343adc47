import type { OpenAPIHono } from '@hono/zod-openapi';
import { isId, type Role } from '@manabi/core';
import type { AssessmentInput } from '@manabi/assessment';
import { getAssessment, getLearnerProgress, listAttemptsOfUser } from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { answerBodySchema, answerResponseSchema, attemptViewSchema, errorSchema, idParams, myAttemptsSchema } from '@manabi/contract';
import {
  answerFeedback,
  answerItem,
  attemptView,
  finishAttempt,
  loadOwn,
  publishedVersion,
  startOrResume,
  expireIfDue,
  type AttemptContext,
} from '../services/attempts.js';

const TAKERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];
export function registerAttemptRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const ctxOf = (auth: AuthClaims): AttemptContext => ({ deps, auth, db: deps.data.clientFor(auth) });
  /** The attempt's own published version of its assessment (cached: it never changes). */
  const versionOf = (ctx: AttemptContext, attempt: { assessmentId: string; assessmentVersion: number }) =>
    publishedVersion(ctx, attempt.assessmentId, attempt.assessmentVersion);

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/assessments/{id}/attempts',
      roles: TAKERS,
      tags: ['attempts'],
      summary: 'Start an attempt (or get back the unfinished one)',
      request: { params: idParams },
      responses: {
        200: json(attemptViewSchema, 'Unfinished attempt'),
        201: json(attemptViewSchema, 'Started'),
        409: json(errorSchema, 'No attempts left'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const ctx = ctxOf(c.get('auth'));
      const { id } = c.req.valid('param');
      if (!isId(id)) throw notFound('assessment');
      // The two reads of the start path go out together.
      const [a, progress] = await Promise.all([
        getAssessment<AssessmentInput>(ctx.db, id),
        getLearnerProgress(ctx.db, ctx.auth.userId, id),
      ]);
      if (!a || a.status !== 'published') throw notFound('assessment');
      const { attempt, created } = await startOrResume(ctx, a, progress);
      const view = await attemptView(ctx, await versionOf(ctx, attempt), attempt);
      return created ? c.json(view, 201) : c.json(view, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/attempts/{id}',
      roles: TAKERS,
      tags: ['attempts'],
      summary: 'One of my attempts (resume after a reload; closes it if its time is up)',
      request: { params: idParams },
      responses: { 200: json(attemptViewSchema, 'The attempt'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const ctx = ctxOf(c.get('auth'));
      const attempt = await loadOwn(ctx, c.req.valid('param').id);
      const pub = await versionOf(ctx, attempt);
      return c.json(await attemptView(ctx, pub, await expireIfDue(ctx, pub, attempt)), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/attempts/{id}/answers',
      roles: TAKERS,
      // The attempt is read with the access check, in one call (auth/first-read.ts).
      firstRead: 'attempt',
      tags: ['attempts'],
      summary: 'Answer the item being served (idempotent: the same answer again gives the same result)',
      request: {
        params: idParams,
        body: jsonBody(answerBodySchema),
      },
      responses: {
        200: json(answerResponseSchema, 'Recorded'),
        409: json(errorSchema, 'already_answered / not_current / attempt_closed'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const ctx = ctxOf(c.get('auth'));
      const { questionId, response } = c.req.valid('json');
      const attempt = await loadOwn(ctx, c.req.valid('param').id, c.get('firstRead'));
      const pub = await versionOf(ctx, attempt);
      const outcome = await answerItem(ctx, pub, attempt, questionId, response);
      return c.json(
        {
          answer: await answerFeedback(ctx, pub, questionId, outcome.correct, response),
          attempt: await attemptView(ctx, pub, outcome.attempt),
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/attempts/{id}/finish',
      roles: TAKERS,
      tags: ['attempts'],
      summary: 'Submit the attempt now (unanswered questions count as wrong)',
      request: { params: idParams },
      responses: { 200: json(attemptViewSchema, 'Finished'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const ctx = ctxOf(c.get('auth'));
      const attempt = await loadOwn(ctx, c.req.valid('param').id);
      const pub = await versionOf(ctx, attempt);
      return c.json(await attemptView(ctx, pub, await finishAttempt(ctx, pub, attempt)), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/attempts',
      roles: TAKERS,
      tags: ['attempts'],
      summary: 'My attempts, newest first',
      responses: {
        200: json(myAttemptsSchema, 'Attempts'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const ctx = ctxOf(c.get('auth'));
      const attempts = await listAttemptsOfUser(ctx.db, ctx.auth.userId);
      const titles = new Map<string, AssessmentInput['title'] | null>();
      for (const id of new Set(attempts.map((x) => x.assessmentId)))
        titles.set(id, (await getAssessment<AssessmentInput>(ctx.db, id))?.settings.title ?? null);
      return c.json(
        {
          items: attempts.map((x) => {
            const r = x.result as { score: number; passed: boolean; band: number } | null;
            return {
              id: x.id,
              assessmentId: x.assessmentId,
              title: titles.get(x.assessmentId) ?? null,
              status: x.status,
              startedAt: x.startedAt,
              finishedAt: x.finishedAt,
              result: r ? { score: r.score, passed: r.passed, band: r.band } : null,
            };
          }),
        },
        200,
      );
    },
  );
}
