import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startLocal } from './start.js';
import { DEMO, DEMO_PASSWORD, DEMO_VENDOR_HOST } from './seed.js';

// Local Node is 20 (Lambda runs 22); the AWS SDK's notice about 2027 is known and noted in README.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** `npm start`: DynamoDB Local persisted in .data/, the demo seeded once, API + SPA on one port. */
const root = repoRoot();
const port = Number(process.env.PORT ?? 8787);
const quiet = process.env.MANABI_LOG !== 'verbose';
const started = performance.now();
const dataDir = process.env.MANABI_DATA_DIR ?? join(root, '.data');
const historyOn = process.env.MANABI_DEMO_HISTORY !== 'off';
if (historyOn && !existsSync(join(dataDir, 'dynamodb')))
  console.log('  First start: seeding the demo company and its three months of history (this takes a while, once)…');

const server = await startLocal({
  port,
  dataDir,
  webDist: join(root, 'web', 'dist'),
  // Reminders (due-soon, overdue, check-ins) every 10 minutes; each is sent once whatever the rate.
  reminderIntervalMs: 10 * 60_000,
  // The daily digest: checked every 10 minutes, sent at most once a day per person.
  digestIntervalMs: 10 * 60_000,
  // Report aggregates follow the table's stream, as the Lambda does in the cloud.
  aggregate: true,
  // The first start gives the demo company three months of history (skipped once .data/ holds the demo).
  demoHistory: historyOn,
  ...(process.env.MANABI_STREAM_INTERVAL_MS ? { streamIntervalMs: Number(process.env.MANABI_STREAM_INTERVAL_MS) } : {}),
  // Request logs are JSON lines; keep the terminal readable unless asked for them.
  log: (line) => {
    if (!quiet || line.level === 'error' || line.level === 'warn' || line.msg === 'outbox')
      process.stdout.write(`${JSON.stringify(line)}\n`);
  },
});

if (server.history) {
  const h = server.history;
  console.log(
    `  Demo history seeded in ${(h.ms / 1000).toFixed(1)} s (aggregator ${(h.aggregateMs / 1000).toFixed(1)} s): ${h.people} people, ` +
      `${h.attempts} attempts, ${h.answers} answers, ${h.requests} app requests, ${h.streamRecords} stream records.`,
  );
}

const width = Math.max(...DEMO.accounts.map((a) => a.email.length), server.history?.learner.email.length ?? 0);
console.log(`
  Manabi is running: ${server.url}
  (ready in ${Math.round(performance.now() - started)} ms; data in ${process.env.MANABI_DATA_DIR ?? '.data/'}, demo ${server.seeded === 'seeded' ? 'seeded now' : 'kept from before'})

  Sign in as (password for all: ${DEMO_PASSWORD}) — ${DEMO.company}
${DEMO.accounts.map((a) => `    ${a.email.padEnd(width)}  ${a.role.padEnd(14)} ${a.name}`).join('\n')}${
  server.history
    ? `\n    ${server.history.learner.email.padEnd(width)}  ${'learner'.padEnd(14)} ${server.history.learner.name} (three months of history)`
    : ''
}

  The vendor and platform admins always use two-step verification: their first sign-in shows a QR
  code and key for an authenticator app (Google/Microsoft Authenticator…), then asks for its code.

  White-label: the demo company's vendor brand shows on http://${DEMO_VENDOR_HOST}:${port}

  API docs: ${server.url}/api/docs   Emails (local outbox): ${server.url}/dev/outbox
  Ctrl-C stops the server and DynamoDB Local.
`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n  ${signal}: stopping…`);
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
