/**
 * `npm run test:stress`: the end-to-end project three times in a row on this checkout while a CPU
 * burner keeps one core busy, as a loaded CI machine would. Prints one JSON line:
 * `{ "runs": 3, "failed_runs": N, "failed_tests": ["file > test", …] }` and exits non-zero if any
 * run failed. Not part of `npm test`; the builds it needs are made by the npm script first.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const RUNS = Number(process.env.STRESS_RUNS ?? 3);
const root = join(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'manabi-stress-'));

/** One core spinning for as long as the runs take. */
const burner = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });

interface VitestJson {
  testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string }[] }[];
}

function runOnce(index: number): Promise<{ ok: boolean; failed: string[] }> {
  const file = join(out, `run-${index}.json`);
  return new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=dot', '--reporter=json', `--outputFile.json=${file}`], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: process.env,
    });
    child.on('exit', (code) => {
      let failed: string[] = [];
      try {
        const report = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
        failed = report.testResults.flatMap((f) => {
          const where = relative(root, f.name);
          const tests = f.assertionResults.filter((t) => t.status === 'failed').map((t) => `${where} > ${t.fullName}`);
          // A file that failed outside any test (a hook, an import) still counts.
          return tests.length === 0 && f.status === 'failed' ? [`${where} > (file: ${(f.message ?? '').split('\n')[0]})`] : tests;
        });
      } catch {
        failed = [`run ${index}: no report (exit code ${code})`];
      }
      resolve({ ok: code === 0 && failed.length === 0, failed });
    });
  });
}

let failedRuns = 0;
const failedTests: string[] = [];
try {
  for (let i = 1; i <= RUNS; i++) {
    process.stderr.write(`\n[test:stress] run ${i} of ${RUNS} (one core busy)\n`);
    const result = await runOnce(i);
    if (!result.ok) failedRuns++;
    failedTests.push(...result.failed);
  }
} finally {
  burner.kill('SIGKILL');
  rmSync(out, { recursive: true, force: true });
}
console.log(JSON.stringify({ runs: RUNS, failed_runs: failedRuns, failed_tests: failedTests }));
process.exitCode = failedRuns === 0 ? 0 : 1;
