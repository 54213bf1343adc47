import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

/**
 * HR searches the users page of a company of 130 people in Chromium: the person searched for
 * sorts onto the last page by name, yet typing part of the furigana finds them at once, with the
 * total; sorting and the page size follow the headers and the selector.
 */
let server: TestServer;
let browser: Browser;
let page: Page;
let hr: SignedUpCompany;
const PEOPLE = 130;
const KANA = 'カキクケコサシスセソ';

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社検索画面');
  const lines = ['氏名,フリガナ,メールアドレス,部署'];
  for (let i = 0; i < PEOPLE; i++) {
    const kana = [...String(i).padStart(3, '0')].map((d) => KANA[Number(d)]).join('');
    lines.push(`相田 ${i},あいだ ${kana},aida${i}@search-ui.test,営業部`);
  }
  lines.push('鈴木 花子,すずき はなこ,hanako@search-ui.test,開発部');
  const imported = await hr.client.upload('/api/users/import?mode=commit', new TextEncoder().encode(lines.join('\n')));
  expect(imported.body.created).toBe(PEOPLE + 1);
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP' });
  await page.goto(`${server.url}/signin`);
  await page.getByTestId('signin-email').fill(hr.email);
  await page.getByTestId('signin-password').fill(hr.password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL('**/admin/home');
  await page.getByTestId('nav-users').click();
  await page.waitForURL('**/admin/users');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const byTestId = (id: string) => page.getByTestId(id);
const rowNames = () => byTestId('user-link').allTextContents();

describe('the users page searches the whole company', () => {
  it('shows the total and page 1 of 3, without the person searched for', async () => {
    await expect.poll(() => byTestId('users-total').textContent(), { timeout: 15_000 }).toBe(`該当 ${PEOPLE + 2} 名`);
    expect(await byTestId('users-page').textContent()).toBe('1 / 3 ページ');
    expect(await rowNames()).not.toContain('鈴木 花子');
  });

  it('finds a person from a later page by typing part of the furigana, in katakana', async () => {
    await byTestId('users-search').fill('スズキ');
    await expect.poll(() => rowNames(), { timeout: 15_000 }).toEqual(['鈴木 花子']);
    expect(await byTestId('users-total').textContent()).toBe('該当 1 名');
    expect(await byTestId('users-empty').count()).toBe(0);
    expect(await byTestId('users-page').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('スズキ');
    await byTestId('users-search').fill('該当しない名前');
    await expect.poll(() => byTestId('users-empty').count(), { timeout: 15_000 }).toBe(1);
    expect(await byTestId('users-total').textContent()).toBe('該当 0 名');
  });

  it('sorts by a header, changes the page size and pages on', async () => {
    await byTestId('users-search').fill('');
    await expect.poll(() => byTestId('users-total').textContent(), { timeout: 15_000 }).toBe(`該当 ${PEOPLE + 2} 名`);
    await byTestId('users-sort-name').click(); // name, descending: people without furigana (the admin) come first
    await expect.poll(async () => (await rowNames())[0]).toBe('人事 太郎');
    expect((await rowNames())[1]).toBe('鈴木 花子');
    await byTestId('users-sort-department').click();
    await expect.poll(async () => (await rowNames())[0]).toBe('相田 0');
    await byTestId('users-page-size').selectOption('20');
    await expect.poll(() => byTestId('users-page').textContent()).toBe('1 / 7 ページ');
    expect(await byTestId('user-row').count()).toBe(20);
    await byTestId('users-next').click();
    await expect.poll(() => byTestId('users-page').textContent()).toBe('2 / 7 ページ');
    expect(await rowNames()).toContain('相田 20');
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('部署');
  });
});
