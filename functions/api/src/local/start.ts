import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { createDataAccess, DEFAULT_TABLE_NAME, type DataAccess } from '@manabi/data';
import {
  ensureTable,
  fileObjectStore,
  fileParking,
  filePositions,
  memoryParking,
  memoryPositions,
  pollTableStream,
  startDynamoLocal,
  type DynamoLocal,
  type ParkingStore,
  type PositionStore,
} from '@manabi/data/local';
import { applyChanges } from '../jobs/aggregate.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp } from '../app.js';
import { spaContentSecurityPolicy } from '../csp.js';
import { registerDevRoutes } from '../routes/dev.js';
import type { AppConfig, AppDeps, AppEnv } from '../env.js';
import { createSigner, generateKeys, localJwks } from '../auth/jwt.js';
import { loadOrCreateKeys, loadOrCreateSecretsKey, loadOrCreateUrlSigningKey } from './keys.js';
import { aesGcmSecretBox } from '../auth/secret-box.js';
import { seedDemo } from './seed.js';
import { withSeededIds } from './seeded-ids.js';
import { DEMO_HISTORY_SEED } from './demo-history/plan.js';
import type { HistorySummary } from './demo-history/index.js';
import { inProcessJobQueue, scheduleTenantJobs, type TenantJobKind } from '../jobs/tenant-jobs.js';
import { inProcessImportRunner } from '../jobs/import-worker.js';
import { inProcessTenantJobRunner } from '../services/tenant-lifecycle.js';

export interface LocalOptions {
  /** The table (default `manabi`); tests that consume the stream use a table of their own. */
  tableName?: string;
  /** Port for API + SPA; 0 picks a free one. */
  port: number;
  /** The interface to listen on (default 127.0.0.1, loopback only). */
  hostname?: string;
  /** Persist DynamoDB Local and keys here; omit for an in-memory database and fresh keys (tests). */
  dataDir?: string;
  /** Use an already running DynamoDB Local (tests share one) instead of starting one. */
  dynamoEndpoint?: string;
  /** Serve the built SPA from this folder (web/dist). */
  webDist?: string;
  seed?: boolean;
  config?: Partial<AppConfig>;
  log?: (line: Record<string, unknown>) => void;
  /** The server clock (tests move it to expire attempts). */
  now?: () => Date;
  /** Seeds each new attempt's draw (see AppDeps.attemptSeed); omitted: a random seed per attempt. */
  attemptSeed?: () => number;
  /** Run the reminder job this often (the cloud schedules it instead); off when omitted. */
  reminderIntervalMs?: number;
  /** Run the daily digest job this often (each person still gets one a day); off when omitted. */
  digestIntervalMs?: number;
  /** Consume the table's stream into the report aggregates (the cloud's stream → Lambda). */
  aggregate?: boolean;
  /** How often the stream reader looks for new records (default 1 s). */
  streamIntervalMs?: number;
  /**
   * On the first start, also give the demo company three months of history (needs `aggregate`):
   * `npm start` and the demo's own test; other tests seed what they need themselves.
   */
  demoHistory?: boolean;
  /**
   * Refuse, as the cloud's IAM-scoped roles would (`-c scopedData=true`), any request of a
   * `clientFor` / `identityFor` client outside its tenant's keys (see packages/data leading-key-guard.ts).
   */
  checkLeadingKeys?: boolean;
  /** Answer 500 `response_contract_violation` for any JSON answer its route's schema refuses (tests). */
  checkResponses?: boolean;
  /**
   * The address every request counts as coming from (per-IP limits, audit), instead of the socket's.
   * Tests give each server its own, as if each test file were a client of its own: otherwise files
   * running side by side share 127.0.0.1's sign-in limit through the shared table.
   */
  clientAddress?: string;
}

export interface LocalServer {
  url: string;
  port: number;
  deps: AppDeps;
  data: DataAccess;
  dynamo: DynamoLocal | null;
  seeded: 'seeded' | 'already' | 'skipped';
  /** What the demo history added and how long it took (null when it was not seeded now). */
  history: HistorySummary | null;
  /** Applies every stream record written so far to the aggregates (when `aggregate` is on). */
  drainStream(): Promise<number>;
  /** Applies parked stream records again (after a fix). */
  replayParked(): Promise<{ replayed: number; stillFailing: number }>;
  stop(): Promise<void>;
}

/** The folder holding pnpm-workspace.yaml, found from here upward (works from src/ and dist/). */
export function repoRoot(from: string = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('Cannot find the repository root');
    dir = up;
  }
  return dir;
}

function spaHandler(root: string, csp: () => string): MiddlewareHandler {
  const files = serveStatic({ root });
  const index = serveStatic({ root, path: 'index.html' });
  const withPolicy = (res: Response): Response => {
    if ((res.headers.get('content-type') ?? '').startsWith('text/html')) res.headers.set('content-security-policy', csp());
    return res;
  };
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const res = await files(c, async () => undefined);
    if (res) {
      if (c.req.path.startsWith('/assets/')) res.headers.set('cache-control', 'public, max-age=31536000, immutable');
      return withPolicy(res);
    }
    // Any other path is a client-side route: the SPA decides what it shows.
    const page = await index(c, next);
    return page ? withPolicy(page) : next();
  };
}

/** Starts DynamoDB Local, the table, keys, the demo seed and the HTTP server (API + SPA on one port). */
export async function startLocal(options: LocalOptions): Promise<LocalServer> {
  const dynamo = options.dynamoEndpoint
    ? null
    : await startDynamoLocal(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {});
  const endpoint = options.dynamoEndpoint ?? dynamo!.endpoint;
  try {
    const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
    // A stream only where something reads it: the aggregator, or a persistent table a later
    // `npm start` (which aggregates) will read. DynamoDB Local keeps all tables' records in one store.
    await ensureTable(endpoint, tableName, { stream: Boolean(options.aggregate || options.dataDir) });
    const keys = options.dataDir ? await loadOrCreateKeys(options.dataDir) : await generateKeys();
    const data = createDataAccess({ tableName, endpoint, ...(options.checkLeadingKeys ? { checkLeadingKeys: true } : {}) });
    const config: AppConfig = {
      publicUrl: '',
      rateLimit: { perEmail: 5, perIp: 50, windowSeconds: 900 },
      trustProxy: false,
      secureCookies: false,
      devOutbox: true,
      scormContentOrigin: '',
      ssoAllowInsecureHttp: true,
      ...options.config,
    };
    const deps: AppDeps = {
      data,
      objects: fileObjectStore(options.dataDir ? join(options.dataDir, 'objects') : await mkdtemp(join(tmpdir(), 'manabi-objects-')), {
        ...(options.dataDir ? { signingKey: loadOrCreateUrlSigningKey(options.dataDir) } : {}),
        now: () => (options.now ?? (() => new Date()))(),
      }),
      signer: await createSigner(keys),
      jwks: localJwks(keys),
      config,
      secrets: aesGcmSecretBox(options.dataDir ? loadOrCreateSecretsKey(options.dataDir) : randomBytes(32)),
      now: options.now ?? (() => new Date()),
      ...(options.attemptSeed ? { attemptSeed: options.attemptSeed } : {}),
      log: options.log ?? ((line) => process.stdout.write(`${JSON.stringify(line)}\n`)),
      clientIp: options.clientAddress === undefined ? (c) => getConnInfo(c).remote.address : () => options.clientAddress,
      socketAddress: (c) => getConnInfo(c).remote.address,
    };
    // Import jobs run in this process (the cloud runs them in a Lambda fed by the table's stream).
    const importRunner = inProcessImportRunner(deps);
    deps.importJobs = importRunner;
    const tenantJobRunner = inProcessTenantJobRunner(deps);
    deps.tenantJobs = tenantJobRunner;
    const webDist = options.webDist && existsSync(join(options.webDist, 'index.html')) ? resolve(options.webDist) : undefined;
    const app = createApp(deps, {
      compress: true,
      ...(options.checkResponses ? { checkResponses: true } : {}),
      ...(webDist ? { spa: spaHandler(webDist, () => spaContentSecurityPolicy(config)) } : {}),
      ...(config.devOutbox ? { localRoutes: (a: OpenAPIHono<AppEnv>) => registerDevRoutes(a, deps) } : {}),
    });
    const { server, port } = await new Promise<{ server: ServerType; port: number }>((res) => {
      const s = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname ?? '127.0.0.1' }, (info) =>
        res({ server: s, port: info.port }),
      );
    });
    const url = `http://localhost:${port}`;
    if (!options.config?.publicUrl) config.publicUrl = url;
    // SCORM content on its own origin: browsers resolve *.localhost to this machine.
    if (!options.config?.scormContentOrigin)
      config.scormContentOrigin = process.env.SCORM_CONTENT_ORIGIN ?? `http://content.localhost:${port}`;
    const positions = options.dataDir ? filePositions(join(options.dataDir, 'stream-positions.json')) : memoryPositions();
    const parking = options.dataDir ? fileParking(join(options.dataDir, 'stream-parked.json')) : memoryParking();
    // Seeded after listening, so emailed links already carry the real port.
    const { status: seeded, history } =
      options.seed === false
        ? { status: 'skipped' as const, history: null }
        : await seedWithHistory(deps, options, endpoint, tableName, positions, parking);
    const poller = options.aggregate
      ? pollTableStream({
          endpoint,
          tableName,
          positions,
          parking,
          handler: async (changes) => void (await applyChanges(deps, changes)),
          ...(options.streamIntervalMs ? { intervalMs: options.streamIntervalMs } : {}),
          onError: (error) => deps.log({ level: 'error', msg: 'aggregator failed', error: String(error) }),
          onPass: ({ records, parked, status }) =>
            deps.log({
              level: parked > 0 || status.secondsBehind > 60 ? 'warn' : 'info',
              msg: 'stream',
              records,
              parked,
              recordsBehind: status.recordsBehind,
              secondsBehind: status.secondsBehind,
              parkedTotal: status.parked,
            }),
        })
      : null;
    if (poller) deps.streamStatus = poller.status;
    // The daily jobs as the cloud runs them (jobs/tenant-jobs.ts): one job per company, here in
    // this process instead of through the queue.
    const jobQueue = inProcessJobQueue(deps, deps.log);
    const every = (job: TenantJobKind, ms: number | undefined) =>
      ms
        ? setInterval(() => {
            scheduleTenantJobs(deps, { job }, jobQueue, randomUUID()).then(
              (companies) => deps.log({ level: 'info', msg: job, companies }),
              (error: unknown) => deps.log({ level: 'error', msg: `${job} failed`, error: String(error) }),
            );
          }, ms)
        : null;
    const reminders = every('reminders', options.reminderIntervalMs);
    const digests = every('digest', options.digestIntervalMs);
    return {
      url,
      port,
      deps,
      data,
      dynamo,
      seeded,
      history,
      drainStream: () => poller?.drain() ?? Promise.resolve(0),
      replayParked: () => poller?.replayParked() ?? Promise.resolve({ replayed: 0, stillFailing: 0 }),
      async stop() {
        poller?.stop();
        if (reminders) clearInterval(reminders);
        if (digests) clearInterval(digests);
        await importRunner.idle();
        await tenantJobRunner.idle();
        await new Promise<void>((res) => server.close(() => res()));
        data.destroy();
        await dynamo?.stop();
      },
    };
  } catch (error) {
    await dynamo?.stop();
    throw error;
  }
}

/**
 * The demo seed, with the company's history when asked for. The history's writes are dated by its
 * own clock, so the aggregator reads them on that clock too: a stream reader of its own, sharing the
 * server's stream positions, applies them day by day and hands over where it stopped.
 */
async function seedWithHistory(
  deps: AppDeps,
  options: LocalOptions,
  endpoint: string,
  tableName: string,
  positions: PositionStore,
  parking: ParkingStore,
): Promise<Awaited<ReturnType<typeof seedDemo>>> {
  if (!options.demoHistory) return seedDemo(deps);
  if (!options.aggregate) throw new Error('The demo history needs the report aggregator (aggregate: true)');
  let clocked: AppDeps = deps;
  const reader = pollTableStream({
    endpoint,
    tableName,
    positions,
    parking,
    handler: async (changes) => void (await applyChanges(clocked, changes)),
    // Only the history's own drains read: never on a timer, whose clock would be the wrong one.
    intervalMs: 2 ** 31 - 1,
    onError: (error) => deps.log({ level: 'error', msg: 'aggregator failed', error: String(error) }),
  });
  try {
    // Seeded ids: the history's draws follow the stored order of questions, hence their ids.
    return await withSeededIds(DEMO_HISTORY_SEED, () =>
      seedDemo(deps, {
        history: {
          drain: (historyDeps) => {
            clocked = historyDeps;
            return reader.drain();
          },
        },
      }),
    );
  } finally {
    reader.stop();
  }
}
