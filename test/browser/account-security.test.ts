import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { activePerson, latestMail, NEW_PASSWORD, totpCode } from '../support/accounts.js';
import { webDist } from '../support/web-dist.js';

let server: TestServer;
let browser: Browser;
let company: SignedUpCompany;
beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  company = await signUpCompany(server.url, '株式会社ブラウザ');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('password reset in the browser', () => {
  it('asks for a link from the sign-in page, opens it from the outbox, sets a new password and signs in with it', async () => {
    const person = await activePerson(company.client);
    const page = await browser.newPage({ locale: 'ja-JP' });
    await page.goto(`${server.url}/signin`);
    await page.getByTestId('signin-forgot').click();
    await page.waitForURL('**/forgot-password');
    await page.getByTestId('forgot-email').fill(person.email);
    await page.getByTestId('forgot-submit').click();
    await expect.poll(() => page.getByTestId('forgot-sent').isVisible(), { timeout: 15_000 }).toBe(true);

    const mail = await latestMail(server.url, person.email, 'password_reset');
    expect(mail).not.toBeNull();
    const link = new URL(mail!.link);
    await page.goto(`${server.url}${link.pathname}${link.search}`);
    await page.getByTestId('reset-password').fill(NEW_PASSWORD);
    await page.getByTestId('reset-confirm').fill(NEW_PASSWORD);
    await page.getByTestId('reset-submit').click();
    await page.waitForURL('**/signin');
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('パスワードを変更しました');

    await page.getByTestId('signin-email').fill(person.email);
    await page.getByTestId('signin-password').fill(NEW_PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

    // The link was used: opening it again says so.
    await page.goto(`${server.url}${link.pathname}${link.search}`);
    await expect.poll(() => page.getByText('このリンクは無効か').isVisible()).toBe(true);
    await page.close();
  });
});

describe('two-step verification in the browser', () => {
  it('enrols an authenticator from the security page, then signs in with its code', async () => {
    const person = await activePerson(company.client);
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(`${server.url}/signin`);
    await page.getByTestId('signin-email').fill(person.email);
    await page.getByTestId('signin-password').fill(person.password);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

    await page.goto(`${server.url}/me/security`);
    await page.getByTestId('mfa-enable').click();
    const secret = (await page.getByTestId('mfa-secret').textContent())!.trim();
    expect(await page.getByTestId('mfa-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await page.getByTestId('mfa-enrol-code').fill(await totpCode(secret));
    await page.getByTestId('mfa-enrol-submit').click();
    await expect.poll(() => page.getByTestId('mfa-recovery-code').count()).toBe(10);
    await page.getByTestId('mfa-recovery-done').click();
    await expect.poll(() => page.getByTestId('mfa-status').getAttribute('data-enabled')).toBe('true');
    await context.close();

    // A new sign-in now has a second step.
    const next = await browser.newPage({ locale: 'ja-JP' });
    await next.goto(`${server.url}/signin`);
    await next.getByTestId('signin-email').fill(person.email);
    await next.getByTestId('signin-password').fill(person.password);
    await next.getByTestId('signin-submit').click();
    await next.waitForURL('**/signin/mfa');
    await next.getByTestId('mfa-verify-code').fill('000000' === (await totpCode(secret, 'next')) ? '111111' : '000000');
    await next.getByTestId('mfa-verify-submit').click();
    await expect.poll(() => next.getByText('確認コードが正しくありません').first().isVisible()).toBe(true);
    await next.getByTestId('mfa-verify-code').fill(await totpCode(secret, 'next'));
    await next.getByTestId('mfa-verify-submit').click();
    await next.waitForURL('**/me');
    await next.close();
  });

  it('makes a manager enrol at sign-in once the company requires it', async () => {
    const manager = await activePerson(company.client, 'manager');
    const hr = await browser.newPage({ locale: 'ja-JP' });
    await hr.goto(`${server.url}/signin`);
    await hr.getByTestId('signin-email').fill(company.email);
    await hr.getByTestId('signin-password').fill(company.password);
    await hr.getByTestId('signin-submit').click();
    await hr.waitForURL((url) => !url.pathname.startsWith('/signin'));
    await hr.goto(`${server.url}/me/security`);
    await hr.getByTestId('company-require-mfa').check();
    await hr.getByTestId('company-security-save').click();
    await expect.poll(() => hr.getByTestId('notice').textContent()).toContain('企業の設定を保存しました');
    await hr.close();

    const page = await browser.newPage({ locale: 'ja-JP' });
    await page.goto(`${server.url}/signin`);
    await page.getByTestId('signin-email').fill(manager.email);
    await page.getByTestId('signin-password').fill(manager.password);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL('**/signin/mfa');
    const secret = (await page.getByTestId('mfa-secret').textContent())!.trim();
    await page.getByTestId('mfa-enrol-code').fill(await totpCode(secret));
    await page.getByTestId('mfa-enrol-submit').click();
    await expect.poll(() => page.getByTestId('mfa-recovery-code').count()).toBe(10);
    await page.getByTestId('mfa-recovery-done').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    expect((await new Client(server.url).post('/api/auth/signin', { email: manager.email, password: manager.password })).body.mfa).toBe(
      'verify',
    );
    await page.close();
  });
});

describe('HR’s buttons', () => {
  it('sends a person a reset link from their page, and re-invites everyone still invited from the list', async () => {
    const hr = await signUpCompany(server.url, '株式会社人事ボタン');
    const person = await activePerson(hr.client);
    const invitedEmail = uniqueEmail('invited');
    await hr.client.post('/api/users', { name: '招待 待ち', email: invitedEmail, role: 'learner', sendInvite: false });
    const page = await browser.newPage({ locale: 'ja-JP' });
    await page.goto(`${server.url}/signin`);
    await page.getByTestId('signin-email').fill(hr.email);
    await page.getByTestId('signin-password').fill(hr.password);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

    await page.goto(`${server.url}/admin/users/${person.id}`);
    await page.getByTestId('user-send-password-reset').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('パスワード再設定リンクを送信しました');
    expect(await latestMail(server.url, person.email, 'password_reset')).not.toBeNull();

    await page.goto(`${server.url}/admin/users`);
    await page.getByTestId('users-reinvite').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('1 名に招待メールを送りました');
    expect(await latestMail(server.url, invitedEmail, 'invitation')).not.toBeNull();
    await page.close();
  });
});
