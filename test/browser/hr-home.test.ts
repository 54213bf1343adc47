import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, type SignedUpCompany } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';
import { webDist } from '../support/web-dist.js';

/** HR's home in Chromium: the checklist of a new company, the figures of a running one, the phone menu. */
let server: TestServer;
let browser: Browser;
let fresh: SignedUpCompany;
let running: SignedUpCompany;
const shots = mkdtempSync(join(tmpdir(), 'manabi-home-'));

const inDays = (n: number) => new Date(Date.now() + 9 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);

/** A company with people, a late assignment and one passed attempt, counted by the stream. */
async function runningCompany(): Promise<SignedUpCompany> {
  const hr = await signUpCompany(server.url, '株式会社稼働中');
  const sales = (await hr.client.post('/api/departments', { name: '営業部' })).body.id;
  const people = [];
  for (let i = 0; i < 2; i++)
    people.push(
      (
        await hr.client.post('/api/users', {
          name: `受講者${i}`,
          email: `home-${i}-${hr.tenantId.toLowerCase()}@home.test`,
          level: 'new_hire',
          departmentId: sales,
          sendInvite: false,
        })
      ).body,
    );
  const pkg = (
    await hr.client.post('/api/packages', {
      title: { ja: '新人研修' },
      description: { ja: '最初の一歩' },
      level: 'new_hire',
      modules: [{ id: 'm1', kind: 'lesson', title: { ja: '講義' }, estimatedMinutes: 5, body: { ja: '本文' } }],
    })
  ).body;
  await hr.client.post(`/api/packages/${pkg.id}/assignments`, { userIds: [people[0].id], dueDate: inDays(-2) });
  await hr.client.post(`/api/packages/${pkg.id}/assignments`, { userIds: [people[1].id], dueDate: inDays(10) });
  const bankId = await seedBank(hr.client, ['論理的思考'], 2);
  const a = (await hr.client.post('/api/assessments', fixedAssessment(bankId, [{ skill: '論理的思考', count: 2 }]))).body;
  await hr.client.post(`/api/assessments/${a.id}/publish`);
  const learner = new Client(server.url);
  learner.token = await server.deps.signer.signAccess(
    { userId: people[1].id, tenantId: hr.tenantId, vendorId: null, role: 'learner' },
    new Date(),
  );
  let v = (await learner.post(`/api/assessments/${a.id}/attempts`)).body;
  while (v.current)
    v = (await learner.post(`/api/attempts/${v.id}/answers`, { questionId: v.current.questionId, response: { optionId: 'a' } })).body
      .attempt;
  for (let i = 0; i < 10 && (await server.drainStream()) > 0; i++);
  return hr;
}

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist(), aggregate: true });
  fresh = await signUpCompany(server.url, '株式会社はじまり');
  running = await runningCompany();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The element that has focus: its tag and text. */
const focused = (page: Page) =>
  page.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));

describe("HR's home in the browser", () => {
  it('shows a new company its getting-started checklist, 0/5, each step linking to the page that does it', async () => {
    const { context, page } = await signInAs(browser, server.url, fresh);
    await page.waitForURL('**/admin/home');
    await expect.poll(() => page.getByTestId('onboarding-progress').textContent()).toBe('0/5 完了');
    const steps = page.locator('[data-testid^="onboarding-step-"]');
    expect(await steps.count()).toBe(5);
    expect(await steps.evaluateAll((items) => items.map((li) => li.getAttribute('data-done')))).toEqual([
      'false',
      'false',
      'false',
      'false',
      'false',
    ]);
    expect(await page.getByTestId('hr-home-no-data').isVisible()).toBe(true);
    expect(await page.getByTestId('onboarding-dismiss').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'home-new.png'), fullPage: true });
    const links = await page
      .locator('[data-testid^="onboarding-link-"]')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('data-testid'), a.getAttribute('href')]));
    expect(Object.fromEntries(links)).toEqual({
      'onboarding-link-importPeople': '/admin/users/import',
      'onboarding-link-reviewFramework': '/admin/framework',
      'onboarding-link-assignPackages': '/admin/packages',
      'onboarding-link-publishTest': '/admin/assessments',
      'onboarding-link-firstResults': '/admin/reports',
    });

    // Following a step lands on its page, with focus on the page's heading for screen readers.
    await page.getByTestId('onboarding-link-importPeople').click();
    await page.waitForURL('**/admin/users/import');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1' });
    expect((await focused(page)).text).toBe((await page.locator('#main h1').textContent())?.trim());
    await context.close();
  });

  it('shows a running company the weekly figures, each linking into its report, below the steps left', async () => {
    const { context, page } = await signInAs(browser, server.url, running);
    await page.waitForURL('**/admin/home');
    // Steps left (people, framework not saved) sit above the figures.
    await expect.poll(() => page.getByTestId('onboarding-progress').textContent()).toBe('4/5 完了');
    expect(await page.getByTestId('onboarding-step-reviewFramework').getAttribute('data-done')).toBe('false');
    const order = await page.evaluate(() => {
      const checklist = document.querySelector('[data-testid="onboarding-checklist"]')!;
      const kpis = document.querySelector('[data-testid="hr-home-kpis"]')!;
      return checklist.compareDocumentPosition(kpis) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();

    expect(await page.getByTestId('kpi-pass-rate-value').textContent()).toBe('100%');
    expect(await page.getByTestId('kpi-overdue-value').textContent()).toContain('1');
    expect(await page.getByTestId('kpi-overdue-rows').textContent()).toContain('営業部');
    expect(await page.getByTestId('kpi-active-learners-value').textContent()).toMatch(/[1-9]/);
    expect(await page.getByTestId('kpi-skill-gaps-week').textContent()).toMatch(/今週 解消 \d+ 件・新たなギャップ \d+ 件/);
    const hrefs = await page
      .locator('[data-testid$="-link"][data-testid^="kpi-"]')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('data-testid'), a.getAttribute('href')]));
    expect(Object.fromEntries(hrefs)).toEqual({
      'kpi-on-time-link': '/admin/reports/overview',
      'kpi-overdue-link': '/admin/reports/overview',
      'kpi-pass-rate-link': '/admin/reports',
      'kpi-skill-gaps-link': '/admin/reports/skill-gaps',
      'kpi-active-learners-link': '/admin/reports/overview',
    });
    await page.screenshot({ path: join(shots, 'home-running.png'), fullPage: true });
    await page.getByTestId('kpi-skill-gaps-link').click();
    await page.waitForURL('**/admin/reports/skill-gaps');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1' });
    await context.close();
  });

  it('lets HR dismiss the checklist once every step is done', async () => {
    const framework = (await running.client.get('/api/skills/framework')).body;
    await running.client.request('PUT', '/api/skills/framework', { framework: framework.framework, expectedRev: framework.rev });
    const { context, page } = await signInAs(browser, server.url, running);
    await page.waitForURL('**/admin/home');
    await expect.poll(() => page.getByTestId('onboarding-progress').textContent()).toBe('5/5 完了');
    await page.getByTestId('onboarding-dismiss').click();
    await expect.poll(() => page.getByTestId('onboarding-checklist').count()).toBe(0);
    expect(await page.getByTestId('kpi-pass-rate').isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('kpi-pass-rate').isVisible()).toBe(true);
    expect(await page.getByTestId('onboarding-checklist').count()).toBe(0);
    await context.close();
  });

  it('keeps the header compact on a 375 px phone, with a menu that opens, closes with Esc and navigates', async () => {
    const { context, page } = await signInAs(browser, server.url, fresh, { viewport: { width: 375, height: 740 } });
    await page.waitForURL('**/admin/home');
    await page.getByTestId('onboarding-checklist').waitFor();
    await page.screenshot({ path: join(shots, 'phone-home.png'), fullPage: true });
    const header = page.locator('header.app-header');
    const height = await header.evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(64);
    // The sidebar stays out of the way until asked for.
    expect(await page.getByTestId('app-sidebar').isVisible()).toBe(false);
    const button = page.getByTestId('nav-menu-button');
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.getByTestId('app-sidebar').isVisible()).toBe(true);
    // Focus moves into the menu; Esc closes it and gives focus back to the button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('nav-home');
    await page.screenshot({ path: join(shots, 'phone-menu.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('app-sidebar').isVisible()).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('nav-menu-button');

    // Open again and go to the packages: the menu closes and focus lands on the new page's heading.
    await button.click();
    await page.getByTestId('nav-packages').click();
    await page.waitForURL('**/admin/packages');
    await expect.poll(() => page.getByTestId('app-sidebar').isVisible()).toBe(false);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1' });
    expect(await header.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(64);

    // Sign-out and the language are in the menu, and still work.
    await button.click();
    await page.getByTestId('locale-switch').selectOption('en');
    await expect.poll(() => page.getByTestId('nav-packages').textContent()).toContain('Packages');
    await page.getByTestId('signout-button').click();
    await page.waitForURL('**/signin**');
    console.log(JSON.stringify({ headerHeightAt375px: height, screenshots: shots }));
    await context.close();
  });
});
