import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_BANK_NAME, parseItem, type CatalogItem } from '@manabi/content';
import { publishCatalog } from '../../functions/api/src/local/catalog.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

/** HR browses the platform catalog and opens a question's key and explanation before using it. */
let server: TestServer;
let browser: Browser;
let page: Page;
let hr: SignedUpCompany;

const ITEMS = [
  {
    id: 'preview-choice',
    type: 'single_choice',
    level: 'new_hire',
    skillTags: ['ビジネス基礎'],
    scenario: true,
    difficultyPrior: -0.4,
    discriminationPrior: 1.2,
    stem: {
      ja: '電車の遅延で始業に遅れそうだ。最も適切な対応はどれか。',
      en: 'A train delay will make you late for work. What should you do?',
    },
    options: [
      { id: 'a', text: { ja: '着いてから事情を説明する', en: 'Explain when you arrive' } },
      {
        id: 'b',
        text: { ja: '始業前に上司へ電話し、到着見込みを伝える', en: 'Call your manager before the start and give your expected arrival' },
      },
      { id: 'c', text: { ja: '同期にチャットで伝えてもらう', en: 'Ask a peer to pass it on by chat' } },
    ],
    correctOptionIds: ['b'],
    explanation: {
      ja: '遅れると分かった時点で、始業前に自分から上司へ連絡します。着いてからの説明では、上司が業務の段取りを変えられません。',
      en: 'Contact your manager yourself before the start, as soon as you know. Explaining on arrival leaves no time to rearrange the work.',
    },
  },
  {
    id: 'preview-true-false',
    type: 'true_false',
    level: 'new_hire',
    skillTags: ['情報セキュリティ'],
    scenario: false,
    difficultyPrior: -1,
    discriminationPrior: 1,
    stem: {
      ja: '業務用のパスワードは、覚えやすければ私用のサービスと同じでもよい。',
      en: 'A work password may be the same as a personal one if it is easy to remember.',
    },
    answer: false,
    explanation: {
      ja: '使い回すと、私用サービスからの漏えいが会社の被害につながります。',
      en: 'Reuse lets a leak from a personal service reach the company.',
    },
  },
];

beforeAll(async () => {
  // A table of its own: the catalog holds exactly these two questions.
  server = await startTestServer({ webDist: webDist(), tableName: `manabi-preview-${randomUUID().slice(0, 8)}` });
  const items: CatalogItem[] = ITEMS.map((raw) => {
    const parsed = parseItem(raw);
    if (!parsed.ok) throw new Error(parsed.issues.join('; '));
    return parsed.item;
  });
  await publishCatalog(server.data.platform, items, new Date().toISOString());
  hr = await signUpCompany(server.url, '株式会社カタログ閲覧');
  browser = await launchChromium();
  page = (await signInAs(browser, server.url, hr)).page;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const byTestId = (id: string) => page.getByTestId(id);

describe('previewing the catalog', () => {
  it('shows a catalog question’s key and explanation in Japanese, then in English', async () => {
    await page.goto(`${server.url}/admin/banks`);
    await page.locator('[data-testid="bank-link"]', { hasText: CATALOG_BANK_NAME }).click();
    await page.waitForURL('**/admin/catalog/**');
    const row = page.locator('[data-testid="question-row"]', { hasText: '電車の遅延' });
    await row.getByTestId('question-preview-toggle').click();

    const preview = byTestId('catalog-preview');
    await expect.poll(() => preview.getByTestId('catalog-preview-explanation').textContent()).toContain('始業前に自分から上司へ連絡します');
    const key = preview.locator('[data-testid="catalog-preview-option"][data-correct="true"]');
    expect(await key.count()).toBe(1);
    expect(await key.textContent()).toContain('始業前に上司へ電話し');
    expect(await row.getByTestId('question-preview-toggle').getAttribute('aria-expanded')).toBe('true');

    // The true/false question: its key is a word, not an option.
    await page.locator('[data-testid="question-row"]', { hasText: 'パスワード' }).getByTestId('question-preview-toggle').click();
    await expect.poll(() => byTestId('catalog-preview-answer').textContent()).toContain('×（誤り）');

    await byTestId('locale-switch').selectOption('en');
    await expect.poll(() => byTestId('catalog-preview-explanation').textContent()).toContain('Reuse lets a leak');
    expect(await byTestId('catalog-preview-answer').textContent()).toContain('False');
    expect(await byTestId('catalog-preview').textContent()).toContain('Key and explanation (preview)');
  });
});
