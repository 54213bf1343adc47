import type { TestProject } from 'vitest/node';
import { DEFAULT_TABLE_NAME } from '@manabi/data';
import { ensureTable, startDynamoLocal, type DynamoLocal } from '@manabi/data/local';

/** One real DynamoDB Local (in memory) for the whole e2e run; every test file brings its own tenants. */
let dynamo: DynamoLocal | undefined;

export async function setup(project: TestProject): Promise<void> {
  dynamo = await startDynamoLocal();
  // Servers that read a stream get tables of their own (support/server.ts); nobody reads this
  // one's, so it has none: a run's worth of unread records would slow every other stream.
  await ensureTable(dynamo.endpoint, DEFAULT_TABLE_NAME, { stream: false });
  project.provide('dynamoEndpoint', dynamo.endpoint);
}

export async function teardown(): Promise<void> {
  await dynamo?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
