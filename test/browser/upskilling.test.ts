import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { seedBank } from '../support/content.js';
import { webDist } from '../support/web-dist.js';

/**
 * The upskilling cycle in Chromium: HR assigns a level package to a department; a learner sees it
 * in this week's plan, passes its quiz; the skill map and the goal's progress change.
 */
let server: TestServer;
let browser: Browser;
let hr: SignedUpCompany;
let learner: { id: string; email: string; password: string };
let packageId: string;
let departmentId: string;
let goalId: string;

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社サイクル');
  const bankId = await seedBank(hr.client, ['論理的思考'], 3);
  const pkg = await hr.client.post('/api/packages', {
    title: { ja: '新入社員研修（論理）', en: 'New employee programme (logic)' },
    description: { ja: '論理的思考の基礎' },
    level: 'new_hire',
    modules: [
      {
        id: 'logic-intro',
        kind: 'lesson',
        title: { ja: '論理的思考入門' },
        estimatedMinutes: 15,
        skillTags: ['論理的思考'],
        body: { ja: '# 結論から話す' },
      },
      {
        id: 'logic-check',
        kind: 'quiz',
        title: { ja: '論理的思考 確認テスト' },
        estimatedMinutes: 10,
        skillTags: ['論理的思考'],
        template: { bankIds: [bankId], draws: [{ skill: '論理的思考', count: 2 }] },
      },
    ],
  });
  packageId = pkg.body.id;
  departmentId = (await hr.client.post('/api/departments', { name: '企画部' })).body.id;
  learner = { id: '', email: uniqueEmail('learner'), password: 'learner password 1' };
  const created = await hr.client.post('/api/users', {
    name: '受講 太郎',
    email: learner.email,
    role: 'learner',
    departmentId,
    level: 'new_hire',
    sendInvite: true,
  });
  learner.id = created.body.id;
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  const lc = new Client(server.url);
  lc.token = (
    await lc.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: learner.password })
  ).body.accessToken;
  // A SMART goal for 論理的思考 (target 3), agreed by HR and started.
  goalId = (
    await lc.post('/api/goals', {
      title: '論理的に説明できるようになる',
      description: '報告を結論から話し、根拠を3つ添える練習を毎日する',
      metric: { kind: 'proficiency', skillId: 'logical-thinking', target: 3 },
      skillId: 'logical-thinking',
      reason: '会議での説明を短く的確にするため',
      dueDate: new Date(Date.now() + 200 * 86400_000).toISOString().slice(0, 10),
    })
  ).body.id;
  await hr.client.post(`/api/goals/${goalId}/agree`);
  await lc.post(`/api/goals/${goalId}/start`);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signedIn = (email: string, password: string) => signInAs(browser, server.url, { email, password });

describe('the upskilling cycle in the browser', () => {
  it('HR assigns the level package to the department', async () => {
    const { context, page } = await signedIn(hr.email, hr.password);
    await page.goto(`${server.url}/admin/packages/${packageId}`);
    await page.getByTestId('assign-department').selectOption(departmentId);
    await page.getByTestId('assign-due').fill('2099-03-31');
    await page.getByTestId('assign-submit').click();
    await expect.poll(() => page.getByTestId('assign-result').textContent()).toMatch(/1/);
    await context.close();
  });

  it('the learner sees it in this week’s plan, passes the quiz, and the skill map and goal change', async () => {
    const { context, page } = await signedIn(learner.email, learner.password);
    await page.getByTestId('nav-plan').click();
    const firstWeek = page.getByTestId('plan-week').first();
    await expect.poll(() => firstWeek.locator('[data-testid="plan-item"][data-module-id="logic-check"]').count()).toBe(1);

    await page.getByTestId('nav-assignments').click();
    await page.getByTestId('module-take-quiz').first().click();
    await page.waitForURL('**/attempts/*');
    for (let i = 0; i < 2; i++) {
      await page.locator('[data-testid="player-option"][data-option-id="a"]').click();
      await page.getByTestId('player-submit').click();
      await expect.poll(() => page.getByTestId('player-feedback').isVisible()).toBe(true);
      await page.getByTestId('player-next').click();
    }
    await page.waitForURL('**/result');
    await expect.poll(() => page.getByTestId('result-passed').textContent()).toMatch(/合格/);

    await page.goto(`${server.url}/me/skills`);
    const row = page.locator('[data-testid="my-skill-row"][data-skill-id="logical-thinking"]');
    await expect.poll(() => row.getByTestId('my-skill-gap').getAttribute('data-gap')).toBe('0');
    expect(await row.getByTestId('my-skill-current').textContent()).toContain('5');

    await page.getByTestId('nav-goals').click();
    const goal = page.locator(`[data-testid="goal-row"][data-goal-id="${goalId}"]`);
    await expect.poll(() => goal.getAttribute('data-status')).toBe('achieved');
    await context.close();
  });

  it('HR’s skill map shows the learner without a gap in 論理的思考', async () => {
    const { context, page } = await signedIn(hr.email, hr.password);
    await page.goto(`${server.url}/admin/skills`);
    const cell = page.locator(
      `[data-testid="skill-map-row"][data-user-id="${learner.id}"] [data-testid="skill-map-cell"][data-skill-id="logical-thinking"]`,
    );
    await expect.poll(() => cell.getAttribute('data-gap')).toBe('0');
    await context.close();
  });
});
