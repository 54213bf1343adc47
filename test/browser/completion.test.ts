import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLessonViewing } from '@manabi/data';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

/**
 * Completion rules and resume in Chromium: a learner reads a lesson to the end and sees it
 * completed; they stop half way through another, and 続きから takes them back there.
 */
let server: TestServer;
let browser: Browser;
let packageId: string;
let tenantId: string;
const learner = { id: '', email: uniqueEmail('learner'), password: 'learner password 1', client: null as unknown as Client };
/** The server's clock runs this far ahead of real time (moved by the viewing-time test). */
let clockOffsetMs = 0;

/** A lesson much longer than the screen, so its end is seen only by scrolling to it. */
const longText = (topic: string) =>
  Array.from(
    { length: 120 },
    (_, i) => `${i + 1}. ${topic}について、報告は結論から、根拠を添えて短く伝えます。確認したことと、まだ分からないことを分けて書きます。`,
  ).join('\n\n');

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist(), now: () => new Date(Date.now() + clockOffsetMs) });
  const hr = await signUpCompany(server.url, '株式会社つづき');
  tenantId = hr.tenantId;
  const pkg = await hr.client.post('/api/packages', {
    title: { ja: '報告の基本', en: 'Reporting basics' },
    description: { ja: '読んで身につける' },
    level: 'junior',
    modules: [
      { id: 'intro', kind: 'lesson', title: { ja: '報告の型' }, estimatedMinutes: 10, body: { ja: longText('報告の型') } },
      { id: 'deep', kind: 'lesson', title: { ja: '相談のしかた' }, estimatedMinutes: 10, body: { ja: longText('相談') } },
      {
        id: 'memo',
        kind: 'lesson',
        title: { ja: '振り返りメモ' },
        estimatedMinutes: 5,
        body: { ja: '今週の報告を一つ選び、型に沿って書き直してみましょう。' },
        completion: { rule: 'self' },
      },
      {
        id: 'watch',
        kind: 'lesson',
        title: { ja: '報告の実例（動画）' },
        estimatedMinutes: 3,
        body: { ja: '上司への報告の実例を見て、結論の位置に注目しましょう。' },
        completion: { rule: 'viewed', minutes: 1 },
      },
    ],
  });
  expect(pkg.status).toBe(201);
  packageId = pkg.body.id;
  const user = await hr.client.post('/api/users', {
    name: '続き 読子',
    email: learner.email,
    role: 'learner',
    level: 'junior',
    sendInvite: true,
  });
  learner.id = user.body.id;
  await hr.client.post(`/api/packages/${packageId}/assignments`, { userIds: [user.body.id], dueDate: '2099-03-31' });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  learner.client = new Client(server.url);
  learner.client.token = (
    await learner.client.post('/api/auth/set-password', { token: new URL(mail.link).searchParams.get('token'), password: learner.password })
  ).body.accessToken;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(): Promise<Page> {
  return (await signInAs(browser, server.url, learner, { viewport: { width: 1280, height: 720 } })).page;
}

const row = (page: Page, moduleId: string) => page.locator(`[data-testid="assignment-module"][data-module-id="${moduleId}"]`);
/** Where the server says the learner stopped. */
const resumeOnServer = async () =>
  (await learner.client.get('/api/me/assignments')).body.items.find((a: { packageId: string }) => a.packageId === packageId)?.resume ??
  null;

const introDone = async () =>
  (await learner.client.get('/api/me/assignments')).body.items[0].progress.modules.find((m: { moduleId: string }) => m.moduleId === 'intro')
    .done as boolean;

describe('completion rules and resume in the browser', () => {
  it('reads a lesson to the end and sees it completed; a self-declared lesson keeps its button', async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/me/assignments`);
    await expect.poll(() => row(page, 'intro').getByTestId('module-rule').textContent()).toBe('最後まで読むと完了');
    expect(await row(page, 'intro').getByTestId('module-complete').count()).toBe(0);
    expect(await row(page, 'memo').getByTestId('module-rule').textContent()).toContain('自分で「完了にする」');
    expect(await row(page, 'memo').getByTestId('module-complete').count()).toBe(1);

    await row(page, 'intro').getByTestId('module-read').click();
    await page.waitForURL(`**/me/assignments/${packageId}/intro`);
    await expect.poll(() => page.getByTestId('module-rule').textContent()).toBe('最後まで読むと完了');
    // Opened (the server has it as where the learner is), but the end is far below the screen: not completed.
    await expect.poll(async () => (await resumeOnServer())?.moduleId, { timeout: 15_000 }).toBe('intro');
    expect(await introDone()).toBe(false);
    expect(await page.getByTestId('module-done').count()).toBe(0);

    await page.getByTestId('reader-end').scrollIntoViewIfNeeded();
    await expect.poll(() => page.getByTestId('module-done').textContent(), { timeout: 15_000 }).toBe('この教材は完了しています。');

    expect(await introDone()).toBe(true);
    await page.getByTestId('back-to-assignments').click();
    await expect.poll(() => row(page, 'intro').getAttribute('data-done')).toBe('true');
    expect(await row(page, 'deep').getAttribute('data-done')).toBe('false');
    await page.context().close();
  });

  it('stops half way through a lesson, and 続きから takes the learner back to the same place', async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/me/assignments`);
    await row(page, 'deep').getByTestId('module-read').click();
    await page.waitForURL(`**/me/assignments/${packageId}/deep`);
    await expect.poll(() => page.getByTestId('module-rule').textContent()).toBe('最後まで読むと完了');

    // Read down to about 40% of the text; the reader remembers it once scrolling settles.
    await page.evaluate(() => {
      const text = document.querySelector('[data-testid="reader-text"]')!;
      const top = text.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top + text.getBoundingClientRect().height * 0.4);
    });
    await expect.poll(async () => (await resumeOnServer())?.moduleId, { timeout: 15_000 }).toBe('deep');
    await expect.poll(async () => (await resumeOnServer())?.position ?? 0, { timeout: 15_000 }).toBeGreaterThan(0.3);
    const saved = (await resumeOnServer()).position as number;
    expect(await page.getByTestId('module-done').count()).toBe(0);

    // The plan offers to continue there too.
    await page.goto(`${server.url}/me/plan`);
    await expect.poll(() => page.getByTestId('resume-learning-link').getAttribute('data-module-id')).toBe('deep');

    // Elsewhere meanwhile: the top of the page.
    await page.goto(`${server.url}/me/assignments`);
    const resume = page.getByTestId('assignment-resume');
    await expect.poll(() => resume.textContent()).toBe('続きから: 相談のしかた');
    expect(await resume.getAttribute('data-module-id')).toBe('deep');
    await resume.click();
    await page.waitForURL(`**/me/assignments/${packageId}/deep`);

    // Back at the same place in the text, and still not completed.
    const positionOnScreen = () =>
      page.evaluate(() => {
        const rect = document.querySelector('[data-testid="reader-text"]')?.getBoundingClientRect();
        return rect ? -rect.top / rect.height : 0;
      });
    await expect.poll(positionOnScreen, { timeout: 15_000 }).toBeGreaterThan(saved - 0.05);
    expect(await positionOnScreen()).toBeLessThan(saved + 0.05);
    expect(await page.getByTestId('module-done').count()).toBe(0);
    await page.context().close();
  });

  // Heartbeats come every 15 s of real time: this test needs three, with a budget for a loaded machine.
  it('completes a viewing-time lesson from heartbeats the server times, while the page is visible', async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/me/assignments/${packageId}/watch`);
    await expect.poll(() => page.getByTestId('module-rule').textContent()).toBe('1分間の閲覧で完了（あと1分）');
    // A short text seen at once does not complete a viewing-time lesson.
    expect(await page.getByTestId('module-done').count()).toBe(0);

    // Each beat the server records, its clock jumps two minutes: every interval counts only up to the cap (30 s),
    // so the minute is reached on the third beat (two capped intervals), not on the second.
    const db = server.data.clientFor({ tenantId });
    let seenSeq = 0;
    await expect
      .poll(
        async () => {
          const viewing = await getLessonViewing(db, learner.id, packageId, 'watch');
          if (viewing && viewing.seq > seenSeq) {
            seenSeq = viewing.seq;
            clockOffsetMs += 120_000;
          }
          return page.getByTestId('module-done').count();
        },
        { timeout: 90_000, interval: 500 },
      )
      .toBe(1);
    const viewing = await getLessonViewing(db, learner.id, packageId, 'watch');
    expect(viewing!.viewedMs).toBeGreaterThanOrEqual(60_000);
    expect(await page.getByTestId('module-rule').textContent()).toBe('1分間の閲覧で完了');
    await page.context().close();
  }, 150_000);
});
