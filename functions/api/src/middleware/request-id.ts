import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

const INCOMING = /^[A-Za-z0-9._-]{8,64}$/;

/** Every response carries `x-request-id` (a caller's well-formed id is kept, else a new one). */
export const requestId = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && INCOMING.test(incoming) ? incoming : crypto.randomUUID();
  c.set('requestId', id);
  c.header('x-request-id', id);
  await next();
  c.res.headers.set('x-request-id', id);
};
