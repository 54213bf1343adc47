import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

/** HR imports a Windows-1252 GIFT file in Chromium: the guess is shown, another encoding can be tried. */
let server: TestServer;
let browser: Browser;
let page: Page;
let hr: SignedUpCompany;
let bankId: string;

/** "::Geografía::¿Dónde está Málaga?{=España ~Francia}" in Windows-1252, written out byte by byte. */
const LATIN_GIFT = Buffer.from(
  '3a3a47656f67726166ed613a3abf44f36e646520657374e1204de16c6167613f7b3d45737061f161207e4672616e6369617d',
  'hex',
);

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社移行支援');
  bankId = (await hr.client.post('/api/banks', { name: '移行バンク' })).body.id;
  browser = await launchChromium();
  ({ page } = await signInAs(browser, server.url, hr));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const byTestId = (id: string) => page.getByTestId(id);

describe('question import in the browser', () => {
  it('shows the guessed encoding and the decoded text, reads the file again in another, and imports it as English', async () => {
    await page.goto(`${server.url}/admin/banks/${bankId}/import`);
    await byTestId('qimport-format').selectOption('gift');
    await byTestId('qimport-file').setInputFiles({ name: 'geografia.gift', mimeType: 'text/plain', buffer: LATIN_GIFT });
    await byTestId('qimport-preview').click();

    await expect.poll(() => byTestId('import-encoding-name').textContent()).toContain('Windows-1252');
    expect(await byTestId('import-encoding-guessed').isVisible()).toBe(true);
    expect(await byTestId('import-text-preview').textContent()).toBe('::Geografía::¿Dónde está Málaga?{=España ~Francia}');
    expect(await byTestId('qimport-preview-language').textContent()).toBe('English');

    // Read as Shift_JIS, the same bytes turn to kanji in the middle of words: the person sees it.
    await byTestId('import-encoding-choice').selectOption('shift_jis');
    await byTestId('import-encoding-reread').click();
    await expect.poll(() => byTestId('import-encoding-name').textContent()).toContain('Shift_JIS');
    expect(await byTestId('import-text-preview').textContent()).not.toContain('Geografía');

    await byTestId('import-encoding-choice').selectOption('windows-1252');
    await byTestId('import-encoding-reread').click();
    await expect.poll(() => byTestId('import-text-preview').textContent()).toContain('Geografía');
    await byTestId('qimport-commit').click();
    await expect.poll(() => byTestId('qimport-done-heading').isVisible()).toBe(true);

    const [stored] = (await hr.client.get(`/api/banks/${bankId}/questions`)).body.items;
    expect((await hr.client.get(`/api/questions/${stored.id}`)).body.content).toMatchObject({
      title: 'Geografía',
      stem: { en: '¿Dónde está Málaga?' },
      options: [{ text: { en: 'España' } }, { text: { en: 'Francia' } }],
    });
  });

  it('says in Japanese why items of a broken GIFT file are not imported, and what to do', async () => {
    const broken = [
      '::首都:: 日本の首都は？ {=東京 ~大阪}',
      '',
      '::開いたまま:: フランスの首都は？ {=パリ ~リヨン',
      '',
      '::一つだけ:: 選んでください {~これ}',
      '',
    ].join('\n');
    await page.goto(`${server.url}/admin/banks/${bankId}/import`);
    await byTestId('qimport-format').selectOption('gift');
    await byTestId('qimport-file').setInputFiles({ name: 'broken.gift', mimeType: 'text/plain', buffer: Buffer.from(broken) });
    await byTestId('qimport-preview').click();

    await expect.poll(() => byTestId('qimport-error-row').count()).toBe(2);
    const messages = await page.locator('[data-testid="qimport-error-row"] td:last-child').allTextContents();
    expect(messages[0]).toContain('答えの部分が「{」で始まり「}」で閉じていません');
    expect(messages[1]).toContain('選択式の問題には答えが 2 つ以上必要です');
    for (const message of messages) expect(message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    // No English sentence anywhere in the table (three Latin words in a row would be one).
    expect(await byTestId('qimport-error-table').textContent()).not.toMatch(/[A-Za-z]+\s+[A-Za-z]+\s+[A-Za-z]+/);
  });
});
