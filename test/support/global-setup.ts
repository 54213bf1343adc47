import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULT_TABLE_NAME } from '@manabi/data';
import { ensureTable, startDynamoLocal, type DynamoLocal } from '@manabi/data/local';
import { securityLine } from '../security/figures.js';

/** One real DynamoDB Local (in memory) for the whole e2e run; every test file brings its own tenants. */
let dynamo: DynamoLocal | undefined;
/** Where this run's security tests leave their figures, unless `npm run test:security` named one. */
let ownFiguresDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dynamo = await startDynamoLocal();
  // Servers that read a stream get tables of their own (support/server.ts); nobody reads this
  // one's, so it has none: a run's worth of unread records would slow every other stream.
  await ensureTable(dynamo.endpoint, DEFAULT_TABLE_NAME, { stream: false });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  if (!process.env.MANABI_SECURITY_FIGURES) ownFiguresDir = mkdtempSync(join(tmpdir(), 'manabi-security-'));
  project.provide('securityFiguresDir', process.env.MANABI_SECURITY_FIGURES ?? ownFiguresDir!);
}

export async function teardown(): Promise<void> {
  await dynamo?.stop();
  // The suite's security figures (the isolation matrix, the fuzzer, the concurrency load of 30
  // learners and the fault run, as they ran in this suite) as one JSON line, when any of those
  // files ran: `npm test` prints it without running them twice. `npm run test:security` runs the
  // same files with 200 learners and prints its own line.
  if (ownFiguresDir && existsSync(ownFiguresDir)) {
    if (readdirSync(ownFiguresDir).length > 0) console.log(securityLine(ownFiguresDir, { source: 'npm test' }));
    rmSync(ownFiguresDir, { recursive: true, force: true });
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    securityFiguresDir: string;
  }
}
