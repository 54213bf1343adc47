import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Role } from '@manabi/core';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { errorSchema, essayGradeBodySchema, essayGradingSchema, essayParams, essayQueueQuery, essayQueueSchema } from '@manabi/contract';
import type { AttemptContext } from '../services/attempts.js';
import { gradeEssayAnswerOf, gradingQueue, gradingView, regradeEssayAnswerOf } from '../services/essay-grading.js';

/** HR grades every essay of the company, a manager those of the people they lead. */
const GRADERS: readonly Role[] = ['tenant_admin', 'manager'];

export function registerEssayGradingRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const ctxOf = (auth: AuthClaims): AttemptContext => ({ deps, auth, db: deps.data.clientFor(auth) });

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/essay-grading',
      roles: GRADERS,
      tags: ['attempts'],
      summary: 'The essays waiting for my grading, oldest first (HR: the company; a manager: their people)',
      request: { query: essayQueueQuery },
      responses: { 200: json(essayQueueSchema, 'Queue'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await gradingQueue(ctxOf(c.get('auth')), c.req.valid('query').cursor ?? null), 200),
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/essay-grading/{attemptId}/{questionId}',
      roles: GRADERS,
      tags: ['attempts'],
      summary: 'One essay to grade (or graded): the question, rubric, graders’ notes and the learner’s text',
      request: { params: essayParams },
      responses: { 200: json(essayGradingSchema, 'Essay'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { attemptId, questionId } = c.req.valid('param');
      return c.json(await gradingView(ctxOf(c.get('auth')), attemptId, questionId), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/essay-grading/{attemptId}/{questionId}/grade',
      roles: GRADERS,
      tags: ['attempts'],
      summary: 'Grade an essay: whole points per rubric criterion and a comment to the learner (once: a second grader gets 409)',
      request: { params: essayParams, body: jsonBody(essayGradeBodySchema) },
      responses: { 200: json(essayGradingSchema, 'Graded'), 409: json(errorSchema, 'essay_already_graded'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { attemptId, questionId } = c.req.valid('param');
      return c.json(await gradeEssayAnswerOf(ctxOf(c.get('auth')), attemptId, questionId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/essay-grading/{attemptId}/{questionId}/regrade',
      roles: GRADERS,
      tags: ['attempts'],
      summary: 'Regrade a graded essay (recorded with who and when; the attempt’s result is recomputed)',
      request: { params: essayParams, body: jsonBody(essayGradeBodySchema) },
      responses: {
        200: json(essayGradingSchema, 'Regraded'),
        409: json(errorSchema, 'essay_not_graded / essay_changed'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { attemptId, questionId } = c.req.valid('param');
      return c.json(await regradeEssayAnswerOf(ctxOf(c.get('auth')), attemptId, questionId, c.req.valid('json')), 200);
    },
  );
}
