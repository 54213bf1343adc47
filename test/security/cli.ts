/**
 * `npm run test:security`: runs test/security/ (the tenant-isolation matrix, the fuzzer, the
 * concurrency load with 200 learners and the fault run) and prints one JSON line with its figures.
 * A figure a test did not get to is null. Exits non-zero when a test failed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityLine } from './figures.js';

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

console.log(securityLine(dir, { seconds: Math.round((performance.now() - started) / 1000), passed: code === 0 }));
rmSync(dir, { recursive: true, force: true });
process.exitCode = code;
