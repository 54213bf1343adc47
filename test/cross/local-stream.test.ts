import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@manabi/api/local';
import { freePort } from '@manabi/data/local';

/**
 * The stream reader of the server `npm start` runs keeps applying changes for as long as the
 * server runs: not only on its first pass. Driven through the built server process and its HTTP
 * API only (no call into the reader), so a reader that stops after one pass fails here.
 *
 * Budget: the server start (DynamoDB Local + seed) takes up to a minute on a loaded 2-core machine;
 * each change then shows within a few reader passes. 240 s in all.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'manabi-stream-'));
let child: ChildProcess;
let url = '';
let output = '';

beforeAll(async () => {
  const port = await freePort();
  url = `http://localhost:${port}`;
  child = spawn(process.execPath, [join(repoRoot(), 'functions/api/dist/server.mjs')], {
    // A short reader interval makes many passes happen between the two changes below.
    // The demo history (three months, tens of thousands of stream records) is not what this
    // test is about: the base seed has the test it takes, and skipping the history saves a minute.
    env: {
      ...process.env,
      PORT: String(port),
      MANABI_DATA_DIR: dataDir,
      MANABI_STREAM_INTERVAL_MS: '200',
      MANABI_LOG: 'verbose',
      MANABI_DEMO_HISTORY: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await until(() => output.includes('Ctrl-C stops') || child.exitCode !== null, 120_000, 'server start');
  if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
}, 150_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGINT');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Polls a condition every 100 ms until it holds or the budget runs out. */
async function until(check: () => boolean | Promise<boolean>, budgetMs: number, what: string): Promise<void> {
  const deadline = Date.now() + budgetMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'manabi-demo-2026' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Current {
  questionId: string;
  type: string;
  options: { id: string }[];
}
type AttemptView = { id: string; current: Current | null };

/** Any well-formed answer of the question's type: the score does not matter here. */
function anyResponse(q: Current): Record<string, unknown> {
  const first = q.options[0]?.id ?? 'a';
  switch (q.type) {
    case 'multiple_response':
      return { optionIds: [first] };
    case 'true_false':
      return { value: true };
    case 'ordering':
      return { order: q.options.map((o) => o.id) };
    case 'numeric':
      return { value: 1 };
    case 'short_text':
      return { text: 'はい' };
    default:
      return { optionId: first };
  }
}

async function takeTest(token: string, assessmentId: string): Promise<void> {
  let view = await call<AttemptView>(token, 'POST', `/api/assessments/${assessmentId}/attempts`);
  while (view.current) {
    const q = view.current;
    view = (
      await call<{ attempt: AttemptView }>(token, 'POST', `/api/attempts/${view.id}/answers`, {
        questionId: q.questionId,
        response: anyResponse(q),
      })
    ).attempt;
  }
}

type Health = {
  status: string;
  stream?: { recordsBehind: number; applied: number; parked: number; lastPassAt: string | null; stalled: boolean };
};
const health = async () => (await (await fetch(`${url}/api/health`)).json()) as Health;

describe('the local server’s stream reader', () => {
  it('keeps applying changes to the reports long after its first pass, and health shows its lag', async () => {
    const hr = await signIn('hr@demo.manabi.example');
    const { items } = await call<{ items: { id: string; mode: string; questionCount: number | null }[] }>(hr, 'GET', '/api/assessments');
    const test = items.find((a) => a.mode === 'fixed' && a.questionCount === 6)!;
    const count = async () => (await call<{ results: { count: number } }>(hr, 'GET', `/api/reports/assessments/${test.id}`)).results.count;
    const before = await count();

    // The reader has made passes already (the seed's records), and says so.
    await until(async () => (await health()).stream?.lastPassAt != null, 60_000, 'a first pass');

    await takeTest(await signIn('learner1@demo.manabi.example'), test.id);
    await until(async () => (await count()) === before + 1, 60_000, 'the first attempt in the report');

    // Many passes later (at 200 ms each), a second change still reaches the report.
    const afterFirst = (await health()).stream!.lastPassAt!;
    await until(
      async () => {
        const last = (await health()).stream?.lastPassAt;
        return last != null && Date.parse(last) - Date.parse(afterFirst) >= 3_000;
      },
      60_000,
      'three seconds of further passes',
    );
    await takeTest(await signIn('learner2@demo.manabi.example'), test.id);
    await until(async () => (await count()) === before + 2, 60_000, 'the second attempt in the report');

    // Caught up: nothing read and left unapplied (derived records may take a pass more). The
    // assertions are on the snapshot that showed it: the next pass may already be reading again.
    let final: Health | undefined;
    await until(
      async () => {
        final = await health();
        return final.stream?.recordsBehind === 0;
      },
      60_000,
      'the reader to catch up',
    );
    expect(final!.status).toBe('ok');
    expect(final!.stream).toMatchObject({ recordsBehind: 0, parked: 0, stalled: false });
    expect(final!.stream!.applied).toBeGreaterThan(0);
    // The reader logs each pass with its lag.
    expect(output).toMatch(/"msg":"stream".*"secondsBehind":\d+/);
  }, 240_000);
});
