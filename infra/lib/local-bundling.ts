import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Environment for NodejsFunction's local (non-Docker) esbuild run.
 *
 * aws-cdk-lib finds esbuild with `require('esbuild/package.json')` from its own install folder,
 * which succeeds here through pnpm's hoisting (node_modules/.pnpm/node_modules/esbuild). It then
 * treats esbuild as a workspace package and, because the lock file is pnpm-lock.yaml, runs
 * `pnpm exec -- esbuild …` in the repository root. That needs a `pnpm` on PATH: there is one
 * when synth runs under `npx -y pnpm@… run …`, but not under a bare `npx vitest` or `cdk synth`.
 * In that case infra/tools/pnpm (runs the pinned pnpm through npx) is put first on the PATH
 * the bundler spawns with. Node resolves a spawned command through `options.env.PATH`.
 */
export function localBundlingEnvironment(repoRoot: string): Record<string, string> {
  const path = process.env.PATH ?? '';
  if (spawnSync('pnpm', ['--version'], { stdio: 'ignore' }).status === 0) return {};

  const tools = join(repoRoot, 'infra', 'tools');
  accessSync(join(tools, 'pnpm'), constants.X_OK); // fails loudly if the shim lost its exec bit
  const rootPackage = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    packageManager?: string;
  };
  const pnpm = rootPackage.packageManager;
  if (!pnpm?.startsWith('pnpm@')) throw new Error('root package.json has no "packageManager": "pnpm@…"');
  return { PATH: [tools, path].join(delimiter), MANABI_PNPM: pnpm };
}
