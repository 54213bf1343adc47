import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

/** HR writes a matching and a cloze question in the editor: rows added and removed, blanks that follow the stem's markers. */
let server: TestServer;
let browser: Browser;
let page: Page;
let hr: SignedUpCompany;
let bankId: string;

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社編集');
  bankId = (await hr.client.post('/api/banks', { name: '新形式バンク' })).body.id;
  browser = await launchChromium();
  ({ page } = await signInAs(browser, server.url, { email: hr.email, password: hr.password }));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const byTestId = (id: string) => page.getByTestId(id);

async function savedContent(): Promise<Record<string, unknown>> {
  await page.waitForURL((url) => /\/admin\/questions\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
  const id = new URL(page.url()).pathname.split('/').pop()!;
  return (await hr.client.get(`/api/questions/${id}`)).body.content;
}

describe('matching and cloze in the question editor', () => {
  it('writes a matching question: prompts with their answers, an extra answer, a removed row', async () => {
    await page.goto(`${server.url}/admin/questions/new?bank=${bankId}`);
    await byTestId('question-type').selectOption('matching');
    await byTestId('question-stem-ja').fill('言葉と意味を組み合わせなさい。');
    const prompts = byTestId('matching-prompt-text-ja');
    const choices = byTestId('matching-choice-text-ja');
    await expect.poll(() => prompts.count()).toBe(3);
    await byTestId('matching-choice-add').click();
    await choices.nth(0).fill('結果を伝える');
    await choices.nth(1).fill('意見を求める');
    await choices.nth(2).fill('事実を共有する');
    await choices.nth(3).fill('黙っておく');
    await prompts.nth(0).fill('報告');
    await prompts.nth(1).fill('相談');
    await prompts.nth(2).fill('削除する行');
    await byTestId('matching-prompt-remove').nth(2).click();
    await expect.poll(() => prompts.count()).toBe(2);
    await byTestId('matching-prompt-key').nth(0).selectOption({ label: '結果を伝える' });
    await byTestId('matching-prompt-key').nth(1).selectOption({ label: '意見を求める' });
    // The preview is the learner's view: a select per prompt.
    await expect.poll(() => page.locator('[data-testid="question-preview"] [data-testid="player-matching-select"]').count()).toBe(2);
    await byTestId('question-save').click();
    expect(await savedContent()).toMatchObject({
      type: 'matching',
      prompts: [
        { id: 'p1', text: { ja: '報告' } },
        { id: 'p2', text: { ja: '相談' } },
      ],
      choices: [
        { id: 'a', text: { ja: '結果を伝える' } },
        { id: 'b', text: { ja: '意見を求める' } },
        { id: 'c', text: { ja: '事実を共有する' } },
        { id: 'd', text: { ja: '黙っておく' } },
      ],
      key: { p1: 'a', p2: 'b' },
    });
  });

  it('writes a cloze question whose blank list follows the {{n}} markers', async () => {
    await page.goto(`${server.url}/admin/questions/new?bank=${bankId}`);
    await byTestId('question-type').selectOption('cloze');
    expect(await byTestId('cloze-no-blanks').isVisible()).toBe(true);
    await byTestId('question-stem-ja').fill('報告は{{1}}から、');
    await expect.poll(() => byTestId('cloze-blank').count()).toBe(1);
    await byTestId('cloze-blank-add').click();
    await expect.poll(() => byTestId('question-stem-ja').inputValue()).toBe('報告は{{1}}から、{{2}}');
    await byTestId('question-stem-ja').fill('報告は{{1}}から、{{2}}分以内に。');
    await expect.poll(() => byTestId('cloze-blank').count()).toBe(2);
    await byTestId('cloze-accepted').first().fill('結論');
    await page.locator('[data-testid="cloze-blank"][data-blank-id="2"]').getByTestId('cloze-blank-kind').selectOption('numeric');
    await byTestId('cloze-value').fill('５');
    // The preview puts inputs where the markers are.
    await expect.poll(() => page.locator('[data-testid="question-preview"] [data-testid="player-cloze-blank"]').count()).toBe(2);
    await byTestId('question-save').click();
    expect(await savedContent()).toMatchObject({
      type: 'cloze',
      stem: { ja: '報告は{{1}}から、{{2}}分以内に。' },
      blanks: [
        { id: '1', kind: 'text', accepted: ['結論'], caseSensitive: false },
        { id: '2', kind: 'numeric', value: 5, tolerance: 0 },
      ],
    });
  });
});
