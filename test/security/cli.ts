/**
 * `npm run test:security`: runs test/security/ (the tenant-isolation matrix, the fuzzer, the
 * concurrency load with 200 learners and the fault run) and prints one JSON line with its figures.
 * A figure a test did not get to is null. Exits non-zero when a test failed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'manabi-security-'));

const started = performance.now();
const code = await new Promise<number>((resolve) => {
  const child = spawn('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=dot', 'test/security/'], {
    cwd: root,
    // vitest's report goes to stderr so that stdout carries only the JSON line.
    stdio: ['ignore', process.stderr, 'inherit'],
    env: {
      ...process.env,
      MANABI_SECURITY_FIGURES: dir,
      // The figures: 200 learners × 20 items for the concurrency run.
      MANABI_LOAD_LEARNERS: process.env.MANABI_LOAD_LEARNERS ?? '200',
    },
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
const figures = { ...read('matrix.json'), ...read('fuzz.json'), ...read('concurrency.json'), ...read('faults.json') };
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    routes: figures.routes ?? null,
    route_actor_pairs: figures.route_actor_pairs ?? null,
    requests: figures.requests ?? null,
    problems: figures.problems ?? null,
    fuzz_cases: figures.fuzz_cases ?? null,
    fuzz_seed: figures.fuzz_seed ?? null,
    lost_answers: figures.lost_answers ?? null,
    duplicated_answers: figures.duplicated_answers ?? null,
    load_learners: figures.load_learners ?? null,
    load_answers: figures.load_answers ?? null,
    attempt_mismatches: figures.attempt_mismatches ?? null,
    report_mismatches: figures.report_mismatches ?? null,
    fault_acknowledged_lost: figures.fault_acknowledged_lost ?? null,
    fault_acknowledged_before_stop: figures.fault_acknowledged_before_stop ?? null,
    fault_503_max_ms: figures.fault_503_max_ms ?? null,
    matrix_seconds: figures.matrix_seconds ?? null,
    seconds: Math.round((performance.now() - started) / 1000),
    passed: code === 0,
  }),
);
process.exitCode = code;
