import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { contentDisposition, LOCAL_SIGNED_GET_PATH, LOCAL_SIGNED_PUT_PATH, type LocalObjectStore } from '@manabi/data';
import type { AppEnv } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';

/** The largest signed upload (a SCORM zip, 250 MB by default) with room to spare. */
const SIGNED_UPLOAD_BODY_LIMIT = 256 * 1024 * 1024;

const tokenQuery = z.object({
  t: z
    .string()
    .max(4000)
    .openapi({ param: { name: 't', in: 'query' } }),
});
const refused = (reason: 'invalid' | 'expired') => new ApiError(403, reason === 'expired' ? 'link_expired' : 'link_invalid');

/** Media a page embeds; everything else is opened sandboxed (no scripts, no same origin). */
const isMedia = (type: string) => type.startsWith('image/') || type.startsWith('video/');

/**
 * The local server's answer to S3's presigned URLs (only registered with the local object store):
 * the token in the query authorises one operation on one object until it expires. Public routes,
 * because <img> and <video> send no bearer token; the signature is the authorisation.
 */
export function registerLocalObjectRoutes(app: OpenAPIHono<AppEnv>, store: LocalObjectStore): void {
  app.openapi(
    defineRoute({
      method: 'get',
      path: LOCAL_SIGNED_GET_PATH,
      roles: 'public',
      tags: ['files'],
      summary: 'Local only: a stored file at a signed, expiring URL (S3 serves these in the cloud)',
      request: { query: tokenQuery },
      responses: {
        200: { description: 'The file, with the media type it was stored with', content: { '*/*': { schema: z.string() } } },
        403: ERROR_RESPONSES[403],
        404: ERROR_RESPONSES[404],
      },
    }),
    async (c) => {
      const verified = store.verify(c.req.valid('query').t, 'get');
      if (!verified.ok) throw refused(verified.reason);
      const p = verified.payload;
      if (p.op !== 'get') throw refused('invalid');
      const size = await store.size(p.key);
      if (size === null) throw notFound('file');
      c.header('content-type', p.type);
      c.header('content-disposition', contentDisposition(p.disposition, p.name));
      c.header('x-content-type-options', 'nosniff');
      c.header('cache-control', 'private, max-age=300');
      c.header(
        'content-security-policy',
        isMedia(p.type) ? "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'" : "sandbox; default-src 'none'",
      );
      c.header('accept-ranges', 'bytes');
      // A video seeks by asking for byte ranges, as S3 answers them in the cloud.
      const range = /^bytes=(\d+)-(\d*)$/.exec(c.req.header('range') ?? '');
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(size, range[2] ? Number(range[2]) + 1 : size);
        if (start >= size || end <= start) {
          c.header('content-range', `bytes */${size}`);
          return c.body(null, 416);
        }
        c.header('content-range', `bytes ${start}-${end - 1}/${size}`);
        return c.body((await store.getRange(p.key, start, end)) as Uint8Array<ArrayBuffer>, 206);
      }
      const object = await store.get(p.key);
      if (!object) throw notFound('file');
      return c.body(object.body as Uint8Array<ArrayBuffer>, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: LOCAL_SIGNED_PUT_PATH,
      // The signed length is checked against Content-Length before the body is read (as S3 does).
      bodyLimit: SIGNED_UPLOAD_BODY_LIMIT,
      roles: 'public',
      tags: ['files'],
      summary: 'Local only: receive an upload at a signed URL (exactly the signed number of bytes; S3 in the cloud)',
      request: { query: tokenQuery },
      responses: { 200: { description: 'Stored' }, 400: ERROR_RESPONSES[400], 403: ERROR_RESPONSES[403] },
    }),
    async (c) => {
      const verified = store.verify(c.req.valid('query').t, 'put');
      if (!verified.ok) throw refused(verified.reason);
      const p = verified.payload;
      if (p.op !== 'put') throw refused('invalid');
      const sizeMismatch = () =>
        new ApiError(400, 'upload_size_mismatch', { key: 'upload_size_mismatch.exact', params: { bytes: p.length } }, [
          { path: 'body', message: 'field.wrong_size' },
        ]);
      // A body announced larger than signed is refused unread, as S3 refuses a wrong Content-Length.
      if (Number(c.req.header('content-length') ?? p.length) !== p.length) throw sizeMismatch();
      const body = new Uint8Array(await c.req.arrayBuffer());
      if (body.length !== p.length) throw sizeMismatch();
      await store.put(p.key, { body, contentType: 'application/octet-stream' });
      return c.body(null, 200);
    },
  );
}
