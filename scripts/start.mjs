// `npm start`: install, build and serve — doing the install and each build only when its inputs
// changed since the last start, so a restart with the data kept is ready in seconds.
// Plain Node (no dependencies): it runs before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const PNPM = ['-y', 'pnpm@10.34.8'];
const SKIP = new Set(['node_modules', 'dist', '.data', 'cdk.out', '.git']);

/** Every file below these paths (sorted), hashed with its path: what a step's output depends on. */
function fingerprint(paths) {
  const hash = createHash('sha256').update(process.version);
  const walk = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!SKIP.has(name)) walk(join(path, name));
    } else {
      hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  for (const p of paths) walk(join(root, p));
  return hash.digest('hex');
}

/** The pnpm workspaces (pnpm-workspace.yaml): every folder of packages/ and functions/, and three more. */
const workspaces = [
  ...['packages', 'functions'].flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(dir, name))),
  'web',
  'infra',
  'test',
];
const manifests = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', ...workspaces.map((w) => join(w, 'package.json'))];
const sources = ['tsconfig.base.json', ...workspaces.filter((w) => w.startsWith('packages')).map((w) => join(w, 'src'))];

/** Runs `step` unless the stamp file holds the inputs' fingerprint; records it after success. */
function once(label, stamp, inputs, step) {
  const print = fingerprint(inputs);
  const file = join(root, stamp);
  if (existsSync(file) && readFileSync(file, 'utf8') === print) {
    console.log(`  ${label}: up to date`);
    return;
  }
  console.log(`  ${label}…`);
  const run = spawnSync('npx', [...PNPM, ...step], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  writeFileSync(file, print);
}

once('install', 'node_modules/.manabi-install', manifests, ['install', '--frozen-lockfile', '--prefer-offline']);
once(
  'build the SPA',
  'web/dist/.manabi-build',
  [...manifests, ...sources, 'web/src', 'web/build', 'web/index.html', 'web/public', 'web/vite.config.ts', 'web/tsconfig.json'],
  ['--filter', '@manabi/web', 'run', 'build'],
);
once(
  'build the server',
  'functions/api/dist/.manabi-build',
  [...manifests, ...sources, 'functions/api/src', 'functions/api/build.mjs'],
  ['--filter', '@manabi/api', 'run', 'build'],
);

// The server handles Ctrl-C itself (it stops DynamoDB Local): pass signals on and wait for it.
const server = spawn(process.execPath, [join(root, 'functions/api/dist/server.mjs')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
