import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@manabi/api/local';
import { freePort } from '@manabi/data/local';
import { Client } from '../support/client.js';
import { enrolDuringSignIn } from '../support/accounts.js';

/**
 * The server `npm start` runs (functions/api/dist/server.mjs, built by the test command):
 * it starts DynamoDB Local persisted to a data folder, seeds the demo once, serves API + SPA on
 * one port, keeps data and keys across restarts, and Ctrl-C leaves no Java process behind.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'manabi-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startServer(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [join(repoRoot(), 'functions/api/dist/server.mjs')], {
    // The three months of demo history (minutes of seeding) are tested in test/api/demo-history.test.ts.
    env: { ...process.env, PORT: String(port), MANABI_DATA_DIR: dataDir, MANABI_DEMO_HISTORY: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 90_000;
  while (!out.includes('Ctrl-C stops')) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${out}`);
    if (Date.now() > deadline) throw new Error(`server not ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out };
}

const javaChildren = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(pid), 'java'])
      .toString()
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
};
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stopWithCtrlC(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGINT');
  await exited;
}

describe('npm start (the local server)', () => {
  it('serves API and SPA on one port, seeds once, keeps data and keys, and stops DynamoDB Local on Ctrl-C', async () => {
    const port = await freePort();
    const first = await startServer(port);
    const url = `http://localhost:${port}`;
    expect(first.output()).toContain(`Manabi is running: ${url}`);
    expect(first.output()).toContain('hr@demo.manabi.example');
    expect(first.output()).toContain('demo seeded now');

    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    const signin = await fetch(`${url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'hr@demo.manabi.example', password: 'manabi-demo-2026' }),
    });
    expect(signin.status).toBe(200);
    const { accessToken } = (await signin.json()) as { accessToken: string };
    const users = await fetch(`${url}/api/users`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(((await users.json()) as { items: unknown[] }).items).toHaveLength(7);
    // The demo company has the catalog-backed assessments ready to take.
    const assessments = await fetch(`${url}/api/assessments`, { headers: { authorization: `Bearer ${accessToken}` } });
    const items = ((await assessments.json()) as { items: { status: string; mode: string; questionCount: number | null }[] }).items;
    // Two demo assessments, plus the new-employee package's placement test (adaptive) and its
    // three unit quizzes (5, 6 and 8 items); all ready to take.
    expect(items.every((a) => a.status === 'published')).toBe(true);
    expect(items.filter((a) => a.mode === 'adaptive')).toHaveLength(2);
    expect(
      items
        .filter((a) => a.mode === 'fixed')
        .map((a) => a.questionCount!)
        .sort((a, b) => a - b),
    ).toEqual([5, 6, 8, 12]);
    const learnerSignin = await fetch(`${url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'learner1@demo.manabi.example', password: 'manabi-demo-2026' }),
    });
    const learnerToken = ((await learnerSignin.json()) as { accessToken: string }).accessToken;
    const plan = await fetch(`${url}/api/me/plan`, { headers: { authorization: `Bearer ${learnerToken}` } });
    const weeks = ((await plan.json()) as { weeks: { items: unknown[] }[] }).weeks;
    expect(weeks.flatMap((w) => w.items).length).toBeGreaterThan(0);
    // The demo vendor's admin and the platform admin sign in to their consoles; the vendor's host shows its brand.
    for (const [email, role] of [
      ['vendor@demo.manabi.example', 'vendor_admin'],
      ['admin@demo.manabi.example', 'platform_admin'],
    ]) {
      // They always need MFA: the first sign-in asks them to set up an authenticator, then signs them in.
      const client = new Client(url);
      const res = await client.post('/api/auth/signin', { email, password: 'manabi-demo-2026' });
      expect(res.body.mfa).toBe('enrol');
      expect((await enrolDuringSignIn(client, res.body.challengeToken)).session.user.role).toBe(role);
    }
    expect(first.output()).toContain(`http://partner.localhost:${port}`);
    // The demo company sees its vendor's own package and bank, read-only.
    const packages = await fetch(`${url}/api/packages`, { headers: { authorization: `Bearer ${accessToken}` } });
    const offered = ((await packages.json()) as { items: { owner: string; title: { ja: string } }[] }).items.filter(
      (p) => p.owner === 'vendor',
    );
    expect(offered.map((p) => p.title.ja)).toEqual(['みらいラーニング 電話・来客応対パック']);
    const banks = await fetch(`${url}/api/banks`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(((await banks.json()) as { items: { owner: string; editable: boolean; questionCount: number }[] }).items).toContainEqual(
      expect.objectContaining({ owner: 'vendor', editable: false, questionCount: 4 }),
    );
    const page = await fetch(`${url}/admin/users`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<div id="app"');

    const java = javaChildren(first.child.pid!);
    expect(java).toHaveLength(1);
    await stopWithCtrlC(first.child);
    // The server waits for Java before it exits; allow the kernel a moment to reap it (bounded poll).
    for (const deadline = Date.now() + 10_000; alive(java[0]!) && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 50));
    expect(alive(java[0]!)).toBe(false);

    const second = await startServer(port);
    try {
      expect(second.output()).toContain('demo kept from before');
      // Same signing keys after a restart: the token from the first run is still valid.
      const again = await fetch(`${url}/api/users`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(((await again.json()) as { items: unknown[] }).items).toHaveLength(7);
    } finally {
      await stopWithCtrlC(second.child);
    }
  }, 240_000);
});
