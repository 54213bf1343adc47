import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { FIXTURES, uploadFile } from '../support/files.js';
import { inspectLessonHtml } from '../support/lesson-dom.js';
import { webDist } from '../support/web-dist.js';
import { XSS_CORPUS } from '../fixtures/xss-corpus.js';

/**
 * Rich lessons in the built SPA: the learner reads a lesson with a table, a checklist, an uploaded
 * image (served by signed URL) and a video embed; the whole XSS corpus, as a lesson body and in the
 * author's live preview, runs nothing and leaves only allowed markup; the author uploads a file,
 * inserts it and sees it in the preview, and a file refused by its content gets a clear message.
 */
let server: TestServer;
let browser: Browser;
let hr: SignedUpCompany;
let learner: { email: string; password: string };
let packageId: string;
let imageId: string;
const CORPUS_TEXT = XSS_CORPUS.map((v) => v.markdown).join('\n\n');

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社教材');
  imageId = (await uploadFile(hr.client, '構成図.png', FIXTURES.png)).body.id;
  const pkg = await hr.client.post('/api/packages', {
    title: { ja: 'ビジネス基礎' },
    description: { ja: '表・画像・動画のある教材' },
    level: 'new_hire',
    modules: [
      {
        id: 'rich',
        kind: 'lesson',
        title: { ja: '報連相の基本' },
        estimatedMinutes: 10,
        body: {
          ja: `# 報連相\n\n| 種類 | いつ |\n| --- | --- |\n| 報告 | 終わったら |\n| 相談 | 迷ったら |\n\n- [ ] 上司に報告する\n- [x] メモを取った\n\n![構成図](file:${imageId})\n\nhttps://www.youtube.com/watch?v=abcdefghijk\n\n[社外の記事](https://example.com/article)`,
        },
      },
      { id: 'corpus', kind: 'lesson', title: { ja: 'コーパス' }, estimatedMinutes: 5, body: { ja: CORPUS_TEXT } },
    ],
  });
  expect(pkg.status).toBe(201);
  packageId = pkg.body.id;
  learner = { email: uniqueEmail('learner'), password: 'learner password 1' };
  const created = await hr.client.post('/api/users', { name: '受講 花子', email: learner.email, role: 'learner', sendInvite: true });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  await new Client(server.url).post('/api/auth/set-password', {
    token: new URL(mail.link).searchParams.get('token'),
    password: learner.password,
  });
  await hr.client.post(`/api/packages/${packageId}/assignments`, { userIds: [created.body.id], dueDate: '2099-03-31' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A signed-in page whose every document has a watched `__xss` (what corpus payloads call) and no dialogs. */
async function signedIn(email: string, password: string): Promise<{ context: BrowserContext; page: Page; hits: unknown[] }> {
  const hits: unknown[] = [];
  const { context, page } = await signInAs(browser, server.url, { email, password }, {}, async (context, page) => {
    await context.exposeBinding('__xss', (_source, id) => void hits.push(id ?? 'anonymous'));
    page.on('dialog', (dialog) => {
      hits.push(`dialog:${dialog.message()}`);
      void dialog.dismiss();
    });
  });
  return { context, page, hits };
}

const problemsIn = (page: Page, selector: string) =>
  page.evaluate(
    ({ selector, inspect }) => {
      const check = new Function(`return (${inspect})`)() as (root: ParentNode) => string[];
      return Array.from(document.querySelectorAll(selector)).flatMap((root) => check(root));
    },
    { selector, inspect: inspectLessonHtml.toString() },
  );

const imagesSettled = (page: Page) =>
  page.waitForFunction(() => Array.from(document.images).every((img) => img.complete), undefined, { timeout: 30_000 });

describe('rich lessons in the browser', () => {
  it('the learner reads a lesson with a table, a checklist, an uploaded image and a cookie-less video', async () => {
    const { context, page } = await signedIn(learner.email, learner.password);
    await page.goto(`${server.url}/me/assignments/${packageId}/rich`);
    const body = page.getByTestId('markdown');
    await expect.poll(() => body.locator('td').allTextContents()).toEqual(['報告', '終わったら', '相談', '迷ったら']);
    expect(await body.locator('li input[type="checkbox"][disabled]').count()).toBe(2);
    expect(await body.textContent()).not.toContain('[ ]');
    const image = body.locator('img');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await image.getAttribute('src')).toMatch(/^\/api\/objects\/file\?t=/);
    expect(await body.locator('iframe').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abcdefghijk');
    const link = body.locator('a[href="https://example.com/article"]');
    expect([await link.getAttribute('target'), await link.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer nofollow']);
    await context.close();
  });

  it(`the XSS corpus (${XSS_CORPUS.length} vectors) as a lesson body runs nothing and leaves only allowed markup`, async () => {
    const { context, page, hits } = await signedIn(learner.email, learner.password);
    await page.goto(`${server.url}/me/assignments/${packageId}/corpus`);
    await expect.poll(() => page.getByTestId('markdown').locator('p').count()).toBeGreaterThan(50);
    await imagesSettled(page);
    expect(await problemsIn(page, '[data-testid="markdown"]')).toEqual([]);
    // The watch itself works: the page can reach it, and nothing but this probe has called it.
    await page.evaluate(() => (window as unknown as { __xss: (id: string) => Promise<void> }).__xss('probe'));
    expect(hits).toEqual(['probe']);
    await context.close();
  });

  it('the author previews live, uploads a file into the text, gets a clear refusal by content, and the corpus runs nothing there', async () => {
    const { context, page, hits } = await signedIn(hr.email, hr.password);
    await page.goto(`${server.url}/admin/packages/${packageId}`);
    await page.getByTestId('package-edit').click();
    const row = page.locator('[data-testid="package-module-row"][data-module-id="rich"]');
    await row.getByTestId('package-module-toggle').click();
    const bodyJa = row.getByTestId('package-module-body-ja');
    await bodyJa.fill('# 見出し\n\n**太字**の説明');
    await row.getByTestId('package-module-preview-toggle').click();
    const previewJa = row.getByTestId('lesson-preview-ja');
    await expect.poll(() => previewJa.locator('strong').textContent()).toBe('太字');

    await row
      .getByTestId('lesson-file-input')
      .setInputFiles({ name: 'slide.png', mimeType: 'image/png', buffer: Buffer.from(FIXTURES.png) });
    await expect.poll(() => row.getByTestId('lesson-file-notice').textContent()).toContain('slide.png');
    expect(await bodyJa.inputValue()).toMatch(/!\[slide\.png\]\(file:[0-9a-z]{16}\)/);
    await expect.poll(() => previewJa.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);

    // A web page named like a picture is refused by what it contains, with a message in Japanese.
    await row
      .getByTestId('lesson-file-input')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(FIXTURES.html) });
    await expect.poll(() => row.getByTestId('lesson-file-error').textContent()).toContain('中身で判定');

    await bodyJa.fill(CORPUS_TEXT);
    await expect.poll(() => previewJa.locator('p').count()).toBeGreaterThan(50);
    await imagesSettled(page);
    expect(await problemsIn(page, '[data-testid="lesson-preview-ja"] [data-testid="markdown"]')).toEqual([]);
    expect(hits).toEqual([]);
    await context.close();
  });
});
