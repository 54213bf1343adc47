import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../env.js';
import { BODY_LIMITS } from '../openapi.js';
import { bodyLimit } from 'hono/body-limit';
import { clientIp } from '../routes/auth.js';
import { resolveScimToken } from '../services/scim-tokens.js';
import type { ScimCaller } from './caller.js';
import { ScimError, scimErrorResponse, scimJson } from './errors.js';
import { createScimGroup, deleteScimGroup, getScimGroup, listScimGroups, patchScimGroup, replaceScimGroup } from './groups.js';
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from './schema.js';
import { createScimUser, deleteScimUser, getScimUser, listScimUsers, patchScimUser, replaceScimUser, type Page } from './users.js';

export const SCIM_PREFIX = '/scim/v2';

type ScimEnv = { Variables: AppEnv['Variables'] & { scim: ScimCaller } };

/**
 * SCIM 2.0 (RFC 7643/7644) for the company's identity provider. Outside /api on purpose: it
 * speaks SCIM's media type and error schema, and its callers hold a SCIM token, never a person's
 * session. Deny by default: every path under /scim/v2 passes the token check first, and the token
 * record alone names the company.
 */
export function registerScimRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const scim = new Hono<ScimEnv>();
  scim.onError((error, c) => {
    if (error instanceof ScimError) return scimErrorResponse(c, error);
    c.get('logger')?.error('unhandled error', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return scimErrorResponse(c, new ScimError(500, 'Something went wrong on the server'));
  });
  scim.use('*', requireScimToken(deps));
  scim.use(
    '*',
    bodyLimit({
      maxSize: BODY_LIMITS.default,
      onError: () => {
        throw new ScimError(413, 'The body is too large');
      },
    }),
  );

  const base = (c: Context) => `${new URL(c.req.url).origin}${SCIM_PREFIX}`;
  const caller = (c: Context<ScimEnv>) => c.get('scim');
  const withMembers = (c: Context) =>
    !(c.req.query('excludedAttributes') ?? '').split(',').some((a) => a.trim().toLowerCase() === 'members');

  scim.get('/ServiceProviderConfig', (c) => scimJson(c, serviceProviderConfig(base(c))));
  scim.get('/ResourceTypes', (c) => scimJson(c, resourceTypes(base(c))));

  scim.get('/Users', async (c) => scimJson(c, await listScimUsers(deps, caller(c), filterOf(c), pageOf(c), base(c))));
  scim.post('/Users', async (c) => {
    const { resource, version } = await createScimUser(deps, caller(c), await bodyOf(c), base(c));
    return scimJson(c, resource, 201, version);
  });
  scim.get('/Users/:id', async (c) => {
    const { resource, version } = await getScimUser(deps, caller(c), c.req.param('id'), base(c));
    return scimJson(c, resource, 200, version);
  });
  scim.put('/Users/:id', async (c) => {
    const { resource, version } = await replaceScimUser(
      deps,
      caller(c),
      c.req.param('id'),
      await bodyOf(c),
      c.req.header('if-match'),
      base(c),
    );
    return scimJson(c, resource, 200, version);
  });
  scim.patch('/Users/:id', async (c) => {
    const { resource, version } = await patchScimUser(
      deps,
      caller(c),
      c.req.param('id'),
      await bodyOf(c),
      c.req.header('if-match'),
      base(c),
    );
    return scimJson(c, resource, 200, version);
  });
  scim.delete('/Users/:id', async (c) => {
    await deleteScimUser(deps, caller(c), c.req.param('id'), c.req.header('if-match'));
    return c.body(null, 204);
  });

  scim.get('/Groups', async (c) => scimJson(c, await listScimGroups(deps, caller(c), filterOf(c), withMembers(c), pageOf(c), base(c))));
  scim.post('/Groups', async (c) => scimJson(c, await createScimGroup(deps, caller(c), await bodyOf(c), base(c)), 201));
  scim.get('/Groups/:id', async (c) => scimJson(c, await getScimGroup(deps, caller(c), c.req.param('id'), withMembers(c), base(c))));
  scim.put('/Groups/:id', async (c) => scimJson(c, await replaceScimGroup(deps, caller(c), c.req.param('id'), await bodyOf(c), base(c))));
  scim.patch('/Groups/:id', async (c) => {
    await patchScimGroup(deps, caller(c), c.req.param('id'), await bodyOf(c));
    // RFC 7644 §3.5.2: 204 when the answer has no body (Entra ID and Okta accept it).
    return c.body(null, 204);
  });
  scim.delete('/Groups/:id', async (c) => {
    await deleteScimGroup(deps, caller(c), c.req.param('id'));
    return c.body(null, 204);
  });

  scim.all('*', () => {
    throw new ScimError(404, 'No such SCIM resource');
  });

  app.route(SCIM_PREFIX, scim as unknown as Hono<AppEnv>);
}

/** The bearer token resolves the company; nothing else does (no header, body or path can name one). */
function requireScimToken(deps: AppDeps): MiddlewareHandler<ScimEnv> {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    const resolved = match ? await resolveScimToken(deps, match[1]!) : null;
    if (!resolved) {
      c.header('www-authenticate', 'Bearer realm="scim"');
      throw new ScimError(401, 'A valid SCIM token is required');
    }
    c.get('logger')?.bind({ tenantId: resolved.tenantId });
    c.set('scim', { tenantId: resolved.tenantId, token: resolved.token, ip: clientIp(c as unknown as Context<AppEnv>, deps) });
    await next();
  };
}

async function bodyOf(c: Context): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/scim+json' && type !== 'application/json') throw new ScimError(415, 'Send application/scim+json');
  try {
    return await c.req.json();
  } catch {
    throw new ScimError(400, 'The body is not JSON', 'invalidSyntax');
  }
}

const filterOf = (c: Context): string | undefined => {
  const filter = c.req.query('filter');
  if (filter !== undefined && filter.length > 1000) throw new ScimError(400, 'The filter is too long', 'invalidFilter');
  return filter || undefined;
};

/** startIndex and count (RFC 7644 §3.4.2.4): below 1 is 1; count defaults to 100 and is at most 200. */
function pageOf(c: Context): Page {
  const number = (name: string, fallback: number) => {
    const raw = c.req.query(name);
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n)) throw new ScimError(400, `${name} must be an integer`, 'invalidValue');
    return n;
  };
  return { startIndex: Math.max(1, number('startIndex', 1)), count: Math.min(200, Math.max(0, number('count', 100))) };
}

function serviceProviderConfig(base: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 200 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      { type: 'oauthbearertoken', name: 'Bearer token', description: 'A SCIM token created by the company’s HR admin', primary: true },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
  };
}

function resourceTypes(base: string) {
  const types = [
    {
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
    },
    { id: 'Group', name: 'Group', endpoint: '/Groups', schema: GROUP_SCHEMA },
  ].map((t) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    ...t,
    meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/${t.id}` },
  }));
  return { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: types.length, Resources: types };
}
