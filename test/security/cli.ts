/**
 * `npm run test:security`: runs test/security/ (the tenant-isolation matrix) and prints one JSON
 * line with its figures. Figures of parts of issue #20 that do not exist yet are null. Exits
 * non-zero when a test failed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'manabi-security-'));

const code = await new Promise<number>((resolve) => {
  const child = spawn('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=dot', 'test/security/'], {
    cwd: root,
    // vitest's report goes to stderr so that stdout carries only the JSON line.
    stdio: ['ignore', process.stderr, 'inherit'],
    env: { ...process.env, MANABI_SECURITY_FIGURES: dir },
  });
  child.on('exit', (exit) => resolve(exit ?? 1));
});

/** What each test file wrote (a file that did not get to its figures leaves them null; the exit code says why). */
const read = (name: string): Record<string, unknown> => {
  try {
    return JSON.parse(readFileSync(join(dir, name), 'utf8'));
  } catch {
    return {};
  }
};
const figures = { ...read('matrix.json'), ...read('fuzz.json') };
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    routes: figures.routes ?? null,
    route_actor_pairs: figures.route_actor_pairs ?? null,
    requests: figures.requests ?? null,
    problems: figures.problems ?? null,
    fuzz_cases: figures.fuzz_cases ?? null,
    fuzz_seed: figures.fuzz_seed ?? null,
    lost_answers: null,
    duplicated_answers: null,
    fault_acknowledged_lost: null,
    matrix_seconds: figures.matrix_seconds ?? null,
    passed: code === 0,
  }),
);
process.exitCode = code;
