import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/en.js';
import ja from '../../web/src/i18n/ja.js';
import { launchChromium } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { webDist } from '../support/web-dist.js';

/**
 * What a first visit costs: the entry code carries neither language's messages (a guest fetches
 * the shell's messages of the language shown, not the whole set), an anonymous visit logs no
 * error, and switching language fetches English.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Messages long enough to be found in one place only. */
const EN_ONLY = en.me.emailUnverified;
const JA_ONLY = ja.me.emailUnverified;

describe('the built SPA', () => {
  it('keeps both languages’ messages out of the entry and the chunks preloaded with it', () => {
    const dist = webDist();
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const startup = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(startup.length).toBeGreaterThan(0);
    for (const file of startup) {
      const code = readFileSync(join(dist, file), 'utf8');
      expect(code, file).not.toContain(EN_ONLY);
      expect(code, file).not.toContain(JA_ONLY);
    }
    // The page itself names both languages' chunks (as data), to preload the one this device will show.
    expect(html).toContain('"storageKey":"ui-locale"');
    // No inline script (the Content-Security-Policy allows none): every script is a file, or data.
    const scriptTags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scriptTags.length).toBeGreaterThan(1);
    for (const [tag, attributes, body] of scriptTags) {
      if (/type="application\/json"/.test(attributes!)) continue;
      expect(attributes, tag).toMatch(/\ssrc="\/[^"]+"/);
      expect(body!.trim(), tag).toBe('');
    }
    // Each language is a chunk of its own, fetched on demand.
    const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    const holding = (text: string) => assets.filter((f) => readFileSync(join(dist, 'assets', f), 'utf8').includes(text));
    expect(holding(EN_ONLY)).toHaveLength(1);
    expect(holding(JA_ONLY)).toHaveLength(1);
    expect(holding(EN_ONLY)).not.toEqual(holding(JA_ONLY));
  });
});

describe('an anonymous visit in Chromium', () => {
  it('lands on the sign-in page with no console error, having fetched Japanese only; switching fetches English', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const failed: string[] = [];
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
    });
    const refresh = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh'));
    let refreshes = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/refresh')) refreshes++;
    });

    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    const landing = await page.goto(`${server.url}/`);
    // The page runs under a strict policy: scripts of its own origin only.
    const policy = (landing!.headers()['content-security-policy'] ?? '').split(';').map((d) => d.trim());
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(landing!.headers()['x-content-type-options']).toBe('nosniff');
    await page.waitForURL('**/signin');
    expect((await refresh).status()).toBe(204);
    await expect.poll(() => page.getByTestId('page-heading').textContent()).toBe('ログイン');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    // index.html started the session restore; the app took its answer instead of asking again.
    expect(refreshes).toBe(1);
    const englishChunk = (path: string) => /\/assets\/en-shell-[^/]+\.js$/.test(path);
    const japaneseChunk = (path: string) => /\/assets\/ja-shell-[^/]+\.js$/.test(path);
    // The larger sets (ja-people-*.js, ja-*.js and their en) wait for a signed-in page.
    const wholeSet = (path: string) => /\/assets\/(ja|en)-(?!shell-)[^/]+\.js$/.test(path);
    expect(scripts.some(japaneseChunk)).toBe(true);
    expect(scripts.some(englishChunk)).toBe(false);
    expect(scripts.some(wholeSet)).toBe(false);

    await page.getByTestId('locale-switch').selectOption('en');
    await expect.poll(() => page.getByTestId('page-heading').textContent()).toBe('Sign in');
    expect(scripts.some(englishChunk)).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // Reloaded, the remembered language is the one fetched.
    scripts.length = 0;
    await page.reload();
    await expect.poll(() => page.getByTestId('page-heading').textContent()).toBe('Sign in');
    expect(scripts.some(japaneseChunk)).toBe(false);
    expect(scripts.some(wholeSet)).toBe(false);

    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
