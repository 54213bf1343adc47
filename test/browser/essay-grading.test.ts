import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { Client, signUpCompany, uniqueEmail, type SignedUpCompany } from '../support/client.js';
import { webDist } from '../support/web-dist.js';

/**
 * A learner reads a description and writes an essay in Chromium; the attempt waits for grading.
 * HR opens the grading queue, grades the essay against its rubric with a comment, and the learner's
 * result then shows the points per criterion and the comment.
 */
let server: TestServer;
let browser: Browser;
let hr: SignedUpCompany;
const learner = { email: uniqueEmail('writer'), password: 'learner password 1' };
const ESSAY = '結論は、会議の前に議題を共有することです。理由は準備の時間が取れるからです。';

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist() });
  hr = await signUpCompany(server.url, '株式会社記述採点');
  const bank = (await hr.client.post('/api/banks', { name: '記述式バンク' })).body;
  const add = async (q: unknown) => {
    const res = await hr.client.post(`/api/banks/${bank.id}/questions`, q);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const intro = await add({ type: 'description', stem: { ja: 'ここからは会議の進め方についての問題です。' }, status: 'published' });
  const essay = await add({
    type: 'essay',
    stem: { ja: '会議を短くする工夫を一つ挙げ、理由を説明してください。' },
    rubric: [
      { id: 'idea', criterion: { ja: '工夫の具体性' }, maxPoints: 5 },
      { id: 'reason', criterion: { ja: '理由の説得力' }, maxPoints: 3 },
    ],
    maxWords: 200,
    graderNotes: { ja: '議題の事前共有、時間の上限などが挙がれば満点の目安' },
    skillTags: ['論理的思考'],
    status: 'published',
  });
  const created = await hr.client.post('/api/assessments', {
    title: { ja: '会議の進め方（記述）', en: 'Running meetings (written)' },
    mode: 'fixed',
    bankIds: [bank.id],
    fixed: { questionIds: [intro, essay], draws: [], shuffleQuestions: false, shuffleOptions: false },
    passMark: 50,
    reviewPolicy: 'after_submit',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await hr.client.post(`/api/assessments/${created.body.id}/publish`)).status).toBe(200);
  await hr.client.post('/api/users', { name: '記述 花子', email: learner.email, role: 'learner', level: 'junior', sendInvite: true });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  const token = new URL(mail.link).searchParams.get('token');
  expect((await new Client(server.url).post('/api/auth/set-password', { token, password: learner.password })).status).toBe(200);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an essay graded by HR', () => {
  let attemptPath = '';

  it('the learner reads the description, writes the essay with a live count and waits for grading', async () => {
    const { page, context } = await signInAs(browser, server.url, learner);
    await page.goto(`${server.url}/assessments`);
    await page.locator('[data-testid="assessment-row"][data-title="会議の進め方（記述）"]').getByTestId('assessment-start').click();
    await page.waitForURL('**/attempts/*');
    attemptPath = new URL(page.url()).pathname;

    // The description: a plain block, no answer control, and "次へ" moves on.
    await expect.poll(() => page.getByTestId('player-stem').textContent()).toContain('会議の進め方についての問題');
    expect(await page.locator('[data-testid="player-form"] input, [data-testid="player-form"] textarea').count()).toBe(0);
    await page.getByTestId('player-submit').click();

    // The essay: the count follows the text, the limit and the criteria are shown.
    await page.getByTestId('player-essay').waitFor();
    expect(await page.getByTestId('player-essay-rubric').textContent()).toContain('工夫の具体性');
    await page.getByTestId('player-essay').fill(ESSAY);
    await expect
      .poll(() => page.getByTestId('player-essay-count').getAttribute('data-words'))
      .toBe(String([...ESSAY].filter((c) => /\p{L}/u.test(c)).length));
    expect(await page.getByTestId('player-essay-count').textContent()).toContain('200 語以内');
    await page.getByTestId('player-submit').click();
    await page.getByTestId('player-next').click();
    await page.waitForURL('**/result');
    await page.getByTestId('result-awaiting-grading').waitFor();
    expect(await page.getByTestId('result-grading-progress').textContent()).toContain('1 問のうち 0 問');
    await context.close();
  });

  it('HR grades it from the queue against the rubric, with a comment', async () => {
    const { page, context } = await signInAs(browser, server.url, { email: hr.email, password: hr.password });
    await page.goto(`${server.url}/grading`);
    await expect.poll(() => page.getByTestId('essay-queue-count').getAttribute('data-count')).toBe('1');
    const row = page.getByTestId('essay-queue-row');
    expect(await row.textContent()).toContain('記述 花子');
    await row.getByTestId('essay-queue-grade').click();
    await page.waitForURL('**/grading/*/*');
    await expect.poll(() => page.getByTestId('grading-answer').textContent()).toContain('議題を共有する');
    expect(await page.getByTestId('grading-notes').textContent()).toContain('満点の目安');
    await page.locator('[data-testid="grading-criterion"][data-criterion="idea"]').getByTestId('grading-points').selectOption('4');
    await page.locator('[data-testid="grading-criterion"][data-criterion="reason"]').getByTestId('grading-points').selectOption('3');
    expect(await page.getByTestId('grading-total').textContent()).toContain('7 / 8');
    await page.getByTestId('grading-comment').fill('具体的で分かりやすいです。');
    await page.getByTestId('grading-save').click();
    await page.getByTestId('grading-graded-by').waitFor();
    expect(await page.getByTestId('grading-regrade').isVisible()).toBe(true);
    await page.goto(`${server.url}/grading`);
    await page.getByTestId('essay-queue-empty').waitFor();
    await context.close();
  });

  it('the learner sees the rubric points and the comment on the result', async () => {
    const { page, context } = await signInAs(browser, server.url, learner);
    await page.goto(`${server.url}${attemptPath}/result`);
    await page.getByTestId('result-summary').waitFor();
    // 7 of 8 points; the description does not count.
    expect(await page.getByTestId('result-score').textContent()).toContain('87.5');
    const points = await page.getByTestId('essay-grade-points').allTextContents();
    expect(points.map((p) => p.trim())).toEqual(['4 / 5', '3 / 3']);
    expect(await page.getByTestId('essay-grade-total').textContent()).toContain('7 / 8');
    expect(await page.getByTestId('essay-grade-comment').textContent()).toContain('具体的で分かりやすいです。');
    expect(await page.locator('body').textContent()).not.toContain('満点の目安');
    await context.close();
  });
});
