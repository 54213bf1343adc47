import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env.js';
import { isFromEdge, ORIGIN_VERIFY_HEADER, originVerify, parseOriginVerifySecret, type OriginVerifySecret } from './origin-verify.js';

const CURRENT = 'c'.repeat(48);
const PREVIOUS = 'p'.repeat(48);

/** An app with the guard in front of one route, reading the secret from `store` (counts reads). */
function guarded(store: { secret: OriginVerifySecret; reads: number }, clock = { now: 0 }) {
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    originVerify({
      read: async () => {
        store.reads += 1;
        return store.secret;
      },
      refreshMs: 1000,
      now: () => clock.now,
    }),
  );
  app.get('/api/health', (c) => c.json({ ok: true }));
  return app;
}

const call = (app: Hono<AppEnv>, header?: string, language = 'ja') =>
  app.request('/api/health', {
    headers: { 'accept-language': language, ...(header === undefined ? {} : { [ORIGIN_VERIFY_HEADER]: header }) },
  });

describe('origin verify (only CloudFront reaches the API)', () => {
  it('answers 403 without the header or with a wrong one, in the caller’s language, and lets the current value through', async () => {
    const app = guarded({ secret: { current: CURRENT }, reads: 0 });
    const missing = await call(app);
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('アプリのアドレス'),
    });
    const wrong = await call(app, 'x'.repeat(48), 'en');
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain('app’s own address');
    expect((await call(app, CURRENT.slice(1))).status).toBe(403);
    expect((await call(app, CURRENT)).status).toBe(200);
  });

  it('accepts the previous value during a rotation, and stops once the secret no longer holds it', async () => {
    const store = { secret: { current: CURRENT, previous: PREVIOUS } as OriginVerifySecret, reads: 0 };
    const clock = { now: 0 };
    const app = guarded(store, clock);
    expect((await call(app, PREVIOUS)).status).toBe(200);
    expect((await call(app, CURRENT)).status).toBe(200);
    expect(store.reads).toBe(1);
    // The rotation ends: previous is dropped. Until the cached value is older than the refresh
    // interval it still passes; then the secret is read again and it is refused.
    store.secret = { current: CURRENT };
    clock.now = 999;
    expect((await call(app, PREVIOUS)).status).toBe(200);
    clock.now = 1000;
    expect((await call(app, PREVIOUS)).status).toBe(403);
    expect(store.reads).toBe(2);
  });

  it('does not keep a failed read: the next request reads again', async () => {
    let fail = true;
    const app = new Hono<AppEnv>();
    app.use(
      '*',
      originVerify({
        read: async () => {
          if (fail) throw new Error('throttled');
          return { current: CURRENT };
        },
      }),
    );
    app.get('/x', (c) => c.text('ok'));
    app.onError((_error, c) => c.text('unavailable', 500));
    expect((await app.request('/x', { headers: { [ORIGIN_VERIFY_HEADER]: CURRENT } })).status).toBe(500);
    fail = false;
    expect((await app.request('/x', { headers: { [ORIGIN_VERIFY_HEADER]: CURRENT } })).status).toBe(200);
  });

  it('parses the secret and refuses one without a usable current value', () => {
    expect(parseOriginVerifySecret(JSON.stringify({ current: CURRENT, previous: '' }))).toEqual({ current: CURRENT, previous: null });
    expect(parseOriginVerifySecret(JSON.stringify({ current: CURRENT, previous: PREVIOUS }))).toEqual({
      current: CURRENT,
      previous: PREVIOUS,
    });
    expect(() => parseOriginVerifySecret(JSON.stringify({ current: 'short' }))).toThrow();
    expect(() => parseOriginVerifySecret(JSON.stringify({ previous: PREVIOUS }))).toThrow();
    expect(isFromEdge(undefined, { current: CURRENT })).toBe(false);
    expect(isFromEdge('', { current: CURRENT, previous: null })).toBe(false);
  });
});
