import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { isId, type Role } from '@manabi/core';
import { listScormPackages, type Owner } from '@manabi/data';
import { DEFAULT_ZIP_LIMITS } from '@manabi/scorm';
import type { AppDeps, AppEnv } from '../env.js';
import { notFound } from '../errors.js';
import { conflictResponse, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { authorOwner } from '../services/content-owner.js';
import { findScormPackage, removeScormPackage, scormSummary } from '../services/scorm-packages.js';
import { completeScormUpload, startScormUpload } from '../services/scorm-uploads.js';
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
const uploadParams = z.object({ uploadId: z.string().openapi({ param: { name: 'uploadId', in: 'path' } }) });
const moduleParams = z.object({
  packageId: z.string().openapi({ param: { name: 'packageId', in: 'path' } }),
  moduleId: z.string().openapi({ param: { name: 'moduleId', in: 'path' } }),
});

export function registerScormRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const limits = () => ({ ...DEFAULT_ZIP_LIMITS, ...deps.config.scormLimits });

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
      path: '/api/scorm-packages/uploads',
      roles: AUTHORS,
      tags: ['scorm'],
      summary: 'Start uploading a SCORM zip: a signed URL to PUT exactly `size` bytes to (then call complete)',
      description:
        'The zip goes straight to the object store, never through the API (whose request limit is 6 MB in the cloud). ' +
        'A zip larger than the maximum (250 MB) is refused here with `scorm_zip_too_large`.',
      request: {
        body: jsonBody(
          z
            .object({
              fileName: z.string().trim().min(1).max(200),
              size: z.number().int().min(1),
            })
            .openapi('ScormUploadStart'),
        ),
      },
      responses: {
        201: json(
          z
            .object({
              uploadId: z.string(),
              maxBytes: z.number().int(),
              expiresAt: z.string(),
              upload: z.object({ url: z.string(), method: z.literal('PUT'), headers: z.record(z.string(), z.string()) }),
            })
            .openapi('ScormUpload'),
          'Where to send the zip',
        ),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => c.json(await startScormUpload(deps, c.get('auth'), c.req.valid('json'), limits()), 201),
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/scorm-packages/uploads/{uploadId}/complete',
      roles: AUTHORS,
      tags: ['scorm'],
      summary: 'Import the uploaded zip: checked whole before anything is stored; 201 once, then 200 with the same package',
      description:
        'Refusals are 400 with code `scorm_<reason>`: not_a_zip, zip_too_large, too_many_files, too_large_uncompressed, unsafe_path, ' +
        'symlink, encrypted, unsupported_compression, corrupt_zip, no_manifest, broken_manifest, unsupported_version, no_organization, ' +
        'no_sco, unsafe_href, missing_launch_file, missing_file; or `upload_size_mismatch`. 409 `upload_missing` before the zip ' +
        'arrived, `upload_in_progress` while another completion imports it. The staged zip is deleted whatever the outcome.',
      request: { params: uploadParams },
      responses: {
        200: json(summarySchema, 'Already imported: the same package'),
        201: json(summarySchema, 'Stored'),
        409: ERROR_RESPONSES[400],
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { record, created } = await completeScormUpload(deps, c.get('auth'), c.req.valid('param').uploadId, limits());
      if (created) {
        c.get('logger').info('scorm import', {
          scormId: record.id,
          version: record.version,
          files: record.fileCount,
          bytes: record.totalBytes,
        });
      }
      return c.json(scormSummary(record), created ? 201 : 200);
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
      if (!found) throw notFound('scorm_package');
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
      if (!isId(id) || !(await removeScormPackage(deps, c.get('auth'), id))) throw notFound('scorm_package');
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
        409: conflictResponse('wrong_module_kind: the module is no SCORM course'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { packageId, moduleId } = c.req.valid('param');
      if (!isId(packageId)) throw notFound('assignment');
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
      responses: {
        200: json(z.object({ registration: registrationSchema.nullable() }), 'Result so far'),
        409: conflictResponse('wrong_module_kind: the module is no SCORM course'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { packageId, moduleId } = c.req.valid('param');
      if (!isId(packageId)) throw notFound('assignment');
      return c.json({ registration: await myRegistration(deps, c.get('auth'), packageId, moduleId) }, 200);
    },
  );
}
