import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { signUpCompany } from '../support/client.js';
import { webDist } from '../support/web-dist.js';
import { startSamlIdp, type SamlIdp } from '../support/saml-idp.js';
import { startOidcIdp, type OidcIdp } from '../support/oidc-idp.js';

let server: TestServer;
let browser: Browser;
let samlIdp: SamlIdp;
let oidcIdp: OidcIdp;
beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  [browser, samlIdp, oidcIdp] = await Promise.all([
    launchChromium(),
    startSamlIdp('browser-idp'),
    startOidcIdp(`${server.url}/api/auth/sso/oidc/callback`),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([samlIdp?.stop(), oidcIdp?.stop()]);
  await server?.stop();
});

/** From the sign-in page to the company's IdP: the person types only their email. */
async function startAtSignInPage(page: Page, email: string) {
  await page.goto(`${server.url}/signin`);
  await page.getByTestId('signin-sso').click();
  await page.waitForURL('**/signin/sso');
  expect(await page.getByTestId('page-heading').textContent()).toContain('会社のアカウントでサインイン');
  await page.getByTestId('sso-email').fill(email);
  await page.getByTestId('sso-submit').click();
}

describe('sign-in with a company account in Chromium', () => {
  it('SAML: HR configures the IdP on the settings page; a new person signs in at the IdP and lands in the app, provisioned', async () => {
    const company = await signUpCompany(server.url, '株式会社サムル');
    const domain = `saml-${randomUUID().slice(0, 8)}.example.test`;

    // HR sets SSO up on the settings page (in Japanese), pasting the IdP's metadata.
    const hr = await signInAs(browser, server.url, { email: company.email, password: company.password });
    await hr.page.goto(`${server.url}/settings/sso`);
    await hr.page.getByTestId('sso-protocol-saml').check();
    await hr.page.getByTestId('sso-metadata-xml').fill(samlIdp.metadataXml);
    await hr.page.getByTestId('sso-domains').fill(domain);
    await hr.page.getByTestId('sso-jit').check();
    await hr.page.getByTestId('sso-map-name').fill('displayName');
    await hr.page.getByTestId('sso-save').click();
    await expect
      .poll(() => hr.page.getByTestId('notice').textContent(), { timeout: 30_000 })
      .toContain('シングルサインオンの設定を保存しました');
    expect(await hr.page.getByTestId('sso-sp-acs-url').textContent()).toBe(`${server.url}/api/auth/sso/saml/acs`);
    // The IdP's administrator registers the SP metadata HR downloads.
    const metadata = await company.client.get('/api/sso/saml/metadata');
    samlIdp.trustSp(metadata.body as string);
    await hr.context.close();

    const email = `suzuki-${randomUUID().slice(0, 6)}@${domain}`;
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await startAtSignInPage(page, email);
    await page.waitForURL((url) => url.origin === new URL(samlIdp.entityId).origin, { timeout: 30_000 });
    await page.getByTestId('idp-email').fill(email);
    await page.getByTestId('idp-submit').click();
    await page.getByTestId('idp-continue').click();
    await page.waitForURL((url) => url.origin === server.url && !url.pathname.startsWith('/signin'), { timeout: 60_000 });
    // Signed in as the new person: the hand-off left no token in the address bar.
    expect(page.url()).not.toContain('token=');
    const me = await page.evaluate(async () => {
      const refreshed = await fetch('/api/auth/refresh', { method: 'POST' });
      return (await refreshed.json()) as { user: { email: string; name: string; role: string } };
    });
    expect(me.user).toMatchObject({ email, name: '統合 太郎', role: 'learner' });
    await context.close();
  });

  it('OIDC: a person signs in at the OpenID provider (PKCE code flow) and lands in the app', async () => {
    const company = await signUpCompany(server.url, '株式会社オーアイディーシー');
    const domain = `oidc-${randomUUID().slice(0, 8)}.example.test`;
    const saved = await company.client.put('/api/sso/config', {
      protocol: 'oidc',
      oidc: { issuer: oidcIdp.issuer, clientId: oidcIdp.clientId, clientSecret: oidcIdp.clientSecret },
      domains: [domain],
      jit: { enabled: true, role: 'learner', departmentId: null },
      mapping: { name: 'name', department: '', level: 'level' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const email = `tanaka-${randomUUID().slice(0, 6)}@${domain}`;
    oidcIdp.addAccount({ email, name: '田中 一郎', level: '中堅社員' });

    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await startAtSignInPage(page, email);
    await page.waitForURL((url) => url.origin === oidcIdp.issuer, { timeout: 30_000 });
    // oidc-provider's own development login page: the login is prefilled from login_hint.
    expect(await page.locator('input[name="login"]').inputValue()).toBe(email);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    // Its consent step, then back to the app.
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin === server.url && !url.pathname.startsWith('/signin'), { timeout: 60_000 });
    const me = await page.evaluate(async () => {
      const refreshed = await fetch('/api/auth/refresh', { method: 'POST' });
      return (await refreshed.json()) as { user: { email: string; name: string; level: string | null } };
    });
    expect(me.user).toMatchObject({ email, name: '田中 一郎', level: 'mid' });
    await context.close();
  });

  it('shows why a company sign-in was refused, in Japanese', async () => {
    const page = await browser.newPage({ locale: 'ja-JP' });
    await page.goto(`${server.url}/signin/sso?error=account_elsewhere`);
    await expect.poll(() => page.getByTestId('sso-problem').textContent()).toContain('別の会社のアカウント');
    await page.getByTestId('sso-email').fill(`nobody@none-${randomUUID().slice(0, 6)}.example.test`);
    await page.getByTestId('sso-submit').click();
    await expect.poll(() => page.getByTestId('sso-problem').textContent()).toContain('会社のアカウントでサインインできません');
    await page.close();
  });
});
