import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Role } from '@manabi/core';
import type { AppDeps, AppEnv } from '../env.js';
import { conflictResponse, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { heartbeatBodySchema, heartbeatSchema, moduleParams, myAssignmentSchema, packageParams, resumeBodySchema } from '@manabi/contract';
import { completeByLearner, recordHeartbeat, saveResume } from '../services/lesson-progress.js';

const MEMBERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];
/**
 * What the learner's reader reports while they learn: the end of a lesson reached, heartbeats
 * while a lesson is on screen, and where they stopped. The server decides what completes.
 */
export function registerLessonProgressRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/me/assignments/{packageId}/modules/{moduleId}/end-reached',
      roles: MEMBERS,
      tags: ['packages'],
      summary: 'The reader saw the end of a lesson: completes a lesson whose rule is reading to the end (409 for other rules)',
      request: { params: moduleParams },
      responses: { 200: json(myAssignmentSchema, 'Updated'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { packageId, moduleId } = c.req.valid('param');
      return c.json(await completeByLearner(deps, deps.data.clientFor(auth), auth.userId, packageId, moduleId, 'read_to_end'), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/me/assignments/{packageId}/modules/{moduleId}/heartbeat',
      roles: MEMBERS,
      tags: ['packages'],
      summary: 'A lesson is on screen: the server adds the time since the last beat (capped) and completes a viewing-time lesson when met',
      request: {
        params: moduleParams,
        body: jsonBody(heartbeatBodySchema),
      },
      responses: {
        409: conflictResponse('The lesson completes by another rule than viewing time (completed_by_read_to_end, …)'),
        200: json(heartbeatSchema, 'Viewing time so far'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { packageId, moduleId } = c.req.valid('param');
      return c.json(await recordHeartbeat(deps, deps.data.clientFor(auth), auth.userId, packageId, moduleId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/me/assignments/{packageId}/resume',
      roles: MEMBERS,
      tags: ['packages'],
      summary: 'Remember the module last opened and how far down its text the learner is (0–1), to continue from there',
      request: {
        params: packageParams,
        body: jsonBody(resumeBodySchema),
      },
      responses: { 204: { description: 'Saved' }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      await saveResume(deps, deps.data.clientFor(auth), auth.userId, c.req.valid('param').packageId, c.req.valid('json'));
      return c.body(null, 204);
    },
  );
}
