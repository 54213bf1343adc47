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
const figuresFile = join(dir, 'figures.json');

const code = await new Promise<number>((resolve) => {
  const child = spawn('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=dot', 'test/security/'], {
    cwd: root,
    // vitest's report goes to stderr so that stdout carries only the JSON line.
    stdio: ['ignore', process.stderr, 'inherit'],
    env: { ...process.env, MANABI_SECURITY_FIGURES: figuresFile },
  });
  child.on('exit', (exit) => resolve(exit ?? 1));
});

let figures: { routes?: number; route_actor_pairs?: number; requests?: number; problems?: number } = {};
try {
  figures = JSON.parse(readFileSync(figuresFile, 'utf8'));
} catch {
  // The matrix did not get to its figures (setup failed): they stay null and the exit code says so.
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  JSON.stringify({
    routes: figures.routes ?? null,
    route_actor_pairs: figures.route_actor_pairs ?? null,
    requests: figures.requests ?? null,
    problems: figures.problems ?? null,
    fuzz_cases: null,
    lost_answers: null,
    duplicated_answers: null,
    fault_acknowledged_lost: null,
    passed: code === 0,
  }),
);
process.exitCode = code;
