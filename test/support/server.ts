import { inject } from 'vitest';
import { startLocal, type LocalOptions, type LocalServer } from '@manabi/api/local';

export interface TestServer extends LocalServer {
  /** JSON lines the app logged (kept so tests can assert on them). */
  logs: Record<string, unknown>[];
}

/** The real app over real HTTP on a free port, against the run's DynamoDB Local. */
export async function startTestServer(options: Partial<LocalOptions> = {}): Promise<TestServer> {
  const logs: Record<string, unknown>[] = [];
  const server = await startLocal({
    port: 0,
    seed: false,
    dynamoEndpoint: inject('dynamoEndpoint'),
    log: (line) => logs.push(line),
    ...options,
  });
  return Object.assign(server, { logs });
}
