import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { webDist } from '../support/web-dist.js';
import { uploadZip, zipFixture } from '../support/scorm.js';

/**
 * A SCORM 1.2 course end to end in Chromium: HR uploads it in the package editor (a broken zip
 * first, refused with its reason), a learner plays it in the reader — the course runs in a frame
 * on the content origin (content.localhost), talking to scorm-again — passes its question and sees
 * the module completed; opening it again resumes where they stopped.
 */
let server: TestServer;
let browser: Browser;
let hr: SignedUpCompany;
const learner = { id: '', email: uniqueEmail('learner'), password: 'learner password 1' };
let packageId = '';

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社スコーム研修');
  const created = await hr.client.post('/api/users', {
    name: '受講 花子',
    email: learner.email,
    role: 'learner',
    level: 'new_hire',
    sendInvite: true,
  });
  learner.id = created.body.id;
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  await new Client(server.url).post('/api/auth/set-password', {
    token: new URL(mail.link).searchParams.get('token'),
    password: learner.password,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signedIn = (email: string, password: string) => signInAs(browser, server.url, { email, password });

const zipFile = (name: string, fixture: string) => ({ name, mimeType: 'application/zip', buffer: Buffer.from(zipFixture(fixture)) });

describe('a SCORM course in the browser', () => {
  it('HR adds a SCORM module to a package by uploading the zip; a broken zip is refused with its reason', async () => {
    const { context, page } = await signedIn(hr.email, hr.password);
    await page.goto(`${server.url}/admin/packages/new`);
    await page.getByTestId('package-title-ja').fill('情報セキュリティ研修');
    await page.getByTestId('package-description-ja').fill('SCORM 教材で学びます');
    await page.getByTestId('package-add-scorm').click();
    await page.getByTestId('package-module-title-ja').fill('パスワードの扱い（SCORM）');

    await page.getByTestId('scorm-upload').setInputFiles(zipFile('broken.zip', 'broken-no-manifest'));
    await expect.poll(() => page.getByTestId('scorm-upload-error').textContent()).toContain('imsmanifest.xml が見つかりません');

    // The zip goes straight to the signed storage URL (never in an API request body), with progress shown.
    const sent: { method: string; path: string; json: unknown }[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      const json = r.method() === 'POST' ? r.postDataJSON() : null;
      if (url.origin === server.url) sent.push({ method: r.method(), path: url.pathname, json });
    });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const shown = document.querySelector('[data-testid="scorm-upload-progress"]');
        if (shown) seen.push(shown.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const security = zipFile('security.zip', 'scorm12-quiz');
    await page.getByTestId('scorm-upload').setInputFiles(security);
    await expect.poll(() => page.getByTestId('scorm-uploaded').textContent()).toContain('情報セキュリティの基本（SCORM 1.2）');
    expect(sent.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path.replace(/[0-9a-z]{16}/, '<id>')])).toEqual([
      ['POST', '/api/scorm-packages/uploads'],
      ['PUT', '/api/objects/upload'],
      ['POST', '/api/scorm-packages/uploads/<id>/complete'],
    ]);
    expect(sent.find((r) => r.path === '/api/scorm-packages/uploads')!.json).toEqual({
      fileName: 'security.zip',
      size: security.buffer.length,
    });
    const progressSeen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progressSeen.some((text) => text.includes('教材を確認しています'))).toBe(true);
    expect(await page.getByTestId('scorm-package-select').inputValue()).toMatch(/^[0-9a-z]{16}$/);
    await page.getByTestId('scorm-rule-passed').check();
    await page.getByTestId('package-save').click();
    await page.waitForURL((url) => /^\/admin\/packages\/[0-9a-z]{16}$/.test(url.pathname));
    packageId = new URL(page.url()).pathname.split('/').pop()!;
    await context.close();

    const saved = (await hr.client.get(`/api/packages/${packageId}`)).body.package.modules[0];
    expect(saved).toMatchObject({ kind: 'scorm', completion: 'passed' });
    expect((await hr.client.post(`/api/packages/${packageId}/assignments`, { userIds: [learner.id], dueDate: '2099-12-31' })).status).toBe(
      200,
    );
  });

  it('the learner plays it to the end in a frame on the content origin and sees the module completed; reopening resumes', async () => {
    const { context, page } = await signedIn(learner.email, learner.password);
    await page.goto(`${server.url}/me/assignments`);
    const row = page.locator(`[data-testid="assignment-module"][data-kind="scorm"]`);
    await expect.poll(() => row.locator('.module-kind').textContent()).toContain('SCORM教材');
    await row.getByTestId('module-open-scorm').click();
    await expect.poll(() => page.getByTestId('scorm-not-started').isVisible()).toBe(true);
    await page.getByTestId('scorm-open').click();

    const frame = page.getByTestId('scorm-frame');
    await expect.poll(async () => new URL((await frame.getAttribute('src')) ?? 'http://x').host).toMatch(/^content\.localhost:\d+$/);
    const sco = page.frameLocator('[data-testid="scorm-frame"]').frameLocator('[data-testid="scorm-sco"]');
    await expect.poll(() => sco.getByTestId('sco-status').textContent(), { timeout: 30_000 }).toContain('受講 花子 さん');
    await sco.getByTestId('sco-next').click();
    await sco.getByTestId('sco-answer-b').check();
    await sco.getByTestId('sco-submit').click();
    await expect.poll(() => sco.getByTestId('sco-result').textContent()).toContain('正解です');
    await expect.poll(() => sco.getByTestId('sco-status').textContent()).toContain('結果を送信しました');

    // The reader hears from the player and shows the result; the module is done by its rule (passed).
    await expect.poll(() => page.getByTestId('scorm-status').getAttribute('data-success'), { timeout: 20_000 }).toBe('passed');
    expect(await page.getByTestId('scorm-score').textContent()).toContain('100');
    await expect.poll(() => page.getByTestId('module-done').isVisible(), { timeout: 20_000 }).toBe(true);
    await sco.getByTestId('sco-finish').click();
    await expect.poll(() => sco.getByTestId('sco-status').textContent()).toContain('終了しました');

    // The course's scripts run on the content origin: the app's page (its document, storage, session) is out of their reach.
    const scoFrame = page.frames().find((f) => f.url().includes('/content/index.html'))!;
    expect(new URL(scoFrame.url()).host).toMatch(/^content\.localhost:/);
    await expect(scoFrame.evaluate(() => window.top!.document.title)).rejects.toThrow();
    await expect(scoFrame.evaluate(() => window.top!.localStorage.length)).rejects.toThrow();

    await page.getByTestId('scorm-close').click();
    await page.getByTestId('back-to-assignments').click();
    await expect.poll(() => page.locator('[data-testid="assignment-module"][data-kind="scorm"]').getAttribute('data-done')).toBe('true');

    // Reopened: the course resumes on its result page with the answer it saved (suspend_data).
    await page.locator('[data-testid="assignment-module"][data-kind="scorm"]').getByTestId('module-open').click();
    await expect.poll(() => page.getByTestId('scorm-open').textContent()).toContain('続きから再開する');
    await page.getByTestId('scorm-open').click();
    await expect.poll(() => sco.getByTestId('sco-resume').textContent(), { timeout: 30_000 }).toContain('場所: result、回答: b');
    expect(await sco.getByTestId('sco-result').textContent()).toContain('正解です');
    await context.close();
  });

  it('a SCORM 2004 4th edition course reports its slide and answer, passes, and resumes at the slide it was left on', async () => {
    const uploaded = await uploadZip(hr.client, zipFixture('scorm2004-course'));
    const pkg = await hr.client.post('/api/packages', {
      title: { ja: '報連相研修' },
      description: { ja: 'SCORM 2004 の教材' },
      level: 'new_hire',
      modules: [
        {
          id: 'horenso',
          kind: 'scorm',
          title: { ja: '報連相' },
          estimatedMinutes: 10,
          skillTags: [],
          scormPackageId: uploaded.body.id,
          completion: 'passed',
        },
      ],
    });
    await hr.client.post(`/api/packages/${pkg.body.id}/assignments`, { userIds: [learner.id], dueDate: '2099-12-31' });

    const { context, page } = await signedIn(learner.email, learner.password);
    await page.goto(`${server.url}/me/assignments/${pkg.body.id}/horenso`);
    await page.getByTestId('scorm-open').click();
    const sco = page.frameLocator('[data-testid="scorm-frame"]').frameLocator('[data-testid="scorm-sco"]');
    await expect.poll(() => sco.getByTestId('sco-status').textContent(), { timeout: 30_000 }).toContain('受講 花子 さん');
    await sco.getByTestId('sco-next').click();
    await sco.getByTestId('sco-next').click();
    await expect.poll(() => sco.getByTestId('sco-slide').textContent()).toBe('3');
    await sco.getByTestId('sco-answer-conclusion').check();
    await sco.getByTestId('sco-submit').click();
    await expect.poll(() => sco.getByTestId('sco-result').textContent()).toBe('合格（記録しました）');
    await expect.poll(() => page.getByTestId('scorm-status').getAttribute('data-success'), { timeout: 20_000 }).toBe('passed');
    expect(await page.getByTestId('scorm-score').textContent()).toContain('90');
    await expect.poll(() => page.getByTestId('module-done').isVisible(), { timeout: 20_000 }).toBe(true);
    await sco.getByTestId('sco-exit').click();
    await expect.poll(() => sco.getByTestId('sco-status').textContent()).toBe('中断しました');
    await page.getByTestId('scorm-close').click();

    await page.getByTestId('scorm-open').click();
    await expect.poll(() => sco.getByTestId('sco-resume').textContent(), { timeout: 30_000 }).toContain('スライド 3、見たスライド 1,2,3');
    expect(await sco.getByTestId('sco-slide').textContent()).toBe('3');
    await context.close();
  });
});
