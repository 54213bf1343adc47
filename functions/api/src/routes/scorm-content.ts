import type { MiddlewareHandler } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { objectKeys } from '@manabi/data';
import { safeZipPath } from '@manabi/scorm';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError, errorBody } from '../errors.js';
import { defineRoute, limitBody } from '../openapi.js';
import { fileOwnerOf, scormOwnerOf } from '../services/scorm-packages.js';
import { commitScorm, openSession, verifyLaunch, verifySession } from '../services/scorm-runtime.js';
import { PLAYER_SCRIPT, playerErrorHtml, playerHtml, scormAgainSource } from '../services/scorm-player.js';

/** Every SCORM content path starts here; nothing else is served on the content origin. */
export const SCORM_CONTENT_PREFIX = '/scorm/';
const MAX_COMMIT_BYTES = 512 * 1024;

const hostOf = (deps: AppDeps, c: Parameters<MiddlewareHandler>[0]) =>
  (c.req.header(deps.config.viewerHostHeader ?? 'host') ?? '').toLowerCase();

/**
 * Keeps the two origins apart: on the content host only the SCORM content routes answer (no API,
 * no SPA, so a package's scripts can reach nothing of the app), and on any other host the SCORM
 * content routes do not exist (the app never serves a package's files on its own origin).
 */
export function separateContentOrigin(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const contentHost = new URL(deps.config.scormContentOrigin).host.toLowerCase();
    const onContentHost = hostOf(deps, c) === contentHost;
    if (onContentHost !== c.req.path.startsWith(SCORM_CONTENT_PREFIX)) return c.json(errorBody('not_found', 'Not found'), 404);
    await next();
  };
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function registerScormContentRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const errorPage = (status: 401 | 404, ja: string, en: string) =>
    new Response(playerErrorHtml({ ja, en }), {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS },
    });

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/scorm/player',
      roles: 'public',
      tags: ['scorm'],
      summary: 'Content origin: the player page for a launch token (opens a session; only the launching app origin may frame it)',
      request: { query: z.object({ t: z.string().max(4000) }) },
      responses: { 200: { description: 'The player page', content: { 'text/html': { schema: z.string() } } } },
    }),
    async (c) => {
      const claims = await verifyLaunch(deps, c.req.valid('query').t);
      if (!claims)
        return errorPage(
          401,
          '起動リンクの有効期限が切れました。学習画面から開き直してください。',
          'This launch link has expired; open the module again.',
        );
      let session;
      try {
        session = await openSession(deps, claims);
      } catch (error) {
        // The package was deleted since the launch: say so on the page; anything else is a real error.
        if (error instanceof ApiError && error.status === 404)
          return errorPage(404, 'この教材は利用できません。', 'This package is not available.');
        throw error;
      }
      const { record, token, cmi } = session;
      const encodedPath = record.launch.path.split('/').map(encodeURIComponent).join('/');
      const html = playerHtml({
        version: record.version,
        title: record.launch.title || record.title,
        cmi,
        scoUrl: `/scorm/s/${token}/${encodedPath}${record.launch.query}`,
        commitUrl: `/scorm/commit/${token}`,
        appOrigin: claims.origin,
      });
      return new Response(html, {
        status: 200,
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          ...SECURITY_HEADERS,
          'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors ${claims.origin}`,
        },
      });
    },
  );

  for (const [path, source, summary] of [
    ['/scorm/runtime.js', scormAgainSource, 'Content origin: scorm-again (the SCORM runtime), served from the build'],
    ['/scorm/player.js', () => PLAYER_SCRIPT, 'Content origin: the player script'],
  ] as const) {
    app.openapi(
      defineRoute({
        method: 'get',
        path,
        roles: 'public',
        tags: ['scorm'],
        summary,
        responses: { 200: { description: 'JavaScript', content: { 'text/javascript': { schema: z.string() } } } },
      }),
      async () =>
        new Response(source(), {
          status: 200,
          headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=3600', ...SECURITY_HEADERS },
        }),
    );
  }

  // A commit of the runtime. The session token is in the path, not a header: the last commit of a
  // page being closed goes by sendBeacon, which cannot send headers. Not an OpenAPI route, like the files.
  app.post('/scorm/commit/:token', limitBody(MAX_COMMIT_BYTES), async (c) => {
    const claims = await verifySession(deps, c.req.param('token'));
    if (!claims) return c.json({ result: 'false', errorCode: 101, ...errorBody('unauthorized', 'The SCORM session has expired') }, 401);
    if (Number(c.req.header('content-length') ?? 0) > MAX_COMMIT_BYTES)
      return c.json({ result: 'false', errorCode: 101, ...errorBody('validation_error', 'The commit is too large') }, 400);
    // scorm-again sends JSON (application/json, or text/plain by sendBeacon); it is read as text either way.
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      body = null;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return c.json({ result: 'false', errorCode: 101, ...errorBody('validation_error', 'A commit is a JSON object') }, 400);
    const answer = await commitScorm(deps, claims, body as Record<string, unknown>);
    return c.json(answer.body, answer.status as 200 | 409);
  });

  // A package's files. Not an OpenAPI route: the file path is any depth (`{path}` would match one
  // segment), and relative links inside the package must resolve under the session token.
  app.get('/scorm/s/:token/*', async (c) => {
    const claims = await verifySession(deps, c.req.param('token'));
    if (!claims) return c.text('Not found', 404);
    const prefix = `/scorm/s/${c.req.param('token')}/`;
    let path: string | null;
    try {
      path = safeZipPath(decodeURIComponent(c.req.path.slice(prefix.length)));
    } catch {
      path = null;
    }
    const resolved = scormOwnerOf(claims.scormRef, { tenantId: claims.tenantId, vendorId: claims.vendorId });
    if (!path || !resolved) return c.text('Not found', 404);
    const object = await deps.objects.get(objectKeys.scormFile(fileOwnerOf(resolved.owner), resolved.id, path));
    if (!object) return c.text('Not found', 404);
    return new Response(object.body as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        'content-type': object.contentType,
        'cache-control': 'private, max-age=300',
        ...SECURITY_HEADERS,
        // Only the player page (same content origin), itself framed by the launching app, may frame a SCO
        // (frame-ancestors is checked against every ancestor up to the top).
        'content-security-policy': `frame-ancestors 'self' ${claims.origin}`,
      },
    });
  });
}
