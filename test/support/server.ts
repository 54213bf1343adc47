import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { startLocal, type LocalOptions, type LocalServer } from '@manabi/api/local';
import { dropTable } from '@manabi/data/local';
import { runningServers } from './registry.js';

export interface TestServer extends LocalServer {
  /** JSON lines the app logged (kept so tests can assert on them). */
  logs: Record<string, unknown>[];
}

/**
 * The real app over real HTTP on a free port, against the run's DynamoDB Local. A server that
 * consumes the change stream gets a table of its own: the stream then carries only its own test's
 * records, not every other test file's (a 10,000-row import elsewhere would otherwise flood it).
 * That table is dropped when the server stops, so the run's DynamoDB Local does not carry every
 * finished test's stream to the end.
 */
export async function startTestServer(options: Partial<LocalOptions> = {}): Promise<TestServer> {
  const logs: Record<string, unknown>[] = [];
  const endpoint = options.dynamoEndpoint ?? inject('dynamoEndpoint');
  const ownTable = options.aggregate && !options.tableName ? `manabi-${randomUUID().slice(0, 8)}` : undefined;
  const server = await startLocal({
    port: 0,
    seed: false,
    dynamoEndpoint: endpoint,
    log: (line) => logs.push(line),
    // MANABI_CHECK_LEADING_KEYS=1 runs any suite as the cloud does with -c scopedData=true (IAM's
    // LeadingKeys checked in process): a tenant client touching another key space fails.
    ...(process.env.MANABI_CHECK_LEADING_KEYS === '1' ? { checkLeadingKeys: true } : {}),
    ...(ownTable ? { tableName: ownTable } : {}),
    // Every JSON answer is parsed by its route's schema in @manabi/contract; the client throws on a mismatch.
    checkResponses: true,
    // A client address of this server’s own (IPv6 documentation prefix, never routed): per-IP limits count this
    // file's requests only, not those of the files running beside it.
    clientAddress: `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`,
    ...options,
  });
  const stop = server.stop.bind(server);
  runningServers.set(server.url, server);
  return Object.assign(server, {
    logs,
    stop: async () => {
      runningServers.delete(server.url);
      await stop();
      if (ownTable) await dropTable(endpoint, ownTable);
    },
  });
}
