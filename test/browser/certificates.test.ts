import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

/**
 * Certificates (修了証) in Chromium: HR words the template and uploads a logo; the learner's
 * completed package earns a certificate they download from their assignments; HR downloads the
 * package's zip; anyone checks the printed verification URL.
 */
let server: TestServer;
let browser: Browser;
let hr: SignedUpCompany;
let packageId: string;
const learner = { id: '', email: uniqueEmail('learner'), password: 'learner password 1' };
const dir = mkdtempSync(join(tmpdir(), 'certificates-browser-'));

// A 2×1 PNG, written by hand: the logo.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGPgK2D4/5+BDwATfgOhfiUNXQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist(), aggregate: true });
  hr = await signUpCompany(server.url, '株式会社ミライ');
  const pkg = await hr.client.post('/api/packages', {
    title: { ja: 'ハラスメント防止研修', en: 'Harassment prevention' },
    description: { ja: '職場の基本' },
    level: 'new_hire',
    modules: [{ id: 'practice', kind: 'ojt', title: { ja: '職場での実践' }, estimatedMinutes: 20, instructions: { ja: '上長が確認する' } }],
  });
  packageId = pkg.body.id;
  const created = await hr.client.post('/api/users', {
    name: '高橋 美咲',
    email: learner.email,
    role: 'learner',
    departmentId: null,
    level: 'new_hire',
    sendInvite: true,
  });
  learner.id = created.body.id;
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  await new Client(server.url).post('/api/auth/set-password', {
    token: new URL(mail.link).searchParams.get('token'),
    password: learner.password,
  });
  await hr.client.post(`/api/packages/${packageId}/assignments`, { userIds: [learner.id], dueDate: '2099-03-31' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const signedIn = (email: string, password: string) => signInAs(browser, server.url, { email, password }, { acceptDownloads: true });

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

const pdfText = (bytes: Buffer) => {
  const path = join(dir, 'read.pdf');
  writeFileSync(path, bytes);
  return execFileSync('pdftotext', [path, '-']).toString('utf8');
};

let verifyUrl = '';

describe('certificates in the browser', () => {
  it('HR words the template, uploads a logo and sees the preview', async () => {
    const { context, page } = await signedIn(hr.email, hr.password);
    await page.goto(`${server.url}/admin/packages`);
    await page.getByTestId('nav-certificate-template').click();
    await page.waitForURL('**/admin/certificate-template');
    await expect.poll(() => page.getByTestId('certificate-preview-frame').getAttribute('data')).toMatch(/^blob:/);

    await page.getByTestId('certificate-body-ja').fill('{company}の研修「{package}」を修了したことを証します。');
    await page.getByTestId('certificate-signer-name').fill('人事 花子');
    await page.getByTestId('certificate-template-save').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('修了証テンプレートを保存しました。');

    await page.getByTestId('certificate-logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.getByTestId('certificate-logo-state').getAttribute('data-set')).toBe('true');
    await context.close();
  });

  it('the learner downloads the certificate of the completed package from their assignments', async () => {
    await hr.client.post(`/api/users/${learner.id}/assignments/${packageId}/modules/practice/signoff`);
    for (let i = 0; i < 10 && (await server.drainStream()) > 0; i++);

    const { context, page } = await signedIn(learner.email, learner.password);
    await page.getByTestId('nav-assignments').click();
    const item = page.getByTestId('my-certificate');
    await expect.poll(() => item.count()).toBe(1);
    const code = (await item.getByTestId('my-certificate-code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    const file = await downloaded(page, () => item.getByTestId('my-certificate-download').click());
    expect(file.name).toBe(`高橋_美咲_${code}.pdf`);
    const text = pdfText(file.bytes);
    expect(text).toContain('高橋 美咲');
    expect(text).toContain('株式会社ミライの研修「ハラスメント防止研修」を修了したことを証します。');
    expect(text).toContain('人事 花子');
    verifyUrl = `${server.url}/verify/${code}`;
    expect(text).toContain(verifyUrl);
    await context.close();
  });

  it('HR downloads every certificate of the package as a zip', async () => {
    const { context, page } = await signedIn(hr.email, hr.password);
    await page.goto(`${server.url}/admin/packages/${packageId}`);
    await page.getByTestId('package-certificates-link').click();
    await expect.poll(() => page.getByTestId('package-certificate').count()).toBe(1);
    const zip = await downloaded(page, () => page.getByTestId('package-certificates-zip').click());
    const files = Object.keys(unzipSync(new Uint8Array(zip.bytes)));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^高橋_美咲_[0-9A-Z-]{19}\.pdf$/);
    await context.close();
  });

  it('anyone checks the printed verification URL, and a made-up code is not found', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(verifyUrl);
    await expect.poll(() => page.getByTestId('verify-result').getAttribute('data-valid')).toBe('true');
    expect(await page.getByTestId('page-heading').textContent()).toBeTruthy();

    await page.getByTestId('verify-code').fill('0000-0000-0000-0000');
    await page.getByTestId('verify-submit').click();
    await expect.poll(() => page.getByTestId('verify-result').getAttribute('data-valid')).toBe('false');
    const body = await page.locator('main').textContent();
    expect(body).not.toContain('高橋');
    expect(body).not.toContain('ミライ');
    await context.close();
  });
});
