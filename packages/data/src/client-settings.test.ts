import { createServer, type Server } from 'node:http';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { DYNAMO_CLIENT_SETTINGS, dynamoClientConfig, isStoreUnavailable } from './client-settings.js';
import { freePort } from './local/dynamo-local.js';

/**
 * The client's retry settings against answers DynamoDB Local never gives: a stand-in endpoint that
 * answers in DynamoDB's wire format (JSON 1.0) with throttling errors, then with an empty GetItem.
 */
let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function throttlingEndpoint(
  throttled: number,
  type = 'ProvisionedThroughputExceededException',
): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests += 1;
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      if (requests <= throttled) {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: 'Rate exceeded' }));
      } else res.end('{}');
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, requests: () => requests };
}

const clientOf = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    ...dynamoClientConfig(),
  });
const get = new GetItemCommand({ TableName: 't', Key: { pk: { S: 'P#X' }, sk: { S: 'X' } } });

describe('DynamoDB client retries and timeouts', () => {
  it('retries a throttled request and succeeds when the throttling stops', async () => {
    const endpoint = await throttlingEndpoint(DYNAMO_CLIENT_SETTINGS.maxAttempts - 1);
    const client = clientOf(endpoint.url);
    const out = await client.send(get);
    expect(out.Item).toBeUndefined();
    expect(endpoint.requests()).toBe(DYNAMO_CLIENT_SETTINGS.maxAttempts);
    client.destroy();
  }, 30_000);

  it('gives up after its attempts on lasting throttling, with an error the API answers 503 for', async () => {
    for (const type of ['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']) {
      const endpoint = await throttlingEndpoint(100, type);
      const client = clientOf(endpoint.url);
      const error = await client.send(get).catch((e: unknown) => e);
      expect((error as Error).name).toBe(type);
      expect(isStoreUnavailable(error)).toBe(true);
      expect(endpoint.requests()).toBe(DYNAMO_CLIENT_SETTINGS.maxAttempts);
      client.destroy();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = null;
    }
  }, 60_000);

  it('fails fast when nothing listens (a stopped store), with an error the API answers 503 for', async () => {
    const client = clientOf(`http://127.0.0.1:${await freePort()}`);
    const started = performance.now();
    const error = await client.send(get).catch((e: unknown) => e);
    expect(isStoreUnavailable(error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
    client.destroy();
  });

  it('does not take a wrong request for an unavailable store', () => {
    expect(isStoreUnavailable(Object.assign(new Error('x'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } }))).toBe(
      false,
    );
    expect(isStoreUnavailable(Object.assign(new Error('x'), { name: 'ConditionalCheckFailedException' }))).toBe(false);
    expect(isStoreUnavailable(new Error('plain'))).toBe(false);
  });
});
