/**
 * The DynamoDB client's retry and timeout settings, explicit rather than the SDK's defaults, so a
 * request never hangs on a store that is gone and gives up in about a second:
 * - a connection that is not made within `connectionTimeoutMs` fails (a refused one fails at once);
 * - an answer that does not come within `requestTimeoutMs` fails (well under the API's own 29 s);
 * - `maxAttempts` tries in all, with the SDK's standard retry (exponential backoff with jitter,
 *   throttling and 5xx answers and network errors retried, a retry quota per client).
 * The API then answers 503 with Retry-After (see `isStoreUnavailable`).
 */
export const DYNAMO_CLIENT_SETTINGS = {
  maxAttempts: 3,
  retryMode: 'standard',
  connectionTimeoutMs: 1_000,
  requestTimeoutMs: 10_000,
} as const;

/** The settings in the SDK's client configuration shape. */
export const dynamoClientConfig = () => ({
  maxAttempts: DYNAMO_CLIENT_SETTINGS.maxAttempts,
  retryMode: DYNAMO_CLIENT_SETTINGS.retryMode,
  requestHandler: {
    connectionTimeout: DYNAMO_CLIENT_SETTINGS.connectionTimeoutMs,
    requestTimeout: DYNAMO_CLIENT_SETTINGS.requestTimeoutMs,
  },
});

/** Errors DynamoDB answers when it cannot take a request now (after the client's own retries). */
const BUSY = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
/** Network failures on the way to the store. */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether an error says the store is unavailable for now (throttled, down, unreachable, timed out)
 * rather than that the request was wrong: such a request may be retried as it is.
 */
export function isStoreUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, code, $metadata } = e as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
    if ((name && BUSY.has(name)) || (code && NETWORK.has(code))) return true;
    if (($metadata?.httpStatusCode ?? 0) >= 500) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isStoreUnavailable(inner))) return true;
  }
  return false;
}
