import { existsSync, readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@manabi/api/local';
import { startTestServer, type TestServer } from '../support/server.js';
import { Client } from '../support/client.js';

let server: TestServer;
beforeAll(async () => {
  // Listening on every interface, as a demo someone exposed would: the outbox must still stay local.
  server = await startTestServer({ hostname: '0.0.0.0' });
});
afterAll(() => server.stop());

/** This machine's address on a non-loopback interface (the way another machine reaches it). */
const externalAddress = (): string | undefined =>
  Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

describe('the dev outbox', () => {
  it('answers the person at this machine (loopback) only', async () => {
    const local = new Client(server.url);
    expect((await local.get('/api/dev/outbox')).status).toBe(200);
    expect((await local.get('/dev/outbox')).status).toBe(200);

    // Through a proxy (even one on this machine) the request comes from elsewhere: a plain 404.
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const proxied = await local.request('GET', '/api/dev/outbox', undefined, { headers: { [header]: '203.0.113.9' } });
      expect(proxied.status).toBe(404);
      expect(proxied.body.error.code).toBe('not_found');
      expect(JSON.stringify(proxied.body)).not.toContain('@');
    }
    const proxiedDigest = await local.request('POST', '/api/dev/jobs/digest', undefined, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxiedDigest.status).toBe(404);
  });

  it('is not there for a request arriving on another interface', async () => {
    const address = externalAddress();
    // A machine with no network interface but loopback has nothing to reach the server from outside.
    if (!address) return;
    const remote = new Client(`http://${address}:${server.port}`);
    const res = await remote.get('/api/dev/outbox');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    expect((await remote.get('/dev/outbox')).status).toBe(404);
    expect((await remote.post('/api/dev/jobs/digest')).status).toBe(404);
    // The rest of the API answers there as usual.
    expect((await remote.get('/api/health')).status).toBe(200);
  });

  it('exists only in local demo mode', async () => {
    const plain = await startTestServer({ config: { devOutbox: false } });
    try {
      expect((await new Client(plain.url).get('/api/dev/outbox')).status).toBe(404);
      const doc = (await new Client(plain.url).get('/api/openapi.json')).body;
      expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/dev/'))).toEqual([]);
    } finally {
      await plain.stop();
    }
  });

  it('is never built into the Lambda bundle', () => {
    const dist = join(repoRoot(), 'functions/api/dist');
    // The e2e tests run against the built app (`pnpm run build` first).
    expect(existsSync(join(dist, 'lambda.mjs'))).toBe(true);
    const lambda = readFileSync(join(dist, 'lambda.mjs'), 'utf8');
    expect(lambda).not.toContain('/api/dev/');
    expect(lambda).not.toContain('/dev/outbox');
    expect(lambda).not.toContain('Local outbox');
    // The local server's bundle has it (so the check above looks at the right strings).
    expect(readFileSync(join(dist, 'server.mjs'), 'utf8')).toContain('/api/dev/outbox');
  });
});
