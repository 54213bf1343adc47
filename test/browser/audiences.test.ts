import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { signUpCompany, type SignedUpCompany } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';
import { webDist } from '../support/web-dist.js';

/** HR says who a test is for in the form, and the lists say it in words. */
let server: TestServer;
let browser: Browser;
let page: Page;
let hr: SignedUpCompany;
let bankId: string;
let sales: string;

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社対象者画面');
  bankId = await seedBank(hr.client, ['情報セキュリティ'], 2);
  sales = (await hr.client.post('/api/departments', { name: '営業部' })).body.id;
  await hr.client.post('/api/departments', { name: '開発部' });
  browser = await launchChromium();
  ({ page } = await signInAs(browser, server.url, hr));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const byTestId = (id: string) => page.getByTestId(id);
const row = (title: string) => page.locator('[data-testid="admin-assessment-row"]', { hasText: title });

describe('audiences in the browser', () => {
  it('HR sets the audience of a test in the form, and the list shows it in words', async () => {
    // A test from before audiences (none sent) is for everyone.
    expect((await hr.client.post('/api/assessments', fixedAssessment(bankId, [{ skill: '情報セキュリティ', count: 1 }]))).status).toBe(201);

    await page.goto(`${server.url}/admin/assessments/new`);
    await byTestId('assessment-title-ja').fill('新入社員 セキュリティ確認');
    await byTestId('draw-skill-input').first().fill('情報セキュリティ');
    await byTestId('draw-skill-input').first().press('Enter');
    await byTestId('draw-count').first().fill('1');
    // Nothing chosen yet: everyone.
    await expect.poll(() => byTestId('assessment-audience-summary').textContent()).toContain('全員');
    await page.locator('[data-testid="assessment-audience-option"][data-dimension="levels"][data-value="new_hire"]').check();
    // The company's departments are offered by name, once loaded.
    const salesBox = page.locator(`[data-testid="assessment-audience-option"][data-dimension="departmentIds"][data-value="${sales}"]`);
    await salesBox.check();
    await expect.poll(() => byTestId('assessment-audience-summary').textContent()).toContain('階層（新入社員） ／ 部署（営業部）');
    await byTestId('assessment-publish').click();
    await expect.poll(() => byTestId('assessment-status').textContent()).toMatch(/公開/);

    const saved = (await hr.client.get('/api/assessments')).body.items.find(
      (a: { title: { ja?: string } }) => a.title.ja === '新入社員 セキュリティ確認',
    );
    expect(saved.audience).toEqual({ levels: ['new_hire'], departmentIds: [sales], jobRoles: [] });

    await page.goto(`${server.url}/admin/assessments`);
    await expect
      .poll(() => row('新入社員 セキュリティ確認').getByTestId('admin-assessment-audience').textContent())
      .toContain('階層（新入社員） ／ 部署（営業部）');
    expect(await row('確認テスト').getByTestId('admin-assessment-audience').textContent()).toContain('全員');

    // Opened again, the saved choice is checked (read-only once published).
    await row('新入社員 セキュリティ確認').getByTestId('admin-assessment-link').click();
    await expect.poll(() => salesBox.isChecked()).toBe(true);
    expect(await salesBox.isDisabled()).toBe(true);
  });

  it('lists a package with the audience in words, and the editor offers the same groups', async () => {
    const created = await hr.client.post('/api/packages', {
      title: { ja: 'リーダー研修（営業部）' },
      description: { ja: '…' },
      level: 'leader',
      audience: { levels: ['leader', 'manager'], departmentIds: [sales] },
      modules: [{ id: 'intro', kind: 'lesson', title: { ja: '導入' }, estimatedMinutes: 10, skillTags: [], body: { ja: '# 導入' } }],
    });
    expect(created.status).toBe(201);
    await page.goto(`${server.url}/admin/packages`);
    const card = page.locator(`[data-testid="package-row"][data-package-id="${created.body.id}"]`);
    await expect
      .poll(() => card.getByTestId('package-audience').textContent())
      .toContain('対象: 階層（リーダー・監督職、管理職） ／ 部署（営業部）');

    await page.goto(`${server.url}/admin/packages/new`);
    await expect.poll(() => page.locator('[data-testid="package-audience-option"][data-dimension="departmentIds"]').count()).toBe(2);
    expect(await page.locator('[data-testid="package-audience-option"][data-dimension="levels"]').count()).toBe(6);
    expect(await byTestId('package-audience-summary').textContent()).toContain('全員');
  });
});
