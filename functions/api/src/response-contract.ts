import type { RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { errorMessage } from './error-messages.js';
import { acceptedLocale, errorBody } from './errors.js';

type Responses = NonNullable<RouteConfig['responses']>;

interface Issue {
  path: PropertyKey[];
  message: string;
}
/** What this check needs of a zod schema (the contract's schemas are zod). */
interface Parser {
  safeParse(data: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
}

const isParser = (value: unknown): value is Parser =>
  typeof value === 'object' && value !== null && typeof (value as { safeParse?: unknown }).safeParse === 'function';

/** The JSON schema a route declares for an answered status (or its default), if it declares one. */
export function declaredJsonSchema(responses: Responses, status: number): Parser | null {
  const declared = ((responses as Record<string, unknown>)[String(status)] ?? responses.default) as
    { content?: Record<string, { schema?: unknown }> } | undefined;
  const jsonType = Object.keys(declared?.content ?? {}).find((type) => type.includes('json'));
  const schema = jsonType ? declared!.content![jsonType]!.schema : undefined;
  return isParser(schema) ? schema : null;
}

/** The issues of a JSON answer against its declared schema, or null when it conforms. */
export function contractIssues(responses: Responses, status: number, body: unknown): Issue[] | null {
  const schema = declaredJsonSchema(responses, status);
  if (!schema) return null;
  const result = schema.safeParse(body);
  return result.success ? null : result.error.issues;
}

/**
 * Where the app runs for tests (`createApp(deps, { checkResponses: true })`), every JSON answer
 * is parsed by the schema its route declares for the status, and one that does not conform is
 * replaced by a 500 `response_contract_violation` listing zod's issues: the test that made the
 * request fails (test/support/client.ts throws on that code), so the contract the SPA types are
 * inferred from cannot drift from what the services return. Production never pays for the parse.
 */
export const checkResponse =
  (method: string, path: string, responses: Responses): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    await next();
    if (!c.get('checkResponses')) return;
    if (!(c.res.headers.get('content-type') ?? '').includes('json')) return;
    const text = await c.res.clone().text();
    if (!text) return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return;
    }
    const issues = contractIssues(responses, c.res.status, body);
    if (!issues) return;
    const route = `${method.toUpperCase()} ${path} → ${c.res.status}`;
    const message = errorMessage('response_contract_violation', acceptedLocale(c.req.header('accept-language')), { route });
    const details = issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    c.res = undefined;
    c.res = c.json(errorBody('response_contract_violation', message, details), 500);
  };
