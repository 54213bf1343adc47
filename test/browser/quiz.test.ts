import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';
import { webDist } from '../support/web-dist.js';

/**
 * A learner takes a quiz in Chromium: starts it, answers, reloads mid-quiz and resumes where they
 * were (no answer lost), finishes and reads the result with explanations.
 */
let server: TestServer;
let browser: Browser;
let page: Page;
const learner = { email: uniqueEmail('learner'), password: 'learner password 1' };

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  const hr = await signUpCompany(server.url, '株式会社クイズ');
  const bankId = await seedBank(hr.client, ['情報セキュリティ', 'コンプライアンス'], 3);
  const a = (
    await hr.client.post(
      '/api/assessments',
      fixedAssessment(
        bankId,
        [
          { skill: '情報セキュリティ', count: 2 },
          { skill: 'コンプライアンス', count: 2 },
        ],
        { title: { ja: '情報セキュリティ確認テスト', en: 'Security check' }, timeLimitMinutes: 15 },
      ),
    )
  ).body;
  expect((await hr.client.post(`/api/assessments/${a.id}/publish`)).status).toBe(200);
  await hr.client.post('/api/users', { name: '受講 花子', email: learner.email, role: 'learner', sendInvite: true });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  const token = new URL(mail.link).searchParams.get('token');
  expect((await new Client(server.url).post('/api/auth/set-password', { token, password: learner.password })).status).toBe(200);

  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const byTestId = (id: string) => page.getByTestId(id);

async function answerCurrent(optionId: string): Promise<string> {
  const stem = (await byTestId('player-stem').textContent()) ?? '';
  await page.locator(`[data-testid="player-option"][data-option-id="${optionId}"]`).click();
  await byTestId('player-submit').click();
  await expect.poll(() => byTestId('player-feedback').isVisible()).toBe(true);
  return stem;
}

describe('taking a quiz in the browser', () => {
  it('signs in as a learner and starts the assessment', async () => {
    await page.goto(`${server.url}/signin`);
    await byTestId('signin-email').fill(learner.email);
    await byTestId('signin-password').fill(learner.password);
    await byTestId('signin-submit').click();
    await page.waitForURL('**/me');
    // A phone: the sidebar is behind the header's menu button.
    await byTestId('nav-menu-button').click();
    await byTestId('nav-assessments').click();
    const row = page.locator('[data-testid="assessment-row"][data-title="情報セキュリティ確認テスト"]');
    await row.getByTestId('assessment-start').click();
    await page.waitForURL('**/attempts/*');
    await expect.poll(() => byTestId('player-progress').textContent()).toContain('1 / 4');
    expect(await byTestId('player-timer').isVisible()).toBe(true);
  });

  it('answers two questions, reloads, and resumes at the third without losing an answer', async () => {
    const first = await answerCurrent('a');
    expect(await byTestId('player-feedback').textContent()).toContain('正解');
    await byTestId('player-next').click();
    await expect.poll(() => byTestId('player-stem').textContent()).not.toBe(first);
    const second = await answerCurrent('b');
    expect(await byTestId('player-feedback').textContent()).toContain('不正解');
    await byTestId('player-next').click();
    await expect.poll(() => byTestId('player-stem').textContent()).not.toBe(second);
    const third = await byTestId('player-stem').textContent();

    await page.reload();
    await expect.poll(() => byTestId('player-progress').textContent()).toContain('3 / 4');
    expect(await byTestId('player-stem').textContent()).toBe(third);
  });

  it('finishes and shows the score, pass/fail, per-skill results and the review', async () => {
    await answerCurrent('a');
    await byTestId('player-next').click();
    await answerCurrent('a');
    await byTestId('player-next').click();
    await page.waitForURL('**/result');
    await expect.poll(() => byTestId('result-score').textContent()).toContain('75');
    expect(await byTestId('result-passed').textContent()).toMatch(/合格/);
    expect(await byTestId('result-skill-row').count()).toBe(2);
    expect(await byTestId('result-review-item').count()).toBe(4);
    expect(await page.locator('[data-testid="result-review-item"]').first().textContent()).toContain('解説');
  });
});
