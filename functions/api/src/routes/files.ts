import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { FILE_KINDS, isId, type Role } from '@manabi/core';
import { getAssignment, getPackage } from '@manabi/data';
import type { LearningPackage } from '@manabi/upskilling';
import type { AppDeps, AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { authorOwner } from '../services/content-owner.js';
import { completeUpload, filesOfPackage, linksFor, listOwnFiles, readableFileOwners, removeFile, startUpload } from '../services/files.js';

/** Who uploads lesson files: HR for its company, a vendor admin for its vendor (as for packages). */
const AUTHORS: readonly Role[] = ['tenant_admin', 'vendor_admin'];
const MEMBERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];

export const lessonFileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(FILE_KINDS).nullable(),
    contentType: z.string().nullable(),
    size: z.number().int(),
    status: z.enum(['pending', 'ready']),
    uploadedBy: z.string(),
    createdAt: z.string(),
    url: z.string().nullable().openapi({ description: 'A signed URL serving the file until it expires (ready files)' }),
  })
  .openapi('LessonFile');
const fileList = z.object({ items: z.array(lessonFileSchema) }).openapi('LessonFileList');
const idParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

/** The owner an author's files belong to (the catalog has no uploads: authors are companies or vendors). */
const fileOwner = (auth: Parameters<typeof authorOwner>[0]) =>
  authorOwner(auth) as Exclude<ReturnType<typeof authorOwner>, { kind: 'catalog' }>;

export function registerFileRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/files',
      roles: AUTHORS,
      tags: ['files'],
      summary: 'Uploaded lesson files of the company (or the vendor), newest first, each with a signed URL',
      responses: { 200: json(fileList, 'Files'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json({ items: await listOwnFiles(deps, fileOwner(c.get('auth'))) }, 200),
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/files',
      roles: AUTHORS,
      tags: ['files'],
      summary: 'Start an upload: a pending file and a signed URL to PUT exactly `size` bytes to (then call complete)',
      request: {
        body: jsonBody(z.object({ name: z.string().trim().min(1).max(200), size: z.number().int().min(1) }).openapi('FileUploadStart')),
      },
      responses: {
        201: json(
          z.object({
            file: lessonFileSchema,
            upload: z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()) }),
          }),
          'Where to send the bytes',
        ),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const auth = c.get('auth');
      return c.json(await startUpload(deps, fileOwner(auth), auth, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/files/{id}/complete',
      roles: AUTHORS,
      tags: ['files'],
      summary: 'Check the uploaded bytes (kind by content, size per kind) and make the file ready; a refused file is removed',
      request: { params: idParams },
      responses: { 200: json(lessonFileSchema, 'The ready file'), 409: ERROR_RESPONSES[400], ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await completeUpload(deps, fileOwner(c.get('auth')), c.req.valid('param').id), 200),
  );

  app.openapi(
    defineRoute({
      method: 'delete',
      path: '/api/files/{id}',
      roles: AUTHORS,
      tags: ['files'],
      summary: 'Delete an uploaded file (lessons that show it then show it as missing)',
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...ERROR_RESPONSES },
    }),
    async (c) => {
      await removeFile(deps, fileOwner(c.get('auth')), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/files/links',
      roles: AUTHORS,
      tags: ['files'],
      summary: 'Signed URLs for files a text refers to (the author’s own, and for a company its vendor’s); unknown ids are left out',
      request: { body: jsonBody(z.object({ ids: z.array(z.string().max(40)).max(200) })) },
      responses: { 200: json(fileList, 'Files found'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json({ items: await linksFor(deps, readableFileOwners(c.get('auth')), c.req.valid('json').ids) }, 200),
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/assignments/{packageId}/files',
      roles: MEMBERS,
      tags: ['files'],
      summary: 'Signed URLs for the files the lessons of one of my assigned packages show',
      request: { params: z.object({ packageId: z.string().openapi({ param: { name: 'packageId', in: 'path' } }) }) },
      responses: { 200: json(fileList, 'Files of the package'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const { packageId } = c.req.valid('param');
      const assignment = isId(packageId) ? await getAssignment(deps.data.clientFor(auth), auth.userId, packageId) : null;
      const pkg = assignment
        ? await getPackage<LearningPackage>(deps.data.platform, { kind: 'tenant', tenantId: auth.tenantId }, packageId)
        : null;
      if (!pkg) throw notFound('assignment');
      return c.json({ items: await linksFor(deps, readableFileOwners(auth), filesOfPackage(pkg.package)) }, 200);
    },
  );
}
