import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';
import { Client, signUpCompany, type SignedUpCompany } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';
import { webDist } from '../support/web-dist.js';
import { randomId } from '@manabi/core';

/** HR opens the assessment dashboard in Chromium and reads the histogram through its table view. */
let server: TestServer;
let browser: Browser;
let hr: SignedUpCompany;
let assessmentId: string;

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist(), aggregate: true });
  hr = await signUpCompany(server.url, '株式会社ダッシュボード');
  const bankId = await seedBank(hr.client, ['論理的思考'], 4);
  assessmentId = (
    await hr.client.post(
      '/api/assessments',
      fixedAssessment(bankId, [{ skill: '論理的思考', count: 2 }], { reviewPolicy: 'never', title: { ja: '論理テスト' } }),
    )
  ).body.id;
  await hr.client.post(`/api/assessments/${assessmentId}/publish`);
  // Six learners: three answer both right (100), three one right (50).
  for (let i = 0; i < 6; i++) {
    const user = (
      await hr.client.post('/api/users', { name: `受講者${i}`, email: `d${i}-${randomId()}@dash.test`, level: 'junior', sendInvite: false })
    ).body;
    const c = new Client(server.url);
    c.token = await server.deps.signer.signAccess({ userId: user.id, tenantId: hr.tenantId, vendorId: null, role: 'learner' }, new Date());
    let v = (await c.post(`/api/assessments/${assessmentId}/attempts`)).body;
    for (let k = 0; v.current; k++) {
      v = (
        await c.post(`/api/attempts/${v.id}/answers`, {
          questionId: v.current.questionId,
          response: { optionId: i < 3 || k === 0 ? 'a' : 'b' },
        })
      ).body.attempt;
    }
  }
  // Derived records (standings) are stream records too: apply until quiet.
  for (let i = 0; i < 10 && (await server.drainStream()) > 0; i++);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the reports dashboard in the browser', () => {
  it('shows the results and the histogram as a table', async () => {
    const page = await browser.newPage({ locale: 'ja-JP' });
    await page.goto(`${server.url}/signin`);
    await page.getByTestId('signin-email').fill(hr.email);
    await page.getByTestId('signin-password').fill(hr.password);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL('**/admin/home');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-assessment').selectOption(assessmentId);
    await expect.poll(() => page.getByTestId('report-count').textContent()).toContain('6');
    expect(await page.getByTestId('report-mean').textContent()).toContain('75');
    const rows = page.getByTestId('report-histogram-row');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    // Each row: range, people, share. 50–59: 3 people; 90–100: 3 people; every other bucket 0.
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent?.trim() ?? '')),
    );
    const counts = Object.fromEntries(cells.map((c) => [c[0], c[1]]));
    expect(counts['50–59']).toBe('3');
    expect(counts['90–100']).toBe('3');
    expect(cells.filter((c) => c[1] === '0')).toHaveLength(8);
    await expect.poll(() => page.getByTestId('report-histogram-chart').getAttribute('data-state')).toBe('ready');

    // The company overview: KPI tiles and the per-level results table beside its chart.
    await page.goto(`${server.url}/admin/reports/overview`);
    await expect.poll(() => page.getByTestId('overview-kpi-pass-rate').textContent()).toContain('50');
    expect(await page.getByTestId('overview-kpi-mean').textContent()).toContain('75');
    // The skill-gap heatmap: everyone in the company is a row of the total.
    await page.goto(`${server.url}/admin/reports/skill-gaps?by=level`);
    await expect.poll(() => page.getByTestId('skill-gaps-row').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('skill-gaps-table').getAttribute('data-by')).toBe('level');
    await page.close();
  });
});
