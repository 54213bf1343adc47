import type { MiddlewareHandler } from 'hono';
import { countingCalls } from '@manabi/data';
import type { AppEnv } from '../env.js';

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** Adds fields (e.g. tenantId once the token is verified) to every later line of this request. */
  bind(fields: Record<string, unknown>): void;
}

/**
 * Structured JSON logs. A logger is made per request, so fields such as tenantId never carry
 * over from one request to the next (Lambda reuses the process).
 */
export const requestLogger =
  (sink: (line: Record<string, unknown>) => void, now: () => Date): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const bound: Record<string, unknown> = { requestId: c.get('requestId') };
    const write = (level: string, msg: string, fields?: Record<string, unknown>) =>
      sink({ time: now().toISOString(), level, msg, ...bound, ...fields });
    c.set('logger', {
      info: (msg, fields) => write('info', msg, fields),
      error: (msg, fields) => write('error', msg, fields),
      bind: (fields) => Object.assign(bound, fields),
    });
    const started = performance.now();
    // Each request's own DynamoDB calls (the hot paths have a budget: docs/architecture.md).
    await countingCalls(async (ddbCalls) => {
      await next();
      write(c.res.status >= 500 ? 'error' : 'info', 'request', {
        method: c.req.method,
        // A SCORM session token travels in the path (package files, commits); it is not written to logs.
        path: c.req.path.replace(/^\/scorm\/(s|commit)\/[^/]+/, '/scorm/$1/…'),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ddbCalls: ddbCalls(),
      });
    });
  };
