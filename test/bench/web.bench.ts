/**
 * `npm run bench:web`: what a browser downloads for the sign-in page and for a learner's quiz, and
 * what Lighthouse (mobile defaults) makes of them.
 * - The SPA is the built web/dist (the npm script builds it first), served by the same local
 *   server code `npm start` runs, against DynamoDB Local.
 * - Chromium (Debian's, through playwright-core) loads each page with a cold cache: the JS figures
 *   are the compressed bytes of the scripts actually transferred; requests count every request.
 * - Lighthouse drives the same Chromium through chrome-launcher; each page is audited
 *   BENCH_WEB_RUNS times (default 3) and the run with the median performance score is printed.
 * Prints two JSON lines (transfer figures, then Lighthouse scores). Not a test: nothing here asserts.
 */
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import lighthouse from 'lighthouse';
import { DEFAULT_TABLE_NAME } from '@manabi/data';
import { ensureTable, freePort, startDynamoLocal } from '@manabi/data/local';
import { repoRoot, startLocal } from '@manabi/api/local';
import { Client, signUpCompany, uniqueEmail } from '../support/client.js';
import { fixedAssessment, seedBank } from '../support/content.js';
import { webDist } from '../support/web-dist.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
interface ChromeLauncher {
  launch(options: { chromePath: string; chromeFlags: string[] }): Promise<{ port: number; kill(): void }>;
}
// chrome-launcher comes with lighthouse (not a dependency of this repo): resolve it from there.
const requireFromLighthouse = createRequire(realpathSync(join(repoRoot(), 'node_modules', 'lighthouse', 'package.json')));
const chromeLauncher = requireFromLighthouse('chrome-launcher') as ChromeLauncher;

interface Transfer {
  jsGzipKb: number;
  requests: number;
}

/** Loads `path` in a fresh context (cold cache) and sums what came over the wire until `ready`. */
async function measure(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<unknown>,
  cookie?: { name: string; value: string },
): Promise<Transfer> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
  if (cookie) await context.addCookies([{ ...cookie, url: new URL('/api/auth', url).href }]);
  const page = await context.newPage();
  const finished: Promise<{ script: boolean; bytes: number; url: string }>[] = [];
  page.on('requestfinished', (request) => {
    finished.push(
      request.sizes().then((sizes) => ({ script: request.resourceType() === 'script', bytes: sizes.responseBodySize, url: request.url() })),
    );
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(finished);
  // BENCH_WEB_DETAILS=1: what each page loaded, and the audits that did not pass, on stderr.
  if (process.env.BENCH_WEB_DETAILS) for (const r of all) console.error(`${new URL(url).pathname} ${r.bytes} ${new URL(r.url).pathname}`);
  await context.close();
  const js = all.filter((r) => r.script).reduce((sum, r) => sum + r.bytes, 0);
  return { jsGzipKb: Math.round((js / 1024) * 10) / 10, requests: all.length };
}

interface Scores {
  performance: number;
  accessibility: number;
  best_practices: number;
}

/** Lighthouse with its mobile defaults (simulated throttling) on one URL. */
async function audit(port: number, url: string, cookie?: string): Promise<Scores> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { categories, finalDisplayedUrl } = result.lhr;
  // A page that sent the browser elsewhere (to sign in) would be scored instead of the one asked for.
  if (new URL(finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended at ${finalDisplayedUrl}`);
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  if (process.env.BENCH_WEB_DETAILS) {
    for (const audit of Object.values(result.lhr.audits))
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
        console.error(`${url} ${audit.id} ${audit.score} ${audit.displayValue ?? ''}`);
    if (process.env.BENCH_WEB_DETAILS === '2')
      for (const id of ['bootup-time', 'mainthread-work-breakdown', 'largest-contentful-paint-element', 'critical-request-chains'])
        console.error(`${url} ${id} ${String(JSON.stringify(result.lhr.audits[id]?.details)).slice(0, 3000)}`);
  }
  return { performance: score('performance'), accessibility: score('accessibility'), best_practices: score('best-practices') };
}

const dist = webDist();
const dynamo = await startDynamoLocal();
await ensureTable(dynamo.endpoint, DEFAULT_TABLE_NAME);
const server = await startLocal({ port: await freePort(), seed: false, dynamoEndpoint: dynamo.endpoint, webDist: dist, log: () => {} });
let browser: Browser | undefined;
try {
  // A company with a published test and a learner who has started it.
  const hr = await signUpCompany(server.url, '株式会社ベンチ');
  const bankId = await seedBank(hr.client, ['情報セキュリティ', 'コンプライアンス'], 3);
  const assessment = (
    await hr.client.post(
      '/api/assessments',
      fixedAssessment(bankId, [
        { skill: '情報セキュリティ', count: 2 },
        { skill: 'コンプライアンス', count: 2 },
      ]),
    )
  ).body;
  await hr.client.post(`/api/assessments/${assessment.id}/publish`);
  const learner = { email: uniqueEmail('learner'), password: 'learner password 1' };
  await hr.client.post('/api/users', { name: '受講 花子', email: learner.email, role: 'learner', sendInvite: true });
  const mail = (await new Client(server.url).get('/api/dev/outbox')).body.items.find((m: { to: string }) => m.to === learner.email);
  const token = new URL(mail.link).searchParams.get('token');
  await new Client(server.url).post('/api/auth/set-password', { token, password: learner.password });

  /** A new session for the learner: its refresh cookie (each page load rotates it). */
  const session = async () => {
    const c = new Client(server.url);
    const res = await c.post('/api/auth/signin', learner);
    if (res.status !== 200 || !c.cookie) throw new Error(`learner sign-in failed: ${res.status}`);
    c.token = res.body.accessToken;
    return c;
  };
  const starter = await session();
  const attempt = (await starter.post(`/api/assessments/${assessment.id}/attempts`)).body;
  const quizUrl = `${server.url}/attempts/${attempt.id}`;
  const signinUrl = `${server.url}/signin`;
  const asCookie = (c: Client) => {
    const [name, value] = c.cookie!.split('=') as [string, string];
    return { name, value };
  };

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const signin = await measure(browser, signinUrl, (page) => page.getByTestId('signin-submit').waitFor());
  const quiz = await measure(browser, quizUrl, (page) => page.getByTestId('player-stem').waitFor(), asCookie(await session()));
  await browser.close();
  browser = undefined;
  console.log(
    JSON.stringify({
      signin_js_gzip_kb: signin.jsGzipKb,
      quiz_js_gzip_kb: quiz.jsGzipKb,
      signin_requests: signin.requests,
      quiz_requests: quiz.requests,
    }),
  );

  // BENCH_WEB_LIGHTHOUSE=0 stops after the transfer figures (a quicker loop while trimming the bundle).
  if (process.env.BENCH_WEB_LIGHTHOUSE !== '0') await lighthouseScores(signinUrl, quizUrl, async () => (await session()).cookie!);
} finally {
  await browser?.close();
  await server.stop();
  await dynamo.stop();
}

async function lighthouseScores(signinUrl: string, learnerUrl: string, learnerCookie: () => Promise<string>) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    // Lighthouse's performance score moves with the machine's load (its blocking time is measured
    // on this CPU): the run with the median performance score of a few is the one reported.
    const runs = Number(process.env.BENCH_WEB_RUNS ?? 3);
    const median = async (one: () => Promise<Scores>) => {
      const all: Scores[] = [];
      for (let i = 0; i < runs; i++) all.push(await one());
      return all.sort((a, b) => a.performance - b.performance)[Math.floor((all.length - 1) / 2)]!;
    };
    const signinScores = await median(() => audit(chrome.port, signinUrl));
    const learnerScores = await median(async () => audit(chrome.port, learnerUrl, await learnerCookie()));
    console.log(JSON.stringify({ lighthouse: { signin: signinScores, learner: learnerScores } }));
  } finally {
    chrome.kill();
  }
}
