import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { isId, type Role } from '@manabi/core';
import { listScormPackages, type Owner } from '@manabi/data';
import { DEFAULT_ZIP_LIMITS } from '@manabi/scorm';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import { authorOwner } from '../services/content-owner.js';
import { findScormPackage, importScormPackage, removeScormPackage, scormSummary } from '../services/scorm-packages.js';
import { launchScorm, myRegistration } from '../services/scorm-runtime.js';

/** Who uploads SCORM packages: HR for its company, a vendor admin for its vendor (as with packages). */
const AUTHORS: readonly Role[] = ['tenant_admin', 'vendor_admin'];
const MEMBERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];

const summarySchema = z
  .object({
    id: z.string(),
    ref: z.string().openapi({ description: 'What a module names: `<id>`, or `vendor:<id>` for a vendor’s package' }),
    owner: z.enum(['tenant', 'vendor', 'catalog']),
    title: z.string(),
    version: z.enum(['1.2', '2004']),
    schemaVersion: z.string(),
    launchTitle: z.string(),
    scoCount: z.number().int(),
    fileCount: z.number().int(),
    totalBytes: z.number().int(),
    fileName: z.string(),
    uploadedAt: z.string(),
  })
  .openapi('ScormPackage');

const registrationSchema = z
  .object({
    completion: z.enum(['not_attempted', 'unknown', 'incomplete', 'completed']),
    success: z.enum(['unknown', 'failed', 'passed']),
    scorePercent: z.number().nullable(),
    totalSeconds: z.number(),
    sessions: z.number().int(),
    resumable: z.boolean(),
    completedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('ScormRegistration');

const idParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const moduleParams = z.object({
  packageId: z.string().openapi({ param: { name: 'packageId', in: 'path' } }),
  moduleId: z.string().openapi({ param: { name: 'moduleId', in: 'path' } }),
});

export function registerScormRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const limits = () => ({ ...DEFAULT_ZIP_LIMITS, ...deps.config.scormLimits });
  const megabytes = () => Math.round(limits().maxZipBytes / 1024 / 1024);

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/scorm-packages',
      roles: AUTHORS,
      tags: ['scorm'],
      summary: 'Uploaded SCORM packages: the caller’s own and, for a company, its vendor’s (read-only)',
      responses: { 200: json(z.object({ items: z.array(summarySchema) }), 'Packages, newest first'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const owners: Owner[] = [authorOwner(auth)];
      if (auth.role !== 'vendor_admin' && auth.vendorId) owners.push({ kind: 'vendor', vendorId: auth.vendorId });
      const lists = await Promise.all(owners.map((o) => listScormPackages(deps.data.platform, o)));
      const items = lists.flat().map(scormSummary);
      items.sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/scorm-packages',
      roles: AUTHORS,
      tags: ['scorm'],
      summary: 'Upload a SCORM 1.2 or 2004 (3rd/4th edition) zip: checked whole before anything is stored',
      description:
        'Refusals are 400 with code `scorm_<reason>`: not_a_zip, zip_too_large, too_many_files, too_large_uncompressed, unsafe_path, ' +
        'symlink, encrypted, unsupported_compression, corrupt_zip, no_manifest, broken_manifest, unsupported_version, no_organization, ' +
        'no_sco, unsafe_href, missing_launch_file, missing_file.',
      request: {
        body: {
          required: true,
          content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } },
        },
      },
      responses: { 201: json(summarySchema, 'Stored'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const tooLarge = () =>
        new ApiError(400, 'scorm_zip_too_large', `The zip is larger than ${megabytes()} MB`, [{ path: 'file', message: 'Too large' }]);
      if (Number(c.req.header('content-length') ?? 0) > limits().maxZipBytes + 64 * 1024) throw tooLarge();
      const noFile = () =>
        new ApiError(400, 'validation_error', 'Send the zip as multipart/form-data in the field "file"', [
          { path: 'file', message: 'Required' },
        ]);
      const form = await c.req.parseBody().catch(() => {
        throw noFile();
      });
      const file = form.file;
      if (!(file instanceof File)) throw noFile();
      if (file.size > limits().maxZipBytes) throw tooLarge();
      const record = await importScormPackage(deps, auth, new Uint8Array(await file.arrayBuffer()), file.name || 'package.zip', limits());
      c.get('logger').info('scorm import', {
        scormId: record.id,
        version: record.version,
        files: record.fileCount,
        bytes: record.totalBytes,
      });
      return c.json(scormSummary(record), 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/scorm-packages/{id}',
      roles: AUTHORS,
      tags: ['scorm'],
      summary: 'One SCORM package (`<id>` or, for a company, `vendor:<id>`)',
      request: { params: idParams },
      responses: { 200: json(summarySchema, 'The package'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const found = await findScormPackage(deps, c.req.valid('param').id, auth);
      if (!found) throw notFound('SCORM package');
      return c.json(scormSummary(found.record), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'delete',
      path: '/api/scorm-packages/{id}',
      roles: AUTHORS,
      tags: ['scorm'],
      summary: 'Delete an own SCORM package and its files (409 while a package uses it)',
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, 409: ERROR_RESPONSES[400], ...ERROR_RESPONSES },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      if (!isId(id) || !(await removeScormPackage(deps, c.get('auth'), id))) throw notFound('SCORM package');
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/me/assignments/{packageId}/modules/{moduleId}/scorm/launch',
      roles: MEMBERS,
      tags: ['scorm'],
      summary: 'Launch a SCORM module of my assignment: a URL on the content origin with a short-lived launch token',
      request: { params: moduleParams },
      responses: {
        200: json(
          z.object({ url: z.string(), contentOrigin: z.string(), expiresAt: z.string() }).openapi('ScormLaunch'),
          'Open this URL in a frame',
        ),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { packageId, moduleId } = c.req.valid('param');
      if (!isId(packageId)) throw notFound('Assignment');
      return c.json(await launchScorm(deps, c.get('auth'), packageId, moduleId, c.req.header('origin')), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/assignments/{packageId}/modules/{moduleId}/scorm',
      roles: MEMBERS,
      tags: ['scorm'],
      summary: 'My result in a SCORM module so far (null before the first launch)',
      request: { params: moduleParams },
      responses: { 200: json(z.object({ registration: registrationSchema.nullable() }), 'Result so far'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { packageId, moduleId } = c.req.valid('param');
      if (!isId(packageId)) throw notFound('Assignment');
      return c.json({ registration: await myRegistration(deps, c.get('auth'), packageId, moduleId) }, 200);
    },
  );
}
