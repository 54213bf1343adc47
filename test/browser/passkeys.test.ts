import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';
import { signUpCompany } from '../support/client.js';
import { activePerson } from '../support/accounts.js';
import { webDist } from '../support/web-dist.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * A platform authenticator in the page, through the DevTools protocol: it creates and keeps
 * credentials and verifies the user without a prompt. One per browser context (per "device").
 */
async function virtualAuthenticator(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/signin`);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

describe('passkeys in Chromium (a virtual authenticator)', () => {
  it('adds a passkey from the security page, then signs in with it as the second step', async () => {
    const company = await signUpCompany(server.url, '株式会社パスキー');
    const person = await activePerson(company.client);
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await virtualAuthenticator(context, page);

    await signInWithPassword(page, person.email, person.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await page.goto(`${server.url}/me/security`);
    await page.getByTestId('passkey-add').click();
    // The first MFA method brings the recovery codes.
    await expect.poll(() => page.getByTestId('mfa-recovery-code').count(), { timeout: 15_000 }).toBe(10);
    await page.getByTestId('mfa-recovery-done').click();
    await expect.poll(() => page.getByTestId('passkey-count').getAttribute('data-count')).toBe('1');
    await expect.poll(() => page.getByTestId('mfa-status').getAttribute('data-enabled')).toBe('true');

    // The password alone no longer signs in; the passkey on this device completes it.
    await page.evaluate(() => fetch('/api/auth/signout', { method: 'POST' }));
    await signInWithPassword(page, person.email, person.password);
    await page.waitForURL('**/signin/mfa');
    await page.getByTestId('mfa-passkey').click();
    await page.waitForURL('**/me');

    // Another device (no passkey on it) cannot use it, and says so.
    const other = await browser.newContext({ locale: 'ja-JP' });
    const otherPage = await other.newPage();
    await virtualAuthenticator(other, otherPage);
    await signInWithPassword(otherPage, person.email, person.password);
    await otherPage.waitForURL('**/signin/mfa');
    await otherPage.getByTestId('mfa-passkey').click();
    await expect.poll(() => otherPage.getByTestId('mfa-passkey-error').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(otherPage.url()).toContain('/signin/mfa');
    await other.close();

    const audit = await company.client.get('/api/audit-log');
    expect(
      audit.body.items.some(
        (e: { action: string; detail: { method?: string } }) => e.action === 'mfa.enrolled' && e.detail.method === 'passkey',
      ),
    ).toBe(true);
    await context.close();
  });

  it('refuses a passkey ceremony whose Origin is not the host asked', async () => {
    const company = await signUpCompany(server.url, '株式会社オリジン');
    const res = await company.client.request('POST', '/api/me/mfa/passkeys/options', {}, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(400);
  });
});
