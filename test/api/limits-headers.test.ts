import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client, signUpCompany, type SignedUpCompany } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

let server: TestServer;
let hr: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社上限');
});
afterAll(() => server.stop());

const MiB = 1024 * 1024;

/**
 * A POST over its own connection that reads the answer even when the server answers (and closes)
 * before the whole body is sent, as a server refusing a body unread does. Without `length` the body
 * streams in chunks with no Content-Length (chunked transfer encoding).
 */
function rawPost(
  path: string,
  body: Buffer,
  headers: Record<string, string>,
  options: { chunked?: boolean } = {},
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      { method: 'POST', agent: false, headers: options.chunked ? headers : { ...headers, 'content-length': String(body.length) } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    const chunkBytes = 64 * 1024;
    const pump = (offset: number) => {
      if (offset >= body.length || req.destroyed) return void req.end();
      if (req.write(body.subarray(offset, offset + chunkBytes))) pump(offset + chunkBytes);
      else req.once('drain', () => pump(offset + chunkBytes));
    };
    pump(0);
  });
}

describe('request body limits', () => {
  it('answers 413 in the error shape, unread, for a body over the route’s limit', async () => {
    const big = Buffer.from(JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(2 * MiB) }));
    for (const [locale, message] of [
      ['ja', '送信されたデータが大きすぎます（上限 1 MB）'],
      ['en', 'The request is too large (limit 1 MB)'],
    ] as const) {
      const res = await rawPost('/api/auth/signin', big, { 'content-type': 'application/json', 'accept-language': locale });
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ error: { code: 'payload_too_large', message, details: [] } });
    }
    // Announced by no Content-Length: counted as it streams in.
    const streamed = await rawPost('/api/signup', Buffer.alloc(4 * MiB, 0x20), { 'content-type': 'application/json' }, { chunked: true });
    expect(streamed.status).toBe(413);
    expect(streamed.body.error.code).toBe('payload_too_large');
    const anonymous = new Client(server.url);
    // Within the limit the route answers as usual.
    expect((await anonymous.post('/api/auth/signin', { email: 'a@example.test', password: 'wrong password' })).status).toBe(401);
  });

  it('lets imports and packages take larger bodies, up to their own limit', async () => {
    // A 2 MB user CSV is read (and judged on its content), a 7 MB one is refused unread.
    const rows = (bytes: number) => {
      const line = '受講 太郎,someone@example.test,learner\n';
      return new TextEncoder().encode(`name,email,role\n${line.repeat(Math.ceil(bytes / Buffer.byteLength(line)))}`);
    };
    const read = await hr.client.upload('/api/users/import?mode=preview', rows(2 * MiB));
    expect(read.status).not.toBe(413);
    const form = new FormData();
    form.set('file', new Blob([rows(7 * MiB).slice()], { type: 'text/csv' }), 'users.csv');
    const multipart = new Response(form);
    const refused = await rawPost('/api/users/import?mode=preview', Buffer.from(await multipart.arrayBuffer()), {
      'content-type': multipart.headers.get('content-type')!,
      authorization: `Bearer ${hr.client.token}`,
    });
    expect(refused.status).toBe(413);
    expect(refused.body.error.code).toBe('payload_too_large');
    // A package is a long document: 2 MB of lesson text gets past the body limit to validation.
    const lesson = await hr.client.post('/api/packages', {
      title: { ja: 'x' },
      modules: [{ kind: 'lesson', body: { ja: 'あ'.repeat(700_000) } }],
    });
    expect(lesson.status).toBe(400);
    expect(lesson.body.error.code).toBe('validation_error');
    // Anything else stays at the small default.
    const dept = await rawPost('/api/departments', Buffer.from(JSON.stringify({ name: 'x'.repeat(2 * MiB) })), {
      'content-type': 'application/json',
      authorization: `Bearer ${hr.client.token}`,
    });
    expect(dept.status).toBe(413);
  });
});

describe('response headers', () => {
  it('says nosniff on every response, and no-store on authenticated API answers', async () => {
    const anonymous = new Client(server.url);
    const me = await hr.client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('x-content-type-options')).toBe('nosniff');
    expect(me.headers.get('cache-control')).toBe('no-store');
    const csv = await hr.client.get('/api/users/export');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect(csv.headers.get('x-content-type-options')).toBe('nosniff');
    const denied = await anonymous.get('/api/me');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('x-content-type-options')).toBe('nosniff');
    for (const path of ['/', '/signin', '/api/health', '/api/openapi.json', '/api/nothing-here', '/robots.txt']) {
      const res = await anonymous.get(path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('serves the SPA under a strict Content-Security-Policy', async () => {
    const page = await new Client(server.url).get('/signin');
    expect(page.headers.get('content-type')).toContain('text/html');
    const policy = (page.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim());
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("base-uri 'self'");
    // SCORM courses play in a frame of their own origin.
    expect(policy.find((d) => d.startsWith('frame-src'))).toContain(server.deps.config.scormContentOrigin);
    // The page it guards has no inline script.
    expect(page.body).not.toMatch(/<script(?![^>]*\b(src=|type="application\/json"))[^>]*>/);
  });
});
