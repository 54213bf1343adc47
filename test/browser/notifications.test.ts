import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

/**
 * Notifications in Chromium: the learner chooses how each kind reaches them by email (reached from
 * their own page), and the inbox shows a package HR has just assigned, with its due date.
 */
let server: TestServer;
let browser: Browser;
let hr: SignedUpCompany;
let learner: { id: string; email: string; password: string; client: Client };

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社お知らせ画面');
  learner = { id: '', email: uniqueEmail('notif-learner'), password: 'learner password 1', client: new Client(server.url) };
  const created = await hr.client.post('/api/users', { name: '受講 花子', email: learner.email, role: 'learner', sendInvite: true });
  learner.id = created.body.id;
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  learner.client.token = (
    await learner.client.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: learner.password })
  ).body.accessToken;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('notifications in the browser', () => {
  it('the learner opens the settings from their page and chooses the daily digest for agreed goals; the choice is kept', async () => {
    const { context, page } = await signInAs(browser, server.url, learner);
    await page.goto(`${server.url}/me`);
    await page.getByTestId('me-notification-settings-link').click();
    await page.waitForURL('**/me/notifications');
    await expect.poll(() => page.getByTestId('page-heading').textContent()).toBe('お知らせの設定');

    const assigned = page.getByTestId('notif-assignment_assigned-immediate');
    await expect.poll(() => assigned.isChecked()).toBe(true);
    // A learner is not offered HR's support-access notices; the Japanese page has no English words.
    expect(await page.getByTestId('notif-pref-support_access_granted').count()).toBe(0);
    const text = (await page.getByTestId('notif-prefs').textContent()) ?? '';
    expect(text.replaceAll('OJT', '')).not.toMatch(/[A-Za-z]/);

    await page.getByTestId('notif-goal_agreed-digest').check();
    await page.getByTestId('notif-save').click();
    await expect
      .poll(async () => (await learner.client.get('/api/me/notification-preferences')).body.items)
      .toContainEqual({
        kind: 'goal_agreed',
        email: 'digest',
        default: 'immediate',
      });
    await page.reload();
    await expect.poll(() => page.getByTestId('notif-goal_agreed-digest').isChecked()).toBe(true);
    expect(await page.getByTestId('notif-assignment_assigned-immediate').isChecked()).toBe(true);
    await context.close();
  });

  it('the inbox shows a package HR has just assigned, with its due date', async () => {
    const pkg = await hr.client.post('/api/packages', {
      title: { ja: '情報セキュリティ基礎' },
      description: { ja: '社内ルールの確認' },
      level: 'new_hire',
      modules: [{ id: 'l1', kind: 'lesson', title: { ja: '読む' }, estimatedMinutes: 10, body: { ja: '本文' } }],
    });
    const assigned = await hr.client.post(`/api/packages/${pkg.body.id}/assignments`, { userIds: [learner.id], dueDate: '2099-03-31' });
    expect(assigned.body.created).toBe(1);

    const { context, page } = await signInAs(browser, server.url, learner);
    await page.goto(`${server.url}/me/inbox`);
    const item = page.getByTestId('inbox-item').filter({ hasText: '研修パッケージが割り当てられました' });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getAttribute('data-read')).toBe('false');
    await item.getByTestId('inbox-open').click();
    const body = item.getByTestId('inbox-body');
    await expect.poll(() => body.isVisible()).toBe(true);
    expect(await body.textContent()).toContain('「情報セキュリティ基礎」が割り当てられました。期限は 2099-03-31 です。');
    await expect.poll(() => item.getAttribute('data-read')).toBe('true');
    await item.getByTestId('inbox-link').click();
    await page.waitForURL('**/me/assignments');
    await context.close();
  });

  it('HR returns a draft goal with a comment from the person’s page; the learner is told and sees the comment on the goal', async () => {
    const goal = await learner.client.post('/api/goals', {
      title: '報告を結論から話す',
      description: '毎日の報告を結論・理由・次の行動の順で話す練習をする',
      metric: { kind: 'proficiency', skillId: 'logical-thinking', target: 3 },
      skillId: 'logical-thinking',
      reason: '会議での説明を短く的確にするため',
      dueDate: '2099-03-31',
    });
    expect(goal.status).toBe(201);

    const hrSession = await signInAs(browser, server.url, hr);
    await hrSession.page.goto(`${server.url}/team/${learner.id}`);
    const card = hrSession.page.locator('[data-testid="member-goals"] li').filter({ hasText: '報告を結論から話す' });
    await card.getByTestId('goal-return').locator('summary').click();
    await card.getByTestId('goal-return-note').fill('期限までの練習回数を数値で書いてください');
    await card.getByTestId('goal-return-submit').click();
    await expect.poll(() => card.getByTestId('goal-returned').textContent()).toContain('期限までの練習回数を数値で書いてください');
    expect(await card.getByTestId('goal-return').count()).toBe(0);
    await hrSession.context.close();

    const { context, page } = await signInAs(browser, server.url, learner);
    await page.goto(`${server.url}/me/inbox`);
    const item = page.getByTestId('inbox-item').filter({ hasText: '目標が差し戻されました' });
    await expect.poll(() => item.count()).toBe(1);
    await page.goto(`${server.url}/me/goals`);
    const mine = page.locator(`[data-testid="goal-row"][data-goal-id="${goal.body.id}"]`);
    await expect.poll(() => mine.getByTestId('goal-returned').textContent()).toContain('期限までの練習回数を数値で書いてください');
    await context.close();
  });
});
