import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

/**
 * Every response says its content type is to be taken as given (`nosniff`); an API answer to a
 * request that carried credentials is never stored by a browser or a shared cache (`no-store`).
 */
export const securityHeaders = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  await next();
  const authenticated = c.get('auth') !== undefined || c.req.header('authorization') !== undefined;
  const noStore = authenticated && (c.req.path.startsWith('/api/') || c.req.path === '/api');
  try {
    set(c.res.headers, noStore);
  } catch {
    // A response made with immutable headers (Response.redirect, a fetched one): copy it once.
    c.res = new Response(c.res.body, { status: c.res.status, statusText: c.res.statusText, headers: new Headers(c.res.headers) });
    set(c.res.headers, noStore);
  }
};

function set(headers: Headers, noStore: boolean): void {
  headers.set('X-Content-Type-Options', 'nosniff');
  if (noStore) headers.set('Cache-Control', 'no-store');
}
