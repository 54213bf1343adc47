import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@manabi/api/local';
import { DEMO_PASSWORD } from '../../functions/api/src/local/seed.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { enrolDuringSignIn } from '../support/accounts.js';
import { Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { webDist } from '../support/web-dist.js';
import { MISSING_MESSAGE_WARNING } from '../../web/src/i18n/missing.js';

/**
 * "Japanese stays Japanese": signed in as each role of the demo company (and signed out), every
 * route of web/src/router.ts the role may open is visited in Japanese, with real ids from the demo
 * data for parameterised routes, and every visible text (plus placeholder, title, aria-label and
 * alt) is read. A text with no Japanese in it that reads as an English phrase (two words of
 * letters or more) fails the test, naming the route and the text; product names, codes, emails,
 * ids and units are allowed, as is content marked `lang="en"` (data written only in English).
 */

type Role = 'tenant_admin' | 'manager' | 'learner' | 'vendor_admin' | 'platform_admin';

interface RouteEntry {
  path: string;
  /** null: any signed-in role; 'public': signed out too. */
  roles: Role[] | null | 'public';
}

/** The routes as web/src/router.ts declares them (read from its source, so a new route is walked at once). */
function routerRoutes(): RouteEntry[] {
  const source = readFileSync(join(repoRoot(), 'web/src/router.ts'), 'utf8');
  const constants = new Map<string, Role[]>();
  for (const m of source.matchAll(/const (\w+): Role\[\] = \[([^\]]*)\]/g))
    constants.set(
      m[1]!,
      [...m[2]!.matchAll(/'(\w+)'/g)].map((r) => r[1] as Role),
    );
  const body = source.slice(source.indexOf('export const routes'), source.indexOf('];', source.indexOf('export const routes')));
  const entries: RouteEntry[] = [];
  // Each route object starts at its `path:`; its meta follows before the next one.
  const starts = [...body.matchAll(/path: '([^']+)'/g)];
  starts.forEach((m, i) => {
    const chunk = body.slice(m.index, starts[i + 1]?.index ?? body.length);
    if (/redirect:/.test(chunk.split('\n')[0]!)) return;
    if (/^\s*redirect:/m.test(chunk) && !/component:/.test(chunk)) return;
    const rolesName = /roles: (\w+)/.exec(chunk)?.[1];
    const roles: RouteEntry['roles'] = /public: true/.test(chunk) ? 'public' : rolesName ? constants.get(rolesName)! : null;
    entries.push({ path: m[1]!, roles });
  });
  return entries;
}

const DEMO = {
  tenant_admin: 'hr@demo.manabi.example',
  manager: 'manager@demo.manabi.example',
  learner: 'learner1@demo.manabi.example',
  vendor_admin: 'vendor@demo.manabi.example',
  platform_admin: 'admin@demo.manabi.example',
} as const satisfies Record<Role, string>;

// ── What may stay in Latin letters ──────────────────────────────────────────

/** Product names, formats and units that are written the same in Japanese UI text. */
const ALLOWED_WORDS = new Set(
  [
    'Manabi',
    'SCORM',
    'CSV',
    'PDF',
    'URL',
    'ID',
    'KB',
    'MB',
    'GB',
    'PNG',
    'JPEG',
    'JPG',
    'WebP',
    'SVG',
    'ICO',
    'GIF',
    'MP4',
    'PowerPoint',
    'pptx',
    'zip',
    'OJT',
    'SMART',
    'QTI',
    'GIFT',
    'Moodle',
    'XML',
    'IRT',
    'CAT',
    'API',
    'HR',
    'UTF',
    'Shift_JIS',
    'YYYY',
    'MM',
    'DD',
    'OK',
    'English',
    'Excel',
    'SSO',
    'SAML',
    'OIDC',
    'SCIM',
    'IdP',
    'SP',
    'Entra',
    'Okta',
  ].map((w) => w.toLowerCase()),
);

const japanese = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/;

/** The words of a text that would still read as English once names, codes and units are set aside. */
function englishWords(text: string): string[] {
  const stripped = text
    .replace(/^\s*=.*$/s, ' ') // a spreadsheet formula (a question about Excel shows one as its options)
    .replace(/\bOpenID Connect\b/g, ' ') // a protocol's name
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ') // emails
    .replace(/https?:\/\/\S+|\b[\w-]+(\.[\w-]+)+\.(?:example|jp|com|localhost|test)\b\S*/g, ' ') // URLs and hosts
    .replace(/\b[0-9a-z]{16}\b/g, ' ') // ids
    .replace(/(?<![\w-])[a-z0-9]+(?:[-_][a-z0-9]+)+(?![\w-])/g, ' ') // slugs and codes (skill, job role and module ids)
    .replace(/#[0-9a-fA-F]{3,8}\b/g, ' ') // colours
    .replace(/\{\w+\}/g, ' '); // certificate placeholders
  return (stripped.match(/[A-Za-z][A-Za-z'’]+/g) ?? []).filter((w) => !ALLOWED_WORDS.has(w.toLowerCase()));
}

/** An ASCII-only text that is an English phrase (≥ 2 words of letters left after the allow-list). */
function isEnglishPhrase(text: string): boolean {
  if (japanese.test(text)) return false;
  return englishWords(text).length >= 2;
}

// ── Reading a page ──────────────────────────────────────────────────────────

/** Visible text nodes and the labelling attributes, except content marked as written in English. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    // Content a page marks as English (data written only in English); the page's own language is <html lang>.
    const inEnglish = (el: Element | null) => (el?.closest('body [lang]')?.getAttribute('lang') ?? '').startsWith('en');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      const parent = node.parentElement;
      if (!text || !parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName)) continue;
      // <option>s are part of the UI even while their <select> is closed.
      const shown = (parent.tagName === 'OPTION' ? (parent.closest('select') ?? parent) : parent).checkVisibility();
      if (shown && !inEnglish(parent)) out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[placeholder], [title], [aria-label], img[alt]'))) {
      if (!(el as HTMLElement).checkVisibility?.() || inEnglish(el)) continue;
      for (const attr of ['placeholder', 'title', 'aria-label', 'alt']) {
        const value = el.getAttribute(attr)?.trim();
        if (value) out.push(value);
      }
    }
    out.push(document.title);
    return out;
  });
}

// ── The walk ────────────────────────────────────────────────────────────────

let server: TestServer;
let browser: Browser;
const offences: string[] = [];
/** Console warnings of a missing message, and the roles whose walk fetched the staff pages' messages. */
const missingMessages: string[] = [];
const staffMessagesFetchedBy = new Set<string>();
/** Parameterised routes walked by at least one role. */
const walkedParamRoutes = new Set<string>();

beforeAll(async () => {
  server = await startTestServer({ webDist: webDist(), seed: true, tableName: `manabi-jawalk-${randomUUID().slice(0, 8)}` });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The authenticator seeds of the demo admins who enrolled at their first sign-in (vendor and platform admins must). */
const totpSecrets = new Map<string, string>();

async function apiAs(email: string): Promise<Client> {
  const client = new Client(server.url);
  const res = await client.post('/api/auth/signin', { email, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`demo sign-in failed for ${email}: ${res.status}`);
  if (res.body.mfa === 'enrol') totpSecrets.set(email, (await enrolDuringSignIn(client, res.body.challengeToken)).secret);
  else client.token = res.body.accessToken;
  return client;
}

const items = async (client: Client, path: string): Promise<Record<string, any>[]> => {
  const res = await client.get(path);
  return res.status === 200 && Array.isArray(res.body?.items) ? res.body.items : [];
};

/** Real values for a role's parameterised routes, from the demo data as that role sees it. */
async function paramsFor(role: Role, client: Client): Promise<Record<string, string | undefined>> {
  const out: Record<string, string | undefined> = {};
  if (role === 'tenant_admin' || role === 'manager' || role === 'learner') {
    const me = (await client.get('/api/me')).body.user;
    const learner = role === 'learner' ? me : (await items(client, '/api/users?role=learner'))[0];
    out.userId = learner?.id ?? me.id;
    const assignment = (await items(client, '/api/me/assignments'))[0];
    if (assignment) {
      out.packageId = assignment.packageId;
      out.moduleId = assignment.package?.modules?.[0]?.id;
    }
    out.attemptId = (await items(client, '/api/me/attempts'))[0]?.id;
    if (!out.attemptId && role === 'learner') {
      // The demo learner has taken nothing yet: take a published test (and hand it in) to have an attempt to open.
      const assessment = (await items(client, '/api/assessments'))[0];
      const started = assessment ? await client.post(`/api/assessments/${assessment.id}/attempts`) : null;
      if (started?.status === 201 || started?.status === 200) {
        out.attemptId = started.body.id ?? started.body.attempt?.id;
        await client.post(`/api/attempts/${out.attemptId}/finish`);
      }
    }
  }
  if (role === 'tenant_admin' || role === 'vendor_admin') {
    const packages = await items(client, '/api/packages');
    const own = packages.find((p) => p.owner === (role === 'vendor_admin' ? 'vendor' : 'tenant'));
    out.ownPackageId = own?.id;
    out.catalogPackageId = packages.find((p) => p.owner === 'catalog')?.id;
    const banks = await items(client, '/api/banks');
    const ownBank = banks.find((b) => b.editable);
    out.ownBankId = ownBank?.id;
    out.readOnlyBankId = banks.find((b) => !b.editable)?.id;
    if (ownBank) out.questionId = (await items(client, `/api/banks/${ownBank.id}/questions`))[0]?.id;
  }
  if (role === 'tenant_admin') {
    out.assessmentId = (await items(client, '/api/assessments'))[0]?.id;
    const waiting = (await items(client, '/api/essay-grading'))[0] ?? (await essayToGrade(client));
    out.gradingAttemptId = waiting?.attemptId;
    out.gradingQuestionId = waiting?.questionId;
  }
  if (role === 'vendor_admin') out.tenantId = (await items(client, '/api/vendor/tenants'))[0]?.id;
  return out;
}

/**
 * An essay waiting for a grade: the demo has none, so HR writes a one-question written test and the
 * demo learner hands in an answer. Returns the grading queue's entry for it.
 */
async function essayToGrade(hr: Client): Promise<Record<string, any> | undefined> {
  const bank = (await hr.post('/api/banks', { name: '記述式（巡回用）' })).body;
  const essay = await hr.post(`/api/banks/${bank.id}/questions`, {
    type: 'essay',
    stem: {
      ja: '最近の仕事で工夫したことを、理由とともに書いてください。',
      en: 'Describe something you improved at work recently, and why.',
    },
    rubric: [{ id: 'content', criterion: { ja: '内容', en: 'Content' }, maxPoints: 5 }],
    maxWords: 80,
    skillTags: ['論理的思考'],
    status: 'published',
  });
  if (essay.status !== 201) throw new Error(`essay question: ${essay.status} ${JSON.stringify(essay.body)}`);
  const created = await hr.post('/api/assessments', {
    title: { ja: '記述式 振り返り', en: 'Written reflection' },
    mode: 'fixed',
    bankIds: [bank.id],
    fixed: { questionIds: [essay.body.id], draws: [], shuffleQuestions: false, shuffleOptions: false },
    passMark: 60,
    reviewPolicy: 'after_submit',
  });
  if ((await hr.post(`/api/assessments/${created.body.id}/publish`)).status !== 200) throw new Error('essay test did not publish');
  const learner = await apiAs(DEMO.learner);
  const view = (await learner.post(`/api/assessments/${created.body.id}/attempts`)).body;
  const sent = await learner.post(`/api/attempts/${view.id}/answers`, {
    questionId: view.current.questionId,
    response: { text: '会議の議事録を当日中に共有するようにしました。決定事項の確認漏れが減ったためです。' },
  });
  if (sent.status !== 200) throw new Error(`essay answer: ${sent.status} ${JSON.stringify(sent.body)}`);
  return (await items(hr, '/api/essay-grading'))[0];
}

/** A route's path with real ids, or null when the role has nothing to open there. */
function concrete(path: string, p: Record<string, string | undefined>): string | null {
  const fill: Record<string, string | undefined> = {
    '/team/:userId': p.userId,
    '/admin/reports/learners/:id': p.userId,
    '/admin/users/:id/skills': p.userId,
    '/admin/users/:id': p.userId,
    '/admin/packages/:id': p.ownPackageId ?? p.catalogPackageId,
    '/admin/packages/:id/certificates': p.ownPackageId,
    '/admin/catalog/packages/:id': p.catalogPackageId,
    '/admin/banks/:bankId': p.ownBankId,
    '/admin/banks/:bankId/import': p.ownBankId,
    '/admin/catalog/:bankId': p.readOnlyBankId,
    '/admin/questions/:id': p.questionId,
    '/admin/assessments/:id': p.assessmentId,
    '/vendor/tenants/:id': p.tenantId,
    '/attempts/:id': p.attemptId,
    '/attempts/:id/result': p.attemptId,
  };
  if (path === '/me/assignments/:packageId/:moduleId')
    return p.packageId && p.moduleId ? `/me/assignments/${p.packageId}/${p.moduleId}` : null;
  if (path === '/grading/:attemptId/:questionId')
    return p.gradingAttemptId && p.gradingQuestionId ? `/grading/${p.gradingAttemptId}/${p.gradingQuestionId}` : null;
  if (path === '/verify/:code?') return '/verify';
  if (path === '/:pathMatch(.*)*') return '/no-such-page';
  if (!path.includes(':')) return path;
  const value = fill[path];
  return value ? path.replace(/:\w+\??/, value) : null;
}

/** Opens a path and waits until the page has loaded its data (no request in flight, no loading notice). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], [data-testid$="loading"]'), undefined, {
    timeout: 30_000,
  });
}

/** Pages read, and those that showed no Japanese at all (not rendered: the walk would prove nothing there). */
const visited: string[] = [];
const blank: string[] = [];

async function walk(page: Page, who: string, paths: string[]): Promise<void> {
  for (const path of paths) {
    await open(page, path);
    const texts = await visibleTexts(page);
    visited.push(`${who} ${path}`);
    if (!texts.slice(0, -1).some((t) => japanese.test(t))) blank.push(`${who} ${path}`);
    for (const text of texts) {
      if (isEnglishPhrase(text)) offences.push(`${who} ${path}: "${text}"`);
    }
  }
}

/** An id no record has: the error states of parameterised pages (the server's message shows there). */
const MISSING_ID = 'zzzzzzzzzzzzzzzz';

function routesFor(role: Role | 'guest'): RouteEntry[] {
  return routerRoutes().filter((r) =>
    role === 'guest' ? r.roles === 'public' : r.roles === null || (Array.isArray(r.roles) && r.roles.includes(role)),
  );
}

describe('every route in Japanese', () => {
  it('reads the router’s routes and tells a phrase from a name', () => {
    const routes = routerRoutes();
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.find((r) => r.path === '/admin/users')?.roles).toEqual(['tenant_admin']);
    expect(routes.find((r) => r.path === '/me')?.roles).toBeNull();
    expect(routes.find((r) => r.path === '/signin')?.roles).toBe('public');
    expect(isEnglishPhrase('Question bank')).toBe(true);
    expect(isEnglishPhrase('SCORM 1.2 / 2004')).toBe(false);
    expect(isEnglishPhrase('hr@demo.manabi.example')).toBe(false);
    expect(isEnglishPhrase('256 KB')).toBe(false);
    expect(isEnglishPhrase('business-basics')).toBe(false);
    expect(isEnglishPhrase('問題バンク (Question bank)')).toBe(false);
  });

  it('sees English where there is English (the same walk, UI switched to en, flags the sign-in page)', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    await context.addInitScript(() => localStorage.setItem('manabi.locale', 'en'));
    const page = await context.newPage();
    await open(page, '/signin');
    expect((await visibleTexts(page)).filter(isEnglishPhrase).length).toBeGreaterThan(2);
    await context.close();
  });

  // The walks run side by side: each page waits for the network to go quiet, and those waits,
  // not the work, are most of a walk's time.
  it.concurrent(
    'signed out: the public pages',
    async () => {
      const page = await browser.newPage({ locale: 'ja-JP' });
      await walk(
        page,
        'guest',
        routesFor('guest').flatMap((r) => concrete(r.path, {}) ?? []),
      );
      await page.close();
    },
    300_000,
  );

  for (const role of Object.keys(DEMO) as Role[]) {
    it.concurrent(
      `as ${role}: every route the role may open`,
      async () => {
        const email = DEMO[role];
        const params = await paramsFor(role, await apiAs(email));
        const paths: string[] = [];
        for (const route of routesFor(role)) {
          const path = concrete(route.path, params);
          if (path === null) continue;
          paths.push(path);
          if (route.path.includes(':') && !route.path.startsWith('/:')) {
            walkedParamRoutes.add(route.path);
            paths.push(route.path.replace(/:\w+\??(\([^)]*\)\*?)?/g, MISSING_ID));
          }
        }
        const totpSecret = totpSecrets.get(email);
        const { context, page } = await signInAs(browser, server.url, {
          email,
          password: DEMO_PASSWORD,
          ...(totpSecret ? { totpSecret } : {}),
        });
        // Texts a page lacks (its key would show), and whether the staff pages' messages came.
        page.on('console', (message) => {
          if (message.text().startsWith(MISSING_MESSAGE_WARNING)) missingMessages.push(`${role} ${page.url()}: ${message.text()}`);
        });
        page.on('response', (response) => {
          if (/\/assets\/ja-(?!shell-|people-)[^/]+\.js$/.test(new URL(response.url()).pathname)) staffMessagesFetchedBy.add(role);
        });
        await walk(page, role, paths);
        await context.close();
      },
      900_000,
    );
  }

  it('walked every parameterised route with a real id, and found no English in the Japanese UI', () => {
    const params = routerRoutes().filter((r) => r.path.includes(':') && r.roles !== 'public');
    expect(params.filter((r) => !walkedParamRoutes.has(r.path)).map((r) => r.path)).toEqual([]);
    expect(visited.length).toBeGreaterThan(100);
    expect(blank, 'pages that showed no Japanese at all').toEqual([]);
    expect(offences, `English in the ja UI:\n${offences.join('\n')}`).toEqual([]);
    // Every page had its texts; a learner's pages needed only the people's set of messages.
    expect(missingMessages).toEqual([]);
    expect(staffMessagesFetchedBy.has('learner')).toBe(false);
    expect(staffMessagesFetchedBy.has('tenant_admin')).toBe(true);
  });
});
