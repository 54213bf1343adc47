import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { webDist } from '../support/web-dist.js';

/** What the local server sends a browser: compressed like CloudFront, a real robots.txt, a description. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
});
afterAll(() => server.stop());

const get = (path: string, encoding = 'gzip, deflate, br') => fetch(`${server.url}${path}`, { headers: { 'accept-encoding': encoding } });

describe('the local server’s responses', () => {
  it('compresses the SPA’s scripts and the API’s JSON for clients that accept it, and only for them', async () => {
    const index = await get('/');
    const html = await index.text();
    const script = /<script type="module"[^>]*src="([^"]+)"/.exec(html)![1]!;
    const js = await get(script);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-encoding')).toBe('gzip');
    expect((await js.text()).length).toBeGreaterThan(1000);
    const api = await get('/api/openapi.json');
    expect(api.headers.get('content-encoding')).toBe('gzip');
    expect((await api.json()).openapi).toMatch(/^3\./);
    const plain = await get(script, 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('serves a real robots.txt and describes the product in the page head', async () => {
    const robots = await get('/robots.txt');
    expect(robots.headers.get('content-type')).toContain('text/plain');
    expect(await robots.text()).toMatch(/^User-agent: \*\nDisallow: \/api\//);
    const html = await (await get('/')).text();
    expect(html).toMatch(/<meta\s+name="description"\s+content="[^"]*スキル[^"]*"/);
  });
});
