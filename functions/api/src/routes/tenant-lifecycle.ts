import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { isId, type Role } from '@manabi/core';
import { getTenantAccount, getTenantJob, listAllTenants, listTenantJobs, type TenantAccount, type TenantJob } from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { notFound } from '../errors.js';
import { conflictResponse, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { idParams, platformTenantListSchema, tenantJobListSchema, tenantJobSchema } from '@manabi/contract';
import { json, jsonBody } from '../schemas.js';
import { ownTenant, vendorOf } from '../services/vendor-scope.js';
import { checkDeletable, requestTenantJob } from '../services/tenant-lifecycle.js';

const PLATFORM: readonly Role[] = ['platform_admin'];
const VENDOR: readonly Role[] = ['vendor_admin'];

const jobSchema = tenantJobSchema;
const deleteBody = z.object({ confirmName: z.string().max(200).openapi({ description: 'The company’s name, typed to confirm' }) });

/** What the consoles show of a job; a finished export carries a short-lived download link. */
async function jobView(deps: AppDeps, job: TenantJob) {
  const downloadUrl =
    job.kind === 'export' && job.status === 'done' && job.archiveKey
      ? await deps.objects.signedGetUrl(job.archiveKey, {
          expiresInSeconds: 600,
          contentType: 'application/zip',
          disposition: 'attachment',
          fileName: `manabi-export-${job.tenantId}-${job.createdAt.slice(0, 10)}.zip`,
        })
      : undefined;
  return {
    id: job.id,
    kind: job.kind,
    tenantId: job.tenantId,
    tenantName: job.tenantName,
    status: job.status,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    items: job.items,
    objects: job.objects,
    ...(job.archiveBytes === undefined ? {} : { archiveBytes: job.archiveBytes }),
    ...(downloadUrl ? { downloadUrl } : {}),
    ...(job.remainingItems === undefined ? {} : { remainingItems: job.remainingItems, remainingObjects: job.remainingObjects }),
    ...(job.error ? { error: job.error } : {}),
  };
}

/**
 * Exporting and deleting a company's data: the platform admin for any company, a vendor admin for
 * its own client companies only (another's is 404, as everywhere in the vendor console). Both run
 * as background jobs the consoles poll.
 */
export function registerTenantLifecycleRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const anyTenant = async (id: string): Promise<TenantAccount> => {
    const t = isId(id) ? await getTenantAccount(deps.data.platform, id) : null;
    if (!t) throw notFound('company');
    return t;
  };
  const scopes = [
    { base: '/api/platform', roles: PLATFORM, tag: 'platform', find: (_auth: AuthClaims, id: string) => anyTenant(id) },
    { base: '/api/vendor', roles: VENDOR, tag: 'vendor', find: (auth: AuthClaims, id: string) => ownTenant(deps, auth, id) },
  ] as const;

  for (const scope of scopes) {
    /** A job of a company the caller may reach (a vendor: a company that was its own when asked). */
    const reachableJob = async (auth: AuthClaims, id: string): Promise<TenantJob> => {
      const job = isId(id) ? await getTenantJob(deps.data.platform, id) : null;
      if (!job || (scope.tag === 'vendor' && job.vendorId !== vendorOf(auth))) throw notFound('tenant_job');
      return job;
    };

    app.openapi(
      defineRoute({
        method: 'post',
        path: `${scope.base}/tenants/{id}/export`,
        roles: scope.roles,
        tags: [scope.tag],
        summary: 'Export everything of one company (its items as JSON and its files) as a zip, in the background',
        request: { params: idParams },
        responses: { 202: json(jobSchema, 'The export job (poll it)'), ...ERROR_RESPONSES },
      }),
      async (c) => {
        const t = await scope.find(c.get('auth'), c.req.valid('param').id);
        return c.json(await jobView(deps, await requestTenantJob(deps, t, 'export', c.get('auth'))), 202);
      },
    );

    app.openapi(
      defineRoute({
        method: 'post',
        path: `${scope.base}/tenants/{id}/delete`,
        roles: scope.roles,
        tags: [scope.tag],
        summary: 'Delete a company completely (its items, files, sign-in claims and links), confirmed by typing its name',
        request: { params: idParams, body: jsonBody(deleteBody) },
        responses: {
          202: json(jobSchema, 'The deletion job (poll it)'),
          409: conflictResponse('tenant_not_deletable: a vendor’s or the platform’s own company'),
          ...ERROR_RESPONSES,
        },
      }),
      async (c) => {
        const t = await scope.find(c.get('auth'), c.req.valid('param').id);
        checkDeletable(t, c.req.valid('json').confirmName);
        return c.json(await jobView(deps, await requestTenantJob(deps, t, 'deletion', c.get('auth'))), 202);
      },
    );

    app.openapi(
      defineRoute({
        method: 'get',
        path: `${scope.base}/tenants/{id}/jobs`,
        roles: scope.roles,
        tags: [scope.tag],
        summary: 'A company’s export and deletion jobs, newest first',
        request: { params: idParams },
        responses: { 200: json(tenantJobListSchema, 'The jobs, newest first'), ...ERROR_RESPONSES },
      }),
      async (c) => {
        const t = await scope.find(c.get('auth'), c.req.valid('param').id);
        const jobs = (await listTenantJobs(deps.data.platform, t.id)).reverse().slice(0, 20);
        return c.json({ items: await Promise.all(jobs.map((j) => jobView(deps, j))) }, 200);
      },
    );

    app.openapi(
      defineRoute({
        method: 'get',
        path: `${scope.base}/tenant-jobs/{id}`,
        roles: scope.roles,
        tags: [scope.tag],
        summary: 'One export or deletion job (an export that is done carries its download link)',
        request: { params: idParams },
        responses: { 200: json(jobSchema, 'The job'), ...ERROR_RESPONSES },
      }),
      async (c) => c.json(await jobView(deps, await reachableJob(c.get('auth'), c.req.valid('param').id)), 200),
    );
  }

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/platform/tenants',
      roles: PLATFORM,
      tags: ['platform'],
      summary: 'Every company on the platform (id, name, vendor, kind, status)',
      responses: { 200: json(platformTenantListSchema, 'Every company'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json({ items: await listAllTenants(deps.data.platform) }, 200),
  );
}
