import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { seedBank } from '../support/content.js';
import { webDist } from '../support/web-dist.js';

/**
 * A learner takes an adaptive test in Chromium, knowing one skill and not the other. While it runs
 * the player shows a range of items left and a progress bar that never goes back; the result page
 * shows the level in plain words with its meaning, each skill's own level and what to study next,
 * and no psychometric jargon. HR's report on the learner still shows θ, SE and the scaled score.
 */
let server: TestServer;
let browser: Browser;
let hr: SignedUpCompany;
let learnerId: string;
const learner = { email: uniqueEmail('learner'), password: 'learner password 1' };

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社スコア表示');
  const bankId = await seedBank(hr.client, ['論理的思考', 'ビジネス基礎'], 12, (i) => -2 + (4 * i) / 11);
  const created = await hr.client.post('/api/assessments', {
    title: { ja: '適応型スキルチェック', en: 'Adaptive skill check' },
    mode: 'adaptive',
    bankIds: [bankId],
    adaptive: { skills: ['論理的思考', 'ビジネス基礎'], minItems: 4, maxItems: 10, seTarget: 0.1 },
    passMark: 3,
    reviewPolicy: 'after_submit',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await hr.client.post(`/api/assessments/${created.body.id}/publish`)).status).toBe(200);
  // A module that builds the skill the learner will miss, for "what to study next".
  const pkg = await hr.client.post('/api/packages', {
    title: { ja: '若手社員の基本動作', en: 'Basics for junior staff' },
    description: { ja: '基本動作の見直し' },
    level: 'junior',
    modules: [
      {
        id: 'manners',
        kind: 'lesson',
        title: { ja: 'ビジネスマナーの基本', en: 'Business manners' },
        estimatedMinutes: 20,
        skillTags: ['ビジネス基礎'],
        body: { ja: '# 挨拶と報連相' },
      },
    ],
  });
  expect(pkg.status, JSON.stringify(pkg.body)).toBe(201);
  const user = await hr.client.post('/api/users', {
    name: '受講 太郎',
    email: learner.email,
    role: 'learner',
    level: 'junior',
    sendInvite: true,
  });
  learnerId = user.body.id;
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  const token = new URL(mail.link).searchParams.get('token');
  expect((await new Client(server.url).post('/api/auth/set-password', { token, password: learner.password })).status).toBe(200);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('scores a learner understands', () => {
  let page: Page;

  it('takes the adaptive test with a range of items left and a progress bar that never goes back', async () => {
    ({ page } = await signInAs(browser, server.url, learner, { viewport: { width: 390, height: 844 } }));
    // A phone: the sidebar is behind the header's menu button.
    await page.getByTestId('nav-menu-button').click();
    await page.getByTestId('nav-assessments').click();
    await page.locator('[data-testid="assessment-row"][data-title="適応型スキルチェック"]').getByTestId('assessment-start').click();
    await page.waitForURL('**/attempts/*');
    const percents: number[] = [];
    const maxima: number[] = [];
    for (let n = 1; ; n++) {
      await expect.poll(() => page.getByTestId('player-progress').textContent()).toContain(`${n} 問目`);
      const progress = (await page.getByTestId('player-progress').textContent()) ?? '';
      const range = /あと (\d+)(?:〜(\d+))? 問程度/.exec(progress);
      expect(range, progress).not.toBeNull();
      maxima.push(Number(range![2] ?? range![1]));
      percents.push(Number(await page.getByTestId('player-adaptive-progress').getAttribute('aria-valuenow')));
      const stem = (await page.getByTestId('player-stem').textContent()) ?? '';
      // Right on 論理的思考, wrong on ビジネス基礎 (option a is every seeded item's key).
      await page.locator(`[data-testid="player-option"][data-option-id="${stem.startsWith('論理的思考') ? 'a' : 'b'}"]`).click();
      await page.getByTestId('player-submit').click();
      await expect.poll(() => page.getByTestId('player-feedback').isVisible()).toBe(true);
      const last = (await page.getByTestId('player-next').textContent())?.includes('結果を見る');
      await page.getByTestId('player-next').click();
      if (last) break;
    }
    expect(percents.length).toBe(10);
    for (let k = 1; k < percents.length; k++) {
      expect(percents[k], JSON.stringify(percents)).toBeGreaterThanOrEqual(percents[k - 1]!);
      expect(maxima[k], JSON.stringify(maxima)).toBeLessThanOrEqual(maxima[k - 1]!);
    }
  });

  it('shows the level with its meaning, each skill’s own level and what to study next, with no θ, SE or スケール', async () => {
    await page.waitForURL('**/result');
    await expect.poll(() => page.getByTestId('result-band-name').isVisible()).toBe(true);
    const band = Number(await page.getByTestId('result-band').textContent());
    expect(band).toBeGreaterThanOrEqual(1);
    expect(((await page.getByTestId('result-band-meaning').textContent()) ?? '').endsWith('段階です。')).toBe(true);

    const logic = page.locator('[data-testid="result-skill-row"][data-skill="論理的思考"]');
    const basics = page.locator('[data-testid="result-skill-row"][data-skill="ビジネス基礎"]');
    const logicBand = Number(await logic.getAttribute('data-band'));
    const basicsBand = Number(await basics.getAttribute('data-band'));
    expect(logicBand).toBeGreaterThan(basicsBand);
    expect(await logic.getByTestId('result-skill-level').textContent()).toContain(`${logicBand} `);
    expect(await basics.textContent()).toContain('0 / 5');

    expect(await page.getByTestId('result-focus').textContent()).toContain('ビジネス基礎');
    // The plan's modules for that skill (up to two per skill), the basics lesson among them.
    await expect
      .poll(async () => (await page.getByTestId('result-focus-module').allTextContents()).join(' '))
      .toContain('ビジネスマナーの基本');

    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/θ|\bSE\b|スケール/);

    // The learning plan the link opens offers the same module (in its weeks or beside them).
    await page.getByTestId('result-to-plan').click();
    await page.waitForURL('**/me/plan');
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('ビジネスマナーの基本');
  });

  it('keeps θ, SE and the scaled score on HR’s report of the learner', async () => {
    const { page: hrPage } = await signInAs(browser, server.url, { email: hr.email, password: hr.password });
    await hrPage.goto(`${server.url}/admin/reports/learners/${learnerId}`);
    await expect.poll(() => hrPage.getByTestId('learner-attempt-row').count()).toBe(1);
    expect(await hrPage.getByTestId('learner-attempts-table').locator('thead').textContent()).toContain('θ');
    expect(await hrPage.getByTestId('learner-attempt-theta').textContent()).toMatch(/^-?\d/);
    expect(await hrPage.getByTestId('learner-attempt-se').textContent()).toMatch(/^\d/);
    expect(await hrPage.getByTestId('learner-attempt-scaled').textContent()).toMatch(/^\d{3}$/);
  });
});
