import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail } from '../support/client.js';
import { fixedAssessment } from '../support/content.js';
import { webDist } from '../support/web-dist.js';

/**
 * A learner answers a matching and a cloze question in Chromium on a phone-sized screen (the
 * matching's selects reached with Tab, one after the other) and reads the review: their answer next to the key for each
 * prompt and blank.
 */
let server: TestServer;
let browser: Browser;
let page: Page;
let attemptId: string;
const learner = { email: uniqueEmail('gaps'), password: 'learner password 1' };

const common = { skillTags: ['報連相'], level: null, difficultyPrior: 0, status: 'published' };

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  const hr = await signUpCompany(server.url, '株式会社穴埋め');
  const bank = (await hr.client.post('/api/banks', { name: '新形式' })).body;
  const questions = [
    {
      ...common,
      type: 'matching',
      stem: { ja: '言葉と意味を組み合わせなさい。' },
      prompts: [
        { id: 'p1', text: { ja: '報告' } },
        { id: 'p2', text: { ja: '相談' } },
      ],
      choices: [
        { id: 'a', text: { ja: '結果を伝える' } },
        { id: 'b', text: { ja: '意見を求める' } },
        { id: 'c', text: { ja: '黙っておく' } },
      ],
      key: { p1: 'a', p2: 'b' },
    },
    {
      ...common,
      type: 'cloze',
      stem: { ja: '報告は{{1}}から、{{2}}分以内に{{3}}。' },
      blanks: [
        { id: '1', kind: 'text', accepted: ['結論'] },
        { id: '2', kind: 'numeric', value: 5 },
        {
          id: '3',
          kind: 'choice',
          options: [
            { id: 'a', text: { ja: 'する' } },
            { id: 'b', text: { ja: 'しない' } },
          ],
          correctOptionId: 'a',
        },
      ],
    },
  ];
  for (const q of questions) expect((await hr.client.post(`/api/banks/${bank.id}/questions`, q)).status).toBe(201);
  const a = (await hr.client.post('/api/assessments', fixedAssessment(bank.id, [{ skill: '報連相', count: 2 }], { passMark: 50 }))).body;
  expect((await hr.client.post(`/api/assessments/${a.id}/publish`)).status).toBe(200);
  await hr.client.post('/api/users', { name: '穴埋め 花子', email: learner.email, role: 'learner', sendInvite: true });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  const token = new URL(mail.link).searchParams.get('token');
  const me = new Client(server.url);
  me.token = (await me.post('/api/auth/set-password', { token, password: learner.password })).body.accessToken;
  attemptId = (await me.post(`/api/assessments/${a.id}/attempts`)).body.id;

  browser = await launchChromium();
  ({ page } = await signInAs(browser, server.url, learner, { viewport: { width: 390, height: 844 } }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const byTestId = (id: string) => page.getByTestId(id);

async function answerMatching() {
  const selects = page.locator('[data-testid="player-matching-select"]');
  expect(await selects.count()).toBe(2);
  // Native selects: Tab moves from one prompt's select to the next.
  await selects.first().focus();
  await selects.first().selectOption('a');
  await page.keyboard.press('Tab');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('player-matching-select');
  await selects.nth(1).selectOption('c'); // wrong: 1 of 2
}

async function answerCloze() {
  const stem = byTestId('player-stem');
  expect(await stem.textContent()).not.toContain('{{');
  await page.locator('[data-testid="player-cloze-blank"][data-blank-id="1"]').fill('結論');
  await page.locator('[data-testid="player-cloze-blank"][data-blank-id="2"]').fill('５');
  await page.locator('[data-testid="player-cloze-blank"][data-blank-id="3"]').selectOption('b'); // wrong: 2 of 3
}

describe('matching and cloze in the browser', () => {
  it('answers both on a phone-sized screen', async () => {
    await page.goto(`${server.url}/attempts/${attemptId}`);
    for (let n = 0; n < 2; n++) {
      await expect.poll(() => page.locator('.qitem').getAttribute('data-type')).toMatch(/^(matching|cloze)$/);
      const type = await page.locator('.qitem').getAttribute('data-type');
      if (type === 'matching') await answerMatching();
      else await answerCloze();
      await byTestId('player-submit').click();
      await expect.poll(() => byTestId('player-feedback').isVisible()).toBe(true);
      expect(await byTestId('player-feedback').textContent()).toContain('不正解');
      await byTestId('player-next').click();
      if (n === 0) await expect.poll(() => page.locator('.qitem').getAttribute('data-type')).not.toBe(type);
    }
    await page.waitForURL('**/result');
  });

  it('shows the review: the answer and the key per prompt and per blank', async () => {
    // (1/2 + 2/3) / 2 = 58.3
    await expect.poll(() => byTestId('result-score').textContent()).toContain('58.3');
    const tables = page.locator('[data-testid="result-review-gaps"]');
    expect(await tables.count()).toBe(2);
    const rows = await page
      .locator('[data-testid="result-review-gap"]')
      .evaluateAll((els) =>
        els.map((el) => [el.getAttribute('data-right'), ...Array.from(el.children).map((c) => (c.textContent ?? '').replace(/\s+/g, ''))]),
      );
    expect(rows).toEqual(
      expect.arrayContaining([
        ['true', '報告', '○正解結果を伝える', '結果を伝える'],
        ['false', '相談', '×不正解黙っておく', '意見を求める'],
        ['true', '空欄1', '○正解結論', '結論'],
        ['true', '空欄2', '○正解５', '5'],
        ['false', '空欄3', '×不正解しない', 'する'],
      ]),
    );
    expect(await page.locator('.review-item__stem').allTextContents()).toContain('報告は［1］から、［2］分以内に［3］。');
  });
});
