import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { isId, localeSchema, type Role } from '@manabi/core';
import { getImportJob, listImportJobs } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { BODY_LIMITS, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import { uploadFileSchema } from '@manabi/contract';
import { isStale, jobView, startUserImportJob } from '../services/user-import-job.js';

const HR: readonly Role[] = ['tenant_admin'];
const MAX_BYTES = 5 * 1024 * 1024;

const rowError = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });
const jobSchema = z
  .object({
    id: z.string(),
    kind: z.literal('users'),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    fileName: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    total: z.number().int().openapi({ description: 'Data rows in the file (0 until the worker has read it)' }),
    done: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    skipped: z.number().int(),
    errors: z.array(rowError).openapi({ description: 'Rows not imported, with the reason (the first 1,000)' }),
    errorCount: z.number().int(),
    newDepartments: z.array(z.string()),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .openapi('ImportJob');

const jobParams = z.object({ jobId: z.string().openapi({ param: { name: 'jobId', in: 'path' } }) });

/**
 * User imports as background jobs: the commit answers 202 with the job at once; the worker (in
 * process locally, a Lambda fed by the table's stream in the cloud) writes progress to the job.
 */
export function registerImportJobRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/import-jobs/users',
      bodyLimit: BODY_LIMITS.import,
      roles: HR,
      tags: ['users'],
      summary: 'Commit a user CSV as a background job: 202 with the job; poll it for progress and the per-row result',
      description:
        'The same file and checks as POST /api/users/import. Send an Idempotency-Key header: a retried request with the same ' +
        'key and file answers the same job (200) and imports nothing twice; the same key with another file is a 409.',
      request: {
        query: z.object({ locale: localeSchema.default('ja') }),
        headers: z.object({
          'idempotency-key': z
            .string()
            .min(8)
            .max(128)
            .regex(/^[\x21-\x7e]+$/)
            .optional(),
        }),
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                file: uploadFileSchema,
                sendInvites: z.enum(['true', 'false']).optional(),
              }),
            },
          },
        },
      },
      responses: {
        202: json(jobSchema, 'The job was created; the import runs in the background'),
        200: json(jobSchema, 'A job with this idempotency key already exists (nothing new was started)'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { locale } = c.req.valid('query');
      const key = c.req.valid('header')['idempotency-key'] ?? null;
      const length = Number(c.req.header('content-length') ?? 0);
      if (length > MAX_BYTES + 64 * 1024) throw fileError('validation_error.file_over_5mb');
      const form = await c.req.parseBody().catch(() => {
        throw fileError('validation_error.multipart_file');
      });
      const file = form.file;
      if (!(file instanceof File)) throw fileError('validation_error.multipart_file');
      if (file.size > MAX_BYTES) throw fileError('validation_error.file_over_5mb');
      const db = deps.data.clientFor(auth);
      const { job, created } = await startUserImportJob(
        deps,
        db,
        { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || 'users.csv' },
        { locale, sendInvites: form.sendInvites === 'true', actorUserId: auth.userId, idempotencyKey: key },
      );
      // Locally the server runs the job in process; in the cloud the job record's stream event does.
      if (created) deps.importJobs?.start({ tenantId: auth.tenantId, jobId: job.id });
      c.get('logger').info('import job', { jobId: job.id, created });
      return c.json(jobView(job), created ? 202 : 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/import-jobs/users',
      roles: HR,
      tags: ['users'],
      summary: 'The company’s latest user import jobs, newest first',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(20).default(5) }) },
      responses: { 200: json(z.object({ items: z.array(jobSchema) }), 'Latest jobs'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { limit } = c.req.valid('query');
      const jobs = await listImportJobs(deps.data.clientFor(c.get('auth')), limit);
      return c.json({ items: jobs.map(jobView) }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/import-jobs/users/{jobId}',
      roles: HR,
      tags: ['users'],
      summary: 'One user import job: status, rows done of total, counts and the rows not imported',
      request: { params: jobParams },
      responses: { 200: json(jobSchema, 'The job'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { jobId } = c.req.valid('param');
      const job = isId(jobId) ? await getImportJob(deps.data.clientFor(auth), jobId) : null;
      if (!job) throw notFound('import_job');
      // A local worker that died with its server is resumed when someone looks (the cloud retries by itself).
      if (isStale(job, deps.now())) deps.importJobs?.start({ tenantId: auth.tenantId, jobId: job.id });
      return c.json(jobView(job), 200);
    },
  );
}

const fileError = (key: 'validation_error.multipart_file' | 'validation_error.file_over_5mb') =>
  new ApiError(400, 'validation_error', key, [{ path: 'file', message: key }]);
