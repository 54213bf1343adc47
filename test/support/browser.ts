import { existsSync } from 'node:fs';
import { passMfaInPage } from './accounts.js';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with no network of its own (this machine has none); playwright gives it a fresh profile. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A fresh context signed in through the sign-in page, as a person would. `prepare` runs on the
 * context before the first page opens (bindings, listeners); Japanese unless `options` say otherwise.
 */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  who: { email: string; password: string; totpSecret?: string },
  options: BrowserContextOptions = {},
  prepare?: (context: BrowserContext, page: Page) => void | Promise<void>,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'ja-JP', ...options });
  const page = await context.newPage();
  await prepare?.(context, page);
  await page.goto(`${baseUrl}/signin`);
  await page.getByTestId('signin-email').fill(who.email);
  await page.getByTestId('signin-password').fill(who.password);
  await page.getByTestId('signin-submit').click();
  // People with MFA (vendor and platform admins always) pass the second step with their authenticator's code.
  if (who.totpSecret) await passMfaInPage(page, who.totpSecret);
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
  return { context, page };
}
