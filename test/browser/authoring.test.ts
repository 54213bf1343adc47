import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

/** Authoring without system knowledge, and feedback on long work (issue 14, items 7 and 9), in Chromium. */
let server: TestServer;
let browser: Browser;
let page: Page;
let hr: SignedUpCompany;
const files = mkdtempSync(join(tmpdir(), 'manabi-authoring-'));

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社オーサリング');
  browser = await launchChromium();
  ({ page } = await signInAs(browser, server.url, hr));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const byTestId = (id: string) => page.getByTestId(id);

describe('authoring with pickers and words', () => {
  it('chooses a framework skill with the keyboard and the difficulty as a word; the IRT value is there on request', async () => {
    const bank = await hr.client.post('/api/banks', { name: '作成バンク' });
    await page.goto(`${server.url}/admin/questions/new?bank=${bank.body.id}`);
    await byTestId('question-stem-ja').fill('不審なメールを受け取ったときの対応は？');
    const options = byTestId('question-option-text-ja');
    await options.nth(0).fill('情報システム部門に報告する');
    await options.nth(1).fill('リンクを開いて確かめる');
    await byTestId('question-option-correct').nth(0).check();

    const picker = byTestId('question-skill-picker-input');
    await picker.focus();
    // The list shows the company's framework, grouped by category, in Japanese.
    await expect.poll(() => byTestId('skill-option').count()).toBeGreaterThan(5);
    await picker.fill('セキュリティ');
    await expect.poll(() => byTestId('skill-option').allTextContents()).toEqual([expect.stringContaining('情報セキュリティ')]);
    expect(await picker.getAttribute('aria-expanded')).toBe('true');
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await expect.poll(() => byTestId('skill-chip').getAttribute('data-tag')).toBe('情報セキュリティ');
    // Several skills may be chosen, so the list stays open until Esc (or leaving the box).
    await picker.press('Escape');
    expect(await picker.getAttribute('aria-expanded')).toBe('false');

    // Difficulty: three words; b only inside the disclosure.
    expect(await byTestId('question-difficulty-field').textContent()).toMatch(/やさしい.*ふつう.*むずかしい/);
    expect(await byTestId('question-difficulty').isVisible()).toBe(false);
    await page.getByLabel('むずかしい').check();
    await byTestId('question-difficulty-irt').locator('summary').click();
    await expect.poll(() => byTestId('question-difficulty').inputValue()).toBe('1');
    await page.screenshot({ path: join(files, 'question-editor.png'), fullPage: true });

    await byTestId('question-publish').click();
    await expect.poll(() => byTestId('question-status').textContent()).toMatch(/公開/);
    const questions = (await hr.client.get(`/api/banks/${bank.body.id}/questions`)).body.items;
    expect(questions[0]).toMatchObject({ skillTags: ['情報セキュリティ'], irt: { b: 1 } });

    // The bank list says the word too, and b on request.
    await page.goto(`${server.url}/admin/banks/${bank.body.id}`);
    await expect.poll(() => byTestId('question-difficulty-word').textContent()).toBe('むずかしい');
    expect(await byTestId('question-difficulty-b').count()).toBe(0);
    await byTestId('questions-show-irt').check();
    await expect.poll(() => byTestId('question-difficulty-b').textContent()).toContain('1');
  });
});

describe('a long import in the background', () => {
  it('shows the progress, lets HR leave and come back, then shows the result', async () => {
    const domain = `${randomUUID().slice(0, 8)}.browser-import.test`;
    const rows = 1000;
    const csv = ['氏名,メールアドレス,部署,階層', ...Array.from({ length: rows }, (_, i) => `取込 ${i},p${i}@${domain},営業部,中堅`)];
    csv.push(`壊れた 行,not-an-email,,`);
    const file = join(files, 'users-1000.csv');
    writeFileSync(file, csv.join('\n'));

    await page.goto(`${server.url}/admin/users/import`);
    // The level help names the product's levels, as the importer reads them.
    expect(await byTestId('import-columns').textContent()).toMatch(/内定者.*新入社員.*若手.*中堅.*リーダー.*管理職/);
    await byTestId('import-file').setInputFiles(file);
    await byTestId('import-preview-button').click();
    await expect.poll(() => byTestId('import-summary').getAttribute('data-mode'), { timeout: 60_000 }).toBe('preview');

    await byTestId('import-commit-button').click();
    await byTestId('import-step-working').waitFor();
    const bar = byTestId('import-job-progress-bar');
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuemax')), { timeout: 60_000 }).toBe(rows + 1);
    await page.screenshot({ path: join(files, 'import-progress.png'), fullPage: true });

    // Leave for the users list, then come back: the import is still there.
    await byTestId('import-leave-to-users').click();
    await page.waitForURL('**/admin/users');
    await page.goto(`${server.url}/admin/users/import`);
    await expect
      .poll(async () => (await byTestId('import-step-working').count()) + (await byTestId('import-latest').count()), { timeout: 30_000 })
      .toBe(1);
    if ((await byTestId('import-latest').count()) === 1) await byTestId('import-latest-open').click();

    await expect.poll(() => byTestId('import-done-heading').count(), { timeout: 240_000, interval: 500 }).toBe(1);
    expect(await byTestId('import-summary-created').textContent()).toBe(String(rows));
    expect(await byTestId('import-summary-skipped').textContent()).toBe('1');
    expect(await byTestId('import-error-row').first().textContent()).toContain(String(rows + 2));
    await page.screenshot({ path: join(files, 'import-done.png'), fullPage: true });

    // Later still, the page offers the latest import's result.
    await page.goto(`${server.url}/admin/users/import`);
    await expect.poll(() => byTestId('import-latest-status').textContent()).toBe('完了');
  }, 300_000);
});

describe('empty reports', () => {
  it('say what fills them and link to the action', async () => {
    const fresh = await signUpCompany(server.url, '株式会社からっぽ');
    const context = await browser.newContext({ locale: 'ja-JP' });
    const other = await context.newPage();
    await other.goto(`${server.url}/signin`);
    await other.getByTestId('signin-email').fill(fresh.email);
    await other.getByTestId('signin-password').fill(fresh.password);
    await other.getByTestId('signin-submit').click();
    await other.waitForURL('**/admin/home');
    await other.goto(`${server.url}/admin/reports/overview`);
    const hint = other.getByTestId('empty-report-assignments');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('研修パッケージを割り当てる');
    await other.getByTestId('empty-report-assignments-action').click();
    await other.waitForURL('**/admin/packages');
    await other.goto(`${server.url}/admin/reports`);
    await other.getByTestId('empty-report-assessments').waitFor();
    expect(await other.getByTestId('empty-report-assessments-action').getAttribute('href')).toBe('/admin/assessments/new');
    await context.close();
  });
});
