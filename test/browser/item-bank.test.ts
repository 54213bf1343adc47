import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

/** HR builds an assessment in Chromium: a bank, a question (with the live preview), a draw rule, publish. */
let server: TestServer;
let browser: Browser;
let page: Page;
let hr: SignedUpCompany;

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社問題作成');
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP' });
  await page.goto(`${server.url}/signin`);
  await page.getByTestId('signin-email').fill(hr.email);
  await page.getByTestId('signin-password').fill(hr.password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL('**/admin/home');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const byTestId = (id: string) => page.getByTestId(id);

describe('building an assessment in the browser', () => {
  it('creates a bank and a question whose preview follows the editor, then publishes it', async () => {
    await byTestId('nav-banks').click();
    await byTestId('bank-create-name').fill('新人研修バンク');
    await byTestId('bank-create-submit').click();
    await page.locator('[data-testid="bank-row"]', { hasText: '新人研修バンク' }).getByTestId('bank-link').click();
    await byTestId('question-new').click();
    await page.waitForURL('**/admin/questions/new**');

    await byTestId('question-stem-ja').fill('パスワードの使い回しについて正しいものは？');
    const options = byTestId('question-option-text-ja');
    await options.nth(0).fill('サービスごとに別のパスワードにする');
    await options.nth(1).fill('覚えやすいので同じものを使う');
    await options.nth(2).fill('付箋に書いてモニターに貼る');
    await options.nth(3).fill('同僚と共有する');
    await byTestId('question-option-correct').nth(0).check();
    await byTestId('question-skill-tags').fill('情報セキュリティ');
    // The preview shows the question as the learner will see it, as it is typed.
    await expect.poll(() => byTestId('question-preview').textContent()).toContain('パスワードの使い回しについて正しいものは？');
    expect(await byTestId('question-preview').textContent()).toContain('覚えやすいので同じものを使う');

    await byTestId('question-publish').click();
    await expect.poll(() => byTestId('question-status').textContent()).toMatch(/公開/);
    const banks = (await hr.client.get('/api/banks')).body.items;
    const questions = (await hr.client.get(`/api/banks/${banks[0].id}/questions`)).body.items;
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({ status: 'published', skillTags: ['情報セキュリティ'], type: 'single_choice' });
  });

  it('creates a fixed assessment with a draw rule and publishes it', async () => {
    await byTestId('nav-assessments-admin').click();
    await byTestId('assessment-new').click();
    await byTestId('assessment-title-ja').fill('セキュリティ小テスト');
    await byTestId('draw-skill').first().fill('情報セキュリティ');
    await byTestId('draw-count').first().fill('1');
    await byTestId('assessment-publish').click();
    await expect.poll(() => byTestId('assessment-status').textContent()).toMatch(/公開/);
    const list = (await hr.client.get('/api/assessments')).body.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'published', questionCount: 1, title: { ja: 'セキュリティ小テスト' } });
  });
});
