import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@manabi/api/local';
import en from '../../web/src/i18n/en.js';
import { MISSING_MESSAGE_WARNING } from '../../web/src/i18n/missing.js';
import ja from '../../web/src/i18n/ja.js';
import { enrolDuringSignIn, activePerson } from '../support/accounts.js';
import { launchChromium } from '../support/browser.js';
import { Client, signUpCompany, type SignedUpCompany } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { webDist } from '../support/web-dist.js';

/**
 * The public pages render from the shell's messages alone (web/src/i18n/ja-shell.ts, en-shell.ts):
 * every public route of web/src/router.ts is opened in Chromium with the whole-set message chunks
 * blocked, in Japanese and in English, and must paint no missing message (the app reports one on
 * the console) and no raw message key (in its text, its title or its labels).
 */

let server: TestServer;
let browser: Browser;
let company: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  company = await signUpCompany(server.url, '株式会社シェル');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The paths of the routes router.ts marks public (read from its source: a new public page is opened at once). */
function publicPaths(): string[] {
  const source = readFileSync(join(repoRoot(), 'web/src/router.ts'), 'utf8');
  const body = source.slice(source.indexOf('export const routes'), source.indexOf('];', source.indexOf('export const routes')));
  const paths: string[] = [];
  for (const entry of body.split(/\n {2}\{/).slice(1)) {
    const path = /path: '([^']+)'/.exec(entry)?.[1];
    if (path && /public: true/.test(entry)) paths.push(path);
  }
  return paths;
}

const NOT_FOUND = '/no-such-page';

/** Each public path as it is opened: parameters filled in, with and without the token its link carries. */
function visits(path: string): string[] {
  if (path === '/:pathMatch(.*)*') return [NOT_FOUND];
  if (path === '/verify/:code?') return ['/verify', '/verify/ABCD-EFGH-JKLM-NPQR'];
  if (['/verify-email', '/set-password', '/reset-password'].includes(path)) return [path, `${path}?token=not-a-real-token`];
  if (path.includes(':')) throw new Error(`public path ${path}: say how to open it`);
  return [path];
}

function messageKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => messageKeys(child, prefix ? `${prefix}.${key}` : key));
}
/** Keys with a dot: a bare word like `backHome` could be ordinary text. */
const KEYS = messageKeys(ja).filter((key) => key.includes('.'));

/** The whole-set chunks (ja-*.js, en-*.js, not the shells): what a public page must not need. */
const WHOLE_SET = /\/assets\/(ja|en)-(?!shell-)[^/]+\.js$/;

interface Watch {
  missing: string[];
  blocked: string[];
}

/** A fresh page in `locale` whose whole-set message chunks fail to download; what it reports is collected. */
async function shellOnlyPage(locale: 'ja' | 'en'): Promise<{ page: Page; watch: Watch; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: locale === 'ja' ? 'ja-JP' : 'en-US' });
  await context.addInitScript((choice) => localStorage.setItem('ui-locale', choice), locale);
  const page = await context.newPage();
  const watch: Watch = { missing: [], blocked: [] };
  page.on('console', (message) => {
    if (message.text().startsWith(MISSING_MESSAGE_WARNING)) watch.missing.push(message.text());
  });
  await page.route(WHOLE_SET, (route) => {
    watch.blocked.push(new URL(route.request().url()).pathname);
    return route.abort();
  });
  return { page, watch, close: () => context.close() };
}

/** Every raw message key found on the page: in its text, its title and the labels it gives. */
async function rawKeysOn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const attributes = ['placeholder', 'title', 'aria-label', 'alt'];
    const labels = Array.from(document.querySelectorAll('*')).flatMap((el) =>
      attributes.map((name) => el.getAttribute(name)).filter((v): v is string => !!v),
    );
    return [document.title, document.body.innerText, ...labels].join('\n');
  });
  return KEYS.filter((key) => texts.includes(key));
}

/** Waits for the page's heading in the language shown, then for the page to settle (its requests done). */
async function settled(page: Page) {
  await page.getByTestId('page-heading').first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('public pages with the shell’s messages only', () => {
  const paths = publicPaths().flatMap(visits);

  it('finds the public routes in router.ts', () => {
    expect(paths).toEqual(expect.arrayContaining(['/signin', '/signup', '/forgot-password', '/signin/mfa', '/verify', '/forbidden']));
  });

  for (const locale of ['ja', 'en'] as const) {
    it(`paints every public page in ${locale} with no missing message and no raw key`, async () => {
      for (const path of paths) {
        const { page, watch, close } = await shellOnlyPage(locale);
        await page.goto(`${server.url}${path}`);
        await settled(page);
        expect(await page.locator('html').getAttribute('lang'), path).toBe(locale);
        expect(await rawKeysOn(page), path).toEqual([]);
        expect(watch.missing, path).toEqual([]);
        // A guest never asks for the rest of the messages (index.html preloads them on any path
        // that is not a public page's, an unknown one included: web/src/public-paths.ts).
        if (path !== NOT_FOUND) expect(watch.blocked, path).toEqual([]);
        await close();
      }
    });
  }

  it('switches a public page from Japanese to English', async () => {
    const { page, watch, close } = await shellOnlyPage('ja');
    await page.goto(`${server.url}/forgot-password`);
    await settled(page);
    await expect.poll(() => page.getByTestId('page-heading').textContent()).toBe(ja.accountSecurity.forgotTitle);
    await page.getByTestId('locale-switch').selectOption('en');
    await expect.poll(() => page.getByTestId('page-heading').textContent()).toBe(en.accountSecurity.forgotTitle);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await rawKeysOn(page)).toEqual([]);
    expect(watch.missing).toEqual([]);
    expect(watch.blocked).toEqual([]);
    await close();
  });

  it('shows the sign-in’s second step (enrolment, then a code) from the shell', async () => {
    const required = await company.client.put('/api/security-settings', { requireMfaForAdmins: true });
    expect(required.status).toBe(200);
    const enrolling = await activePerson(company.client, 'manager');
    const enrolled = await activePerson(company.client, 'manager');
    const challenge = await new Client(server.url).post('/api/auth/signin', { email: enrolled.email, password: enrolled.password });
    await enrolDuringSignIn(new Client(server.url), challenge.body.challengeToken);

    for (const [person, ready] of [
      [enrolling, 'mfa-secret'],
      [enrolled, 'mfa-verify-code'],
    ] as const) {
      const { page, watch, close } = await shellOnlyPage('ja');
      await page.goto(`${server.url}/signin`);
      await page.getByTestId('signin-email').fill(person.email);
      await page.getByTestId('signin-password').fill(person.password);
      await page.getByTestId('signin-submit').click();
      await page.waitForURL('**/signin/mfa');
      await page.getByTestId(ready).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await rawKeysOn(page), ready).toEqual([]);
      expect(watch.missing, ready).toEqual([]);
      await close();
    }
  });
});
