import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';
import { Client, uniqueEmail } from '../support/client.js';
import { enrolDuringSignIn, passMfaInPage } from '../support/accounts.js';
import { fixedAssessment, seedBank } from '../support/content.js';
import { createVendor, platformAdmin, PNG_1x1, requestWithHost } from '../support/vendors.js';
import { webDist } from '../support/web-dist.js';

/**
 * White-label end to end: a vendor admin brands its console and creates a client company in
 * Chromium; the company's HR admin follows the emailed link to the vendor's host, signs in, and
 * sees only the vendor's brand — the platform's name is nowhere in the DOM or the title of the
 * sign-in, dashboard and quiz pages. `*.localhost` resolves to this machine in Chromium itself.
 */
let server: TestServer;
let browser: Browser;
let port: string;
const PLATFORM_NAME = /manabi/i;
const hrEmail = uniqueEmail('wl-hr');
const hrPassword = 'white label hr 1';
let vendorHost: string;
let vendor: { email: string; password: string; totpSecret?: string };

const outbox = async (to: string) =>
  (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === to) as {
    link: string;
    fromName: string;
  };

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  port = new URL(server.url).port;
  const platform = await platformAdmin(server);
  const v = await createVendor(server, platform, '白ラベル研修株式会社');
  vendorHost = `learn-${v.id}.localhost`;
  // The vendor admin sets a password from the invitation, as a person would.
  const adminEmail = (await v.client.get('/api/me')).body.user.email as string;
  vendor = { email: adminEmail, password: 'vendor admin pass 1' };
  const token = new URL((await outbox(adminEmail)).link).searchParams.get('token');
  // A vendor admin always needs MFA: the invitation's password step leads to enrolment (done here through the API).
  const setter = new Client(server.url);
  const set = await setter.post('/api/auth/set-password', { token, password: vendor.password });
  expect(set.body.mfa).toBe('enrol');
  vendor.totpSecret = (await enrolDuringSignIn(setter, set.body.challengeToken)).secret;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Fails if the platform's name shows anywhere on the page (DOM or title). */
async function expectNoPlatformName(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(await page.title()).not.toMatch(PLATFORM_NAME);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toMatch(PLATFORM_NAME);
}

describe('a vendor’s brand, from its console to its client’s people', () => {
  it('the vendor brands itself and creates a client company in its console', async () => {
    const page = await browser.newPage({ locale: 'ja-JP' });
    await page.goto(`${server.url}/signin`);
    await page.getByTestId('signin-email').fill(vendor.email);
    await page.getByTestId('signin-password').fill(vendor.password);
    await page.getByTestId('signin-submit').click();
    await passMfaInPage(page, vendor.totpSecret!);
    await page.waitForURL('**/vendor/tenants');

    await page.goto(`${server.url}/vendor/branding`);
    await page.getByTestId('vendor-branding-product-name').fill('ホワイト研修ポータル');
    await page.getByTestId('vendor-branding-color-text').fill('#5b21b6');
    await page.getByTestId('vendor-branding-sender-name').fill('ホワイト研修事務局');
    await page.getByTestId('vendor-branding-domain-add').click();
    await page.getByTestId('vendor-branding-domain-0').fill(vendorHost);
    await page.getByTestId('vendor-branding-save').click();
    await expect
      .poll(async () => (await requestWithHost(server, 'GET', '/api/branding', vendorHost)).body.productName)
      .toBe('ホワイト研修ポータル');
    await page
      .getByTestId('vendor-branding-logo-input')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1x1) });
    await expect.poll(() => page.getByTestId('vendor-branding-logo-preview').isVisible()).toBe(true);

    await page.goto(`${server.url}/vendor/tenants`);
    await page.getByTestId('vendor-tenant-create').click();
    await page.getByTestId('vendor-tenant-name').fill('株式会社ホワイト');
    await page.getByTestId('vendor-tenant-admin-name').fill('人事 白子');
    await page.getByTestId('vendor-tenant-admin-email').fill(hrEmail);
    await page.getByTestId('vendor-tenant-submit').click();
    await expect.poll(() => page.getByTestId('vendor-tenant-row').count()).toBe(1);
    await page.close();
  });

  it('the company’s HR admin follows the vendor’s email to the vendor’s host and never sees the platform’s name', async () => {
    const mail = await outbox(hrEmail);
    expect(mail.fromName).toBe('ホワイト研修事務局');
    const link = new URL(mail.link);
    expect(link.host).toBe(`${vendorHost}:${port}`);

    const page = await browser.newPage({ locale: 'ja-JP' });
    // The check below can fail: the platform's own host does show its name.
    await page.goto(`${server.url}/signin`);
    await expect.poll(() => page.title()).toMatch(PLATFORM_NAME);
    await page.goto(mail.link);
    await page.getByTestId('set-password-password').fill(hrPassword);
    await page.getByTestId('set-password-confirm').fill(hrPassword);
    await page.getByTestId('set-password-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/set-password'));
    await page.getByTestId('signout-button').click();

    // Sign-in page on the vendor's host.
    await page.waitForURL('**/signin**');
    await expect.poll(() => page.title()).toContain('ホワイト研修ポータル');
    await expect.poll(() => page.getByTestId('signin-logo').isVisible()).toBe(true);
    await expectNoPlatformName(page);
    await page.getByTestId('signin-email').fill(hrEmail);
    await page.getByTestId('signin-password').fill(hrPassword);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

    // The company's pages carry the vendor's product name, colour and logo.
    await expect.poll(() => page.getByTestId('product-name').textContent()).toContain('ホワイト研修ポータル');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand-color').trim())).toBe('#5b21b6');
    expect(await page.locator('.brand__logo').getAttribute('src')).toMatch(/^\/api\/assets\/brand\/v\//);
    await expectNoPlatformName(page);
    await page.goto(`http://${vendorHost}:${port}/me`);
    await expect.poll(() => page.getByTestId('product-name').textContent()).toContain('ホワイト研修ポータル');
    await expectNoPlatformName(page);

    // A quiz, from the list to the player.
    const api = new Client(server.url);
    const signin = await api.post('/api/auth/signin', { email: hrEmail, password: hrPassword });
    api.token = signin.body.accessToken;
    const bankId = await seedBank(api, ['情報セキュリティ'], 3);
    const quiz = (
      await api.post(
        '/api/assessments',
        fixedAssessment(bankId, [{ skill: '情報セキュリティ', count: 2 }], { title: { ja: 'ホワイト確認テスト' } }),
      )
    ).body;
    expect((await api.post(`/api/assessments/${quiz.id}/publish`)).status).toBe(200);
    await page.goto(`http://${vendorHost}:${port}/assessments`);
    const row = page.locator('[data-testid="assessment-row"][data-title="ホワイト確認テスト"]');
    await row.getByTestId('assessment-start').click();
    await page.waitForURL('**/attempts/*');
    await expect.poll(() => page.getByTestId('player-stem').isVisible()).toBe(true);
    await expectNoPlatformName(page);
    await page.close();
  });
});
