import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';
import { Client, uniqueEmail } from '../support/client.js';
import { enrolDuringSignIn, passMfaInPage } from '../support/accounts.js';
import { createVendor, platformAdmin } from '../support/vendors.js';
import { webDist } from '../support/web-dist.js';

/**
 * A vendor's console end to end, in Chromium against the real server: the vendor admin creates a
 * client company; its HR admin sets a password from the emailed invitation and signs in; HR lets
 * the vendor look for an hour, the vendor sees the company's people and opens one, HR reads both in
 * the audit log and revokes, and the vendor is shut out again; the company shows in the vendor's
 * usage; a question bank the vendor writes reaches the company read-only, as its provider's.
 * Each person has a browser context (and session cookie) of their own.
 */
let server: TestServer;
let browser: Browser;
let vendorPage: Page;
let hrPage: Page;
const VENDOR_NAME = 'コンソール研修株式会社';
const COMPANY_NAME = '株式会社コンソール商事';
const BANK_NAME = 'コンソール研修の問題集';
const hr = { email: uniqueEmail('console-hr'), password: 'console hr password 1' };
let vendor: { email: string; password: string; totpSecret?: string };
let tenantId: string;

const outbox = async (to: string) =>
  (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === to) as { link: string } | undefined;

/** The set-password link of an invitation, on this server (the link's path and token). */
async function invitationLink(to: string): Promise<string> {
  const mail = await outbox(to);
  expect(mail, `no invitation to ${to}`).toBeDefined();
  const link = new URL(mail!.link);
  expect(link.pathname).toBe('/set-password');
  expect(link.searchParams.get('token')).toBeTruthy();
  return `${server.url}${link.pathname}${link.search}`;
}

async function signIn(page: Page, email: string, password: string, totpSecret?: string) {
  await page.goto(`${server.url}/signin`);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  if (totpSecret) await passMfaInPage(page, totpSecret);
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** The audit log's actions as HR's support page lists them. */
const auditActions = (page: Page) =>
  page.getByTestId('audit-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')));

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  const platform = await platformAdmin(server);
  const v = await createVendor(server, platform, VENDOR_NAME);
  // The vendor admin sets a password from the invitation, as a person would.
  const adminEmail = (await v.client.get('/api/me')).body.user.email as string;
  vendor = { email: adminEmail, password: 'vendor console pass 1' };
  const token = new URL(await invitationLink(adminEmail)).searchParams.get('token');
  // A vendor admin always needs MFA: the invitation's password step leads to enrolment (done here through the API).
  const setter = new Client(server.url);
  const set = await setter.post('/api/auth/set-password', { token, password: vendor.password });
  expect(set.body.mfa).toBe('enrol');
  vendor.totpSecret = (await enrolDuringSignIn(setter, set.body.challengeToken)).secret;
  browser = await launchChromium();
  vendorPage = await browser.newPage({ locale: 'ja-JP' });
  hrPage = await browser.newPage({ locale: 'ja-JP' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a vendor’s console, with a client company of its own', () => {
  it('the vendor admin creates a client company', async () => {
    await signIn(vendorPage, vendor.email, vendor.password, vendor.totpSecret);
    await vendorPage.waitForURL('**/vendor/tenants');

    await vendorPage.getByTestId('vendor-tenant-create').click();
    await vendorPage.getByTestId('vendor-tenant-name').fill(COMPANY_NAME);
    await vendorPage.getByTestId('vendor-tenant-admin-name').fill('人事 一子');
    await vendorPage.getByTestId('vendor-tenant-admin-email').fill(hr.email);
    await vendorPage.getByTestId('vendor-tenant-submit').click();

    const row = vendorPage.getByTestId('vendor-tenant-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('vendor-tenant-link').textContent()).toContain(COMPANY_NAME);
    tenantId = (await row.getAttribute('data-tenant-id'))!;
    expect(tenantId).toBeTruthy();
  });

  it('the company’s HR admin sets a password from the invitation email and signs in', async () => {
    await hrPage.goto(await invitationLink(hr.email));
    await hrPage.getByTestId('set-password-password').fill(hr.password);
    await hrPage.getByTestId('set-password-confirm').fill(hr.password);
    await hrPage.getByTestId('set-password-submit').click();
    await hrPage.waitForURL((url) => !url.pathname.startsWith('/set-password'));
    await hrPage.getByTestId('signout-button').click();
    await hrPage.waitForURL('**/signin**');

    await signIn(hrPage, hr.email, hr.password);
    await hrPage.waitForURL('**/admin/home');
    await hrPage.getByTestId('nav-users').click();
    await hrPage.waitForURL('**/admin/users');
    await expect.poll(() => hrPage.getByTestId('user-row').count()).toBe(1);
    // The company's seats come from its plan (`GET /api/me`): the HR admin takes one.
    await expect.poll(() => hrPage.getByTestId('users-seats').textContent()).toMatch(/利用中のライセンス: 1( \/ \d+)? 名/);
  });

  it('HR lets the vendor look for an hour; the vendor sees the company’s people and opens one', async () => {
    await hrPage.goto(`${server.url}/admin/support-access`);
    await expect.poll(() => hrPage.getByTestId('support-vendor-name').textContent()).toBe(VENDOR_NAME);
    await expect.poll(() => hrPage.getByTestId('support-grant-none').isVisible()).toBe(true);
    await hrPage.getByTestId('support-grant-hours').selectOption('1');
    await hrPage.getByTestId('support-grant-submit').click();
    await expect.poll(() => hrPage.getByTestId('support-grant-current').isVisible()).toBe(true);

    await vendorPage.goto(`${server.url}/vendor/tenants/${tenantId}`);
    await expect.poll(() => vendorPage.getByTestId('page-heading').textContent()).toBe(COMPANY_NAME);
    await expect.poll(() => vendorPage.getByTestId('vendor-support-expiry').isVisible()).toBe(true);
    const people = vendorPage.getByTestId('vendor-support-user-row');
    await expect.poll(() => people.count()).toBe(1);
    expect(await people.first().textContent()).toContain(hr.email);
    await people.first().getByTestId('vendor-support-user-toggle').click();
    await expect.poll(() => vendorPage.getByTestId('vendor-support-user-detail').isVisible()).toBe(true);
    await expect.poll(() => vendorPage.getByTestId('vendor-support-no-attempts').isVisible()).toBe(true);
  });

  it('HR reads the grant and the vendor’s looks in the audit log and revokes; the vendor is shut out', async () => {
    await hrPage.reload();
    await expect
      .poll(() => auditActions(hrPage))
      .toEqual(expect.arrayContaining(['support_access.granted', 'support.users_viewed', 'support.user_viewed']));
    const looks = hrPage.locator('[data-testid="audit-row"][data-action="support.user_viewed"]');
    expect(await looks.first().getByTestId('audit-actor-kind').textContent()).toContain('提供元');

    await hrPage.getByTestId('support-revoke').click();
    await hrPage.getByTestId('support-revoke-confirm').click();
    await expect.poll(() => hrPage.getByTestId('support-grant-none').isVisible()).toBe(true);
    await expect.poll(() => auditActions(hrPage)).toContain('support_access.revoked');

    await vendorPage.reload();
    await expect.poll(() => vendorPage.getByTestId('vendor-support-not-granted').isVisible()).toBe(true);
    expect(await vendorPage.getByTestId('vendor-support-user-row').count()).toBe(0);
  });

  it('the company shows in the vendor’s usage', async () => {
    await vendorPage.goto(`${server.url}/vendor/usage`);
    const row = vendorPage.locator(`[data-testid="vendor-usage-row"][data-id="${tenantId}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('th').textContent()).toContain(COMPANY_NAME);
  });

  it('a question bank the vendor writes reaches the company read-only, as its provider’s', async () => {
    await vendorPage.goto(`${server.url}/admin/banks`);
    await vendorPage.getByTestId('bank-create-name').fill(BANK_NAME);
    await vendorPage.getByTestId('bank-create-submit').click();
    const own = vendorPage.locator(`[data-testid="bank-row"][data-name="${BANK_NAME}"]`);
    await expect.poll(() => own.count()).toBe(1);
    expect(await own.getAttribute('data-editable')).toBe('true');

    await hrPage.goto(`${server.url}/admin/banks`);
    const offered = hrPage.locator(`[data-testid="bank-row"][data-name="${BANK_NAME}"]`);
    await expect.poll(() => offered.count()).toBe(1);
    expect(await offered.getAttribute('data-editable')).toBe('false');
    expect(await offered.getAttribute('data-source')).toBe('provider');
    expect(await offered.getByTestId('bank-source').textContent()).toBe('サービス提供元');
    expect(await offered.getByTestId('bank-readonly').isVisible()).toBe(true);
  });
});
