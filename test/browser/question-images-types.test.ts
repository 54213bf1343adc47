import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

/**
 * Images in the newer question types, in Chromium: a matching prompt and a cloze stem show their
 * image (loaded, with its alt text) beside the selects and gaps; a matching choice with an image
 * reads as its alt text in the select (an <option> holds text only); no token text ever shows.
 */
const IMAGES = join(import.meta.dirname, '../fixtures/questions/images');

let server: TestServer;
let browser: Browser;
let page: Page;
let attemptId: string;
const learner = { email: uniqueEmail('pictures'), password: 'learner password 1' };
const common = { skillTags: ['報連相'], level: null, difficultyPrior: 0, status: 'published' };

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  const hr = await signUpCompany(server.url, '株式会社図と穴埋め');
  const upload = async (name: string) => {
    const up = await hr.client.request('POST', `/api/question-images?name=${name}`, undefined, {
      raw: new Blob([new Uint8Array(readFileSync(join(IMAGES, name)))], { type: 'image/png' }),
      headers: { 'content-type': 'image/png' },
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    return up.body.id as string;
  };
  const green = await upload('green-sign.png');
  const red = await upload('red-arrow.png');
  const bank = (await hr.client.post('/api/banks', { name: '図の新形式' })).body;
  const ids: string[] = [];
  for (const q of [
    {
      ...common,
      type: 'matching',
      stem: { ja: '標識と意味を組み合わせなさい。' },
      prompts: [
        { id: 'p1', text: { ja: `![緑の標識](file:${green})` } },
        { id: 'p2', text: { ja: '止まれ' } },
      ],
      choices: [
        { id: 'a', text: { ja: '非常口' } },
        { id: 'b', text: { ja: `![赤い矢印](file:${red})` } },
      ],
      key: { p1: 'a', p2: 'b' },
    },
    {
      ...common,
      type: 'cloze',
      stem: { ja: `![赤い矢印](file:${red})\nこの矢印は{{1}}を指し、{{2}}メートル先です。` },
      blanks: [
        { id: '1', kind: 'text', accepted: ['出口'] },
        { id: '2', kind: 'numeric', value: 20 },
      ],
    },
  ]) {
    const res = await hr.client.post(`/api/banks/${bank.id}/questions`, q);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(res.body.id);
  }
  const a = await hr.client.post('/api/assessments', {
    title: { ja: '図の新形式テスト' },
    mode: 'fixed',
    bankIds: [bank.id],
    fixed: { questionIds: ids, draws: [], shuffleQuestions: false, shuffleOptions: false },
    passMark: 50,
    reviewPolicy: 'after_submit',
  });
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  expect((await hr.client.post(`/api/assessments/${a.body.id}/publish`)).status).toBe(200);
  await hr.client.post('/api/users', { name: '図 太郎', email: learner.email, role: 'learner', sendInvite: true });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  const token = new URL(mail.link).searchParams.get('token');
  const me = new Client(server.url);
  me.token = (await me.post('/api/auth/set-password', { token, password: learner.password })).body.accessToken;
  attemptId = (await me.post(`/api/assessments/${a.body.id}/attempts`)).body.id;

  browser = await launchChromium();
  ({ page } = await signInAs(browser, server.url, learner, { viewport: { width: 390, height: 844 } }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The images a locator holds, once each has loaded: alt text and natural width (0 = broken). */
async function loadedImages(images: Locator): Promise<{ alt: string | null; width: number }[]> {
  await expect.poll(() => images.count()).toBeGreaterThan(0);
  await expect.poll(() => images.evaluateAll((els) => els.every((el) => (el as HTMLImageElement).complete))).toBe(true);
  return images.evaluateAll((els) => els.map((el) => ({ alt: el.getAttribute('alt'), width: (el as HTMLImageElement).naturalWidth })));
}

describe('images in matching and cloze questions in the browser', () => {
  it('shows a matching prompt’s image, a choice’s alt text in the select, and a cloze stem’s image beside its gaps', async () => {
    await page.goto(`${server.url}/attempts/${attemptId}`);
    await expect.poll(() => page.locator('.qitem').getAttribute('data-type')).toBe('matching');
    const rows = page.getByTestId('player-matching-row');
    expect(await loadedImages(rows.first().getByTestId('question-image'))).toEqual([{ alt: '緑の標識', width: 8 }]);
    const select = page.locator('[data-testid="player-matching-select"]').first();
    expect(await select.locator('option').allTextContents()).toEqual(['選択してください', '非常口', '[赤い矢印]']);
    expect(await page.locator('.qitem').textContent()).not.toContain('file:');
    await select.selectOption('a');
    await page.locator('[data-testid="player-matching-select"]').nth(1).selectOption('b');
    await page.getByTestId('player-submit').click();
    await expect.poll(() => page.getByTestId('player-feedback').isVisible()).toBe(true);
    await page.getByTestId('player-next').click();

    await expect.poll(() => page.locator('.qitem').getAttribute('data-type')).toBe('cloze');
    expect(await loadedImages(page.getByTestId('player-stem').getByTestId('question-image'))).toEqual([{ alt: '赤い矢印', width: 6 }]);
    expect(await page.getByTestId('player-stem').textContent()).not.toContain('file:');
    await page.locator('[data-testid="player-cloze-blank"][data-blank-id="1"]').fill('出口');
    await page.locator('[data-testid="player-cloze-blank"][data-blank-id="2"]').fill('20');
    await page.getByTestId('player-submit').click();
    await expect.poll(() => page.getByTestId('player-feedback').isVisible()).toBe(true);
    await page.getByTestId('player-next').click();
    await page.waitForURL('**/result');
    // The review's cloze stem shows its image too.
    const review = page.getByTestId('result-review-item').getByTestId('question-image');
    expect(await loadedImages(review)).toEqual([{ alt: '赤い矢印', width: 6 }]);
  });
});
