import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Role } from '@manabi/core';
import type { AppDeps, AppEnv } from '../env.js';
import { conflictResponse, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { completeByLearner, recordHeartbeat, saveResume } from '../services/lesson-progress.js';

const MEMBERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];
const moduleId = z.string().regex(/^[a-z0-9-]{1,40}$/);
const moduleParams = z.object({
  packageId: z.string().openapi({ param: { name: 'packageId', in: 'path' } }),
  moduleId: z.string().openapi({ param: { name: 'moduleId', in: 'path' } }),
});
const packageParams = z.object({ packageId: z.string().openapi({ param: { name: 'packageId', in: 'path' } }) });
const assignmentView = z.any().openapi('MyAssignmentView', { description: 'assignment + package + progress (with rules) + resume' });

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
      responses: { 200: json(assignmentView, 'Updated'), ...ERROR_RESPONSES },
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
        body: jsonBody(
          z.object({
            view: z
              .string()
              .regex(/^[A-Za-z0-9_-]{8,40}$/)
              .openapi({ description: 'One id per opening of the reader' }),
            seq: z.number().int().min(1).max(1_000_000).openapi({ description: 'The beat’s running number within the view' }),
          }),
        ),
      },
      responses: {
        409: conflictResponse('The lesson completes by another rule than viewing time (completed_by_read_to_end, …)'),
        200: json(
          z
            .object({
              moduleId: z.string(),
              viewedSeconds: z.number().int(),
              remainingMinutes: z.number().int(),
              done: z.boolean(),
              assignment: assignmentView.nullable(),
            })
            .openapi('Heartbeat'),
          'Viewing time so far',
        ),
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
        body: jsonBody(z.object({ moduleId, position: z.number().min(0).max(1) }).openapi('ResumeInput')),
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
