import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '@manabi/core';
import { listAttemptsOfUser } from '@manabi/data';
import { startDynamoLocal, type DynamoLocal } from '@manabi/data/local';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';
import { webDist } from '../support/web-dist.js';

/**
 * The quiz player when the server is briefly unavailable (issue #20 item 5): the database stops
 * just as the learner sends an answer. The player says so, keeps the learner's choice, and sends
 * the same answer again by itself once the server answers again (its Retry-After), without the
 * learner doing anything. This file runs its own DynamoDB Local, so stopping it touches no other test.
 */
let dir: string;
let dynamo: DynamoLocal;
let server: TestServer;
let browser: Browser;
let page: Page;
let tenantId: string;
const learner = { email: uniqueEmail('learner'), password: 'learner password 1' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'manabi-quiz-resend-'));
  dynamo = await startDynamoLocal({ dataDir: dir });
  server = await startTestServer({ webDist: webDist(), dynamoEndpoint: dynamo.endpoint, tableName: `resend-${randomId()}` });
  const hr = await signUpCompany(server.url, '株式会社再送信');
  tenantId = hr.tenantId;
  const bankId = await seedBank(hr.client, ['情報セキュリティ'], 3);
  const a = (await hr.client.post('/api/assessments', fixedAssessment(bankId, [{ skill: '情報セキュリティ', count: 3 }]))).body;
  expect((await hr.client.post(`/api/assessments/${a.id}/publish`)).status).toBe(200);
  await hr.client.post('/api/users', { name: '受講 花子', email: learner.email, role: 'learner', sendInvite: true });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  const token = new URL(mail.link).searchParams.get('token');
  expect((await new Client(server.url).post('/api/auth/set-password', { token, password: learner.password })).status).toBe(200);
  browser = await launchChromium();
  page = (await signInAs(browser, server.url, learner, { viewport: { width: 1280, height: 900 } })).page;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await dynamo?.stop();
  await rm(dir, { recursive: true, force: true });
});

const byTestId = (id: string) => page.getByTestId(id);

describe('the quiz player while the server is briefly unavailable', () => {
  it('keeps the chosen answer and sends it again by itself once the server is back', async () => {
    await page.goto(`${server.url}/assessments`);
    await page.locator('[data-testid="assessment-row"]').first().getByTestId('assessment-start').click();
    await page.waitForURL('**/attempts/*');
    await expect.poll(() => byTestId('player-progress').textContent()).toContain('1 / 3');

    const option = page.locator('[data-testid="player-option"][data-option-id="b"] input');
    await option.check();
    await dynamo.stop();
    await byTestId('player-submit').click();

    // The server answered 503: the player says the answer is not sent yet, and keeps the choice.
    await expect.poll(() => byTestId('player-network-error').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await option.isChecked()).toBe(true);
    expect(await byTestId('player-feedback').isVisible()).toBe(false);

    // Back: the player resends on its own (no click) and shows the answer's feedback.
    dynamo = await startDynamoLocal({ dataDir: dir, port: dynamo.port });
    await expect.poll(() => byTestId('player-feedback').isVisible(), { timeout: 120_000 }).toBe(true);
    expect(await byTestId('player-network-error').isVisible()).toBe(false);

    // Stored once, with the learner's choice.
    const db = server.data.clientFor({ tenantId });
    const userId = (await new Client(server.url).post('/api/auth/signin', learner)).body.user.id as string;
    const [attempt] = await listAttemptsOfUser(db, userId);
    expect(attempt!.answers).toHaveLength(1);
    expect((attempt!.answers[0]!.response as { optionId: string }).optionId).toBe('b');
  }, 240_000);
});
