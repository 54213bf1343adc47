import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Role } from '@manabi/core';
import { skillFrameworkSchema, type SkillFramework } from '@manabi/upskilling';
import { getFramework, saveFramework } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { notFound, validationError } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { errorSchema, skillFrameworkBodySchema, skillFrameworkDocumentSchema } from '@manabi/contract';

const HR: readonly Role[] = ['tenant_admin'];
const MEMBERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];
export function registerSkillRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/skills/framework',
      roles: MEMBERS,
      tags: ['skills'],
      summary: 'The company’s skill framework (seeded at signup; HR can edit it)',
      responses: { 200: json(skillFrameworkDocumentSchema, 'The framework'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const stored = await getFramework<SkillFramework>(deps.data.clientFor(c.get('auth')));
      if (!stored) throw notFound('skill_framework');
      return c.json(stored, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/skills/framework',
      roles: HR,
      tags: ['skills'],
      summary: 'Replace the skill framework (whole document, guarded by expectedRev)',
      request: { body: jsonBody(skillFrameworkBodySchema) },
      responses: { 200: json(skillFrameworkDocumentSchema, 'Saved'), 409: json(errorSchema, 'Changed meanwhile'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const parsed = skillFrameworkSchema.safeParse(body.framework);
      if (!parsed.success) throw validationError(parsed.error, 'framework');
      return c.json(await saveFramework(deps.data.clientFor(c.get('auth')), parsed.data, body.expectedRev, deps.now().toISOString()), 200);
    },
  );
}
