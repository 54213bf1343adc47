import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { fixedAssessment } from '../support/content.js';
import { webDist } from '../support/web-dist.js';

/** Images in questions (issue 17 item 9) in Chromium: an author adds one in the editor; a learner sees them load in a quiz. */
const FIXTURES = join(import.meta.dirname, '../fixtures/questions');
const RED_PNG = join(FIXTURES, 'images/red-arrow.png');

let server: TestServer;
let browser: Browser;
let hr: SignedUpCompany;
let bankId: string;
let assessmentId: string;
const learner = { email: uniqueEmail('learner'), password: 'learner password 1' };

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社図解');
  bankId = (await hr.client.post('/api/banks', { name: '図で答える' })).body.id;
  const imported = await hr.client.upload(
    `/api/banks/${bankId}/import?format=moodle_xml&mode=commit`,
    new Uint8Array(readFileSync(join(FIXTURES, 'moodle-xml/images.xml'))),
    { publish: 'true' },
    'images.xml',
  );
  expect(imported.body.imported).toBe(3);
  const sign = (await hr.client.get(`/api/banks/${bankId}/questions`)).body.items.find(
    (q: { title: string }) => q.title === '非常口の標識',
  );
  const created = await hr.client.post(
    '/api/assessments',
    fixedAssessment(bankId, [], {
      title: { ja: '図のテスト', en: 'Picture test' },
      fixed: { questionIds: [sign.id], draws: [], shuffleQuestions: false, shuffleOptions: false },
    }),
  );
  assessmentId = created.body.id;
  expect((await hr.client.post(`/api/assessments/${assessmentId}/publish`)).status).toBe(200);
  await hr.client.post('/api/users', { name: '受講 図子', email: learner.email, role: 'learner', sendInvite: true });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  const token = new URL(mail.link).searchParams.get('token');
  expect((await new Client(server.url).post('/api/auth/set-password', { token, password: learner.password })).status).toBe(200);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The images a locator holds, once each has loaded: alt text and natural width (0 = broken). */
async function loadedImages(images: Locator): Promise<{ alt: string | null; width: number }[]> {
  await expect.poll(() => images.evaluateAll((els) => els.every((el) => (el as HTMLImageElement).complete))).toBe(true);
  return images.evaluateAll((els) => els.map((el) => ({ alt: el.getAttribute('alt'), width: (el as HTMLImageElement).naturalWidth })));
}

describe('images in questions in the browser', () => {
  it('a learner sees the stem and option images load in the quiz, and again in the review', async () => {
    const { page } = await signInAs(browser, server.url, learner, { viewport: { width: 390, height: 844 } });
    await page.getByTestId('nav-menu-button').click();
    await page.getByTestId('nav-assessments').click();
    await page.locator('[data-testid="assessment-row"][data-title="図のテスト"]').getByTestId('assessment-start').click();
    await page.waitForURL('**/attempts/*');

    const stemImages = page.getByTestId('player-stem').getByTestId('question-image');
    await expect.poll(() => stemImages.count()).toBe(1);
    expect(await loadedImages(stemImages)).toEqual([{ alt: '緑色の非常口の標識', width: 8 }]);
    const optionImages = page.getByTestId('player-option').getByTestId('question-image');
    expect(await loadedImages(optionImages)).toEqual([{ alt: '赤い矢印', width: 6 }]);
    // The text around an image is text: no token shows.
    expect(await page.getByTestId('player-stem').textContent()).not.toContain('file:');
    // Responsive: never wider than the phone's column.
    const box = await stemImages.first().boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);

    await page.locator('[data-testid="player-option"]').first().click();
    await page.getByTestId('player-submit').click();
    await expect.poll(() => page.getByTestId('player-feedback').isVisible()).toBe(true);
    // The explanation shows the sign too.
    expect(await loadedImages(page.getByTestId('player-explanation').getByTestId('question-image'))).toEqual([{ alt: '標識', width: 8 }]);
    await page.getByTestId('player-next').click();
    await page.waitForURL('**/result');
    const review = page.getByTestId('result-review-item').getByTestId('question-image');
    await expect.poll(() => review.count()).toBe(2);
    expect(await loadedImages(review)).toEqual([
      { alt: '緑色の非常口の標識', width: 8 },
      { alt: '標識', width: 8 },
    ]);
  });

  it('an author adds an image to an option (alt text required), sees it in the preview, saves it, and removes it', async () => {
    const { page } = await signInAs(browser, server.url, hr, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/admin/questions/new?bank=${bankId}`);
    await page.getByTestId('question-stem-ja').fill('止まれを示す矢印はどれですか。');
    const texts = page.getByTestId('question-option-text-ja');
    await texts.nth(0).fill('青い矢印');
    await page.getByTestId('question-option-correct').nth(1).check();

    const second = page.locator('[data-testid$="-images"]').nth(2);
    await second.locator('[data-testid$="-image-add"]').click();
    await second.locator('[data-testid$="-image-file"]').setInputFiles(RED_PNG);
    await second.locator('[data-testid$="-image-insert"]').click();
    await expect.poll(() => second.locator('[data-testid$="-image-error"]').textContent()).toBe('代替テキストを入力してください');
    await second.locator('[data-testid$="-image-alt"]').fill('赤い矢印');
    await second.locator('[data-testid$="-image-insert"]').click();
    await expect.poll(() => texts.nth(1).inputValue()).toMatch(/^!\[赤い矢印\]\(file:[0-9a-z]{16}\)$/);

    // The live preview renders it as the learner will see it.
    const preview = page.getByTestId('player-option').getByTestId('question-image');
    await expect.poll(() => preview.count()).toBe(1);
    expect(await loadedImages(preview)).toEqual([{ alt: '赤い矢印', width: 6 }]);

    await page.getByTestId('question-publish').click();
    await expect.poll(() => page.getByTestId('question-status').textContent()).toMatch(/公開/);
    const stored = (await hr.client.get(`/api/banks/${bankId}/questions`)).body.items.find(
      (q: { stemPreview: string }) => q.stemPreview === '止まれを示す矢印はどれですか。',
    );
    const content = (await hr.client.get(`/api/questions/${stored.id}`)).body.content;
    expect(content.options[1].text.ja).toMatch(/^!\[赤い矢印\]\(file:[0-9a-z]{16}\)$/);

    await second.locator('[data-testid$="-image-remove"]').click();
    await expect.poll(() => texts.nth(1).inputValue()).toBe('');
    expect(await preview.count()).toBe(0);
  });
});
