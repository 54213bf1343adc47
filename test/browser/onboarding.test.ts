import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';
import { uniqueEmail, verificationLink } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

/**
 * The first hour of a new customer, in Chromium against the real server: sign up a company,
 * sign out and in again, add a user, import a Shift_JIS CSV (preview, then commit) and switch
 * the UI to English.
 */
let server: TestServer;
let browser: Browser;
let page: Page;
const shots = mkdtempSync(join(tmpdir(), 'manabi-shots-'));

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const byTestId = (id: string) => page.getByTestId(id);

describe('onboarding a company in the browser', () => {
  const email = uniqueEmail('hr');
  const password = 'browser password 1';

  it('signs up a company, follows the emailed link and lands on HR’s home, signed in, with the users page one click away', async () => {
    await page.goto(`${server.url}/signup`);
    await byTestId('signup-company-name').fill('株式会社ブラウザ');
    await byTestId('signup-admin-name').fill('人事 花子');
    await byTestId('signup-email').fill(email);
    await byTestId('signup-password').fill(password);
    await byTestId('signup-submit').click();
    // The page says where the link went (the same whether or not the address had an account).
    await expect.poll(() => byTestId('signup-sent').textContent()).toContain(email);
    await page.goto(await verificationLink(server.url, email));
    await page.waitForURL('**/admin/home');
    await expect.poll(() => byTestId('onboarding-progress').textContent()).toBe('0/5 完了');
    await byTestId('nav-users').click();
    await page.waitForURL('**/admin/users');
    await expect.poll(() => byTestId('page-heading').textContent()).toContain('ユーザー');
    await expect.poll(() => byTestId('user-row').count()).toBe(1);
    // The link proved the address.
    expect(await byTestId('email-unverified-banner').count()).toBe(0);
    // The brand comes from the branding endpoint, applied as CSS variables and the title.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand-color').trim())).toBe('#0f766e');
    expect(await page.title()).toContain('Manabi');
  });

  it('signs out, refuses a wrong password with a generic message, and signs in', async () => {
    await byTestId('signout-button').click();
    await page.waitForURL('**/signin**');
    // Keyboard: every input has a label, and the focused one shows a visible outline.
    for (const id of ['signin-email', 'signin-password']) {
      const inputId = await byTestId(id).getAttribute('id');
      expect(await page.locator(`label[for="${inputId}"]`).count(), id).toBe(1);
    }
    await byTestId('signin-email').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const ring = await byTestId('signin-email').evaluate((el) => {
      const style = getComputedStyle(el);
      return { focused: document.activeElement === el, outline: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(ring.focused).toBe(true);
    // Inputs show their focus as a brand-coloured ring (box-shadow) or an outline.
    expect(ring.outline !== 'none' || ring.shadow !== 'none').toBe(true);
    await byTestId('signin-email').fill(email);
    await byTestId('signin-password').fill('wrong password!');
    await byTestId('signin-submit').click();
    await expect.poll(() => byTestId('error-alert').textContent()).toContain('メールアドレスまたはパスワードが正しくありません');
    await byTestId('signin-password').fill(password);
    await byTestId('signin-submit').click();
    await page.waitForURL('**/admin/home');
    await byTestId('nav-users').click();
    await page.waitForURL('**/admin/users');
    // A reload keeps the session (refresh cookie), and the page is still there.
    await page.reload();
    await expect.poll(() => byTestId('user-row').count()).toBe(1);
  });

  it('adds a user with the form', async () => {
    await byTestId('add-user-link').click();
    await page.waitForURL('**/admin/users/new');
    await byTestId('user-name').fill('新人 一郎');
    const newEmail = uniqueEmail('newbie');
    await byTestId('user-email').fill(newEmail);
    await byTestId('user-level').selectOption('new_hire');
    await byTestId('user-hire-date').fill('2026-04-01');
    await byTestId('user-submit').click();
    await page.goto(`${server.url}/admin/users`);
    await expect.poll(() => page.locator(`[data-testid="user-row"][data-email="${newEmail}"]`).count()).toBe(1);
    expect(await page.locator(`[data-testid="user-row"][data-email="${newEmail}"]`).textContent()).toContain('新入社員');
  });

  it('imports a Shift_JIS CSV: preview shows the bad row, commit adds the good ones', async () => {
    const domain = `${Date.now()}.csv.test`;
    const csv = [
      '氏名,メールアドレス,ロール,部署,階層,入社日',
      `髙橋 二郎,jiro@${domain},受講者,営業部,若手社員,2024/4/1`,
      `山本 三子,sanko@${domain},マネージャー,営業部,管理職,`,
      `壊れた 行,not-an-email,,,,`,
    ].join('\r\n');
    const file = join(shots, 'users-sjis.csv');
    writeFileSync(file, iconv.encode(csv, 'cp932'));

    await page.goto(`${server.url}/admin/users/import`);
    await byTestId('import-file').setInputFiles(file);
    await byTestId('import-preview-button').click();
    await expect.poll(() => byTestId('import-summary').getAttribute('data-mode')).toBe('preview');
    expect(await byTestId('import-summary-created').textContent()).toContain('2');
    expect(await byTestId('import-summary-encoding').textContent()).toMatch(/Shift_JIS/i);
    const errorRows = byTestId('import-error-row');
    expect(await errorRows.count()).toBe(1);
    expect(await errorRows.first().textContent()).toContain('4');
    expect(await errorRows.first().textContent()).toContain('メールアドレスの形式が正しくありません');
    await page.screenshot({ path: join(shots, 'import-preview.png'), fullPage: true });

    await byTestId('import-commit-button').click();
    await expect.poll(() => byTestId('import-summary').getAttribute('data-mode')).toBe('commit');
    await byTestId('import-back-to-users').click();
    await page.waitForURL('**/admin/users');
    await expect.poll(() => page.locator(`[data-testid="user-row"][data-email="jiro@${domain}"]`).count()).toBe(1);
    expect(await page.locator(`[data-testid="user-row"][data-email="sanko@${domain}"]`).textContent()).toContain('営業部');
  });

  it('switches the language to English, and the choice survives a reload', async () => {
    await byTestId('locale-switch').selectOption('en');
    await expect.poll(() => byTestId('page-heading').textContent()).toContain('Users');
    await page.reload();
    await expect.poll(() => byTestId('page-heading').textContent()).toContain('Users');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.screenshot({ path: join(shots, 'users-en.png'), fullPage: true });
    console.log(JSON.stringify({ screenshots: shots }));
  });
});
