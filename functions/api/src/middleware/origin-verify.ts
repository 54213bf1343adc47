import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { acceptedLocale, errorBody, render } from '../errors.js';
import { ORIGIN_VERIFY_HEADER } from '../cloud/edge-headers.js';

export { ORIGIN_VERIFY_HEADER };

/**
 * The origin-verify values: CloudFront sends `current`; `previous` is still accepted while a
 * rotation propagates (the distribution's config changes minutes after the secret does).
 */
export interface OriginVerifySecret {
  current: string;
  previous?: string | null;
}

/** Parses the secret's JSON (`{ "current": "…", "previous": "…" }`); refuses a short or missing current value. */
export function parseOriginVerifySecret(text: string): OriginVerifySecret {
  const value = JSON.parse(text) as Partial<Record<'current' | 'previous', unknown>>;
  if (typeof value.current !== 'string' || value.current.length < 32) throw new Error('The origin-verify secret has no current value');
  const previous = typeof value.previous === 'string' && value.previous.length >= 32 ? value.previous : null;
  return { current: value.current, previous };
}

/** Compares in constant time, so the header cannot be guessed one character at a time. */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether a request's header carries the current or the previous value. */
export function isFromEdge(header: string | undefined, secret: OriginVerifySecret): boolean {
  if (!header) return false;
  return same(header, secret.current) || (!!secret.previous && same(header, secret.previous));
}

export interface OriginVerifyOptions {
  /** Reads the secret (Secrets Manager in the cloud). */
  read: () => Promise<OriginVerifySecret>;
  /** How long a read value is trusted before it is read again, so a rotation applies without a deploy. */
  refreshMs?: number;
  now?: () => number;
}

/** Re-read the secret every 5 minutes: a rotation reaches every warm function well within its overlap. */
export const ORIGIN_VERIFY_REFRESH_MS = 5 * 60_000;

/**
 * Answers 403 to any request that did not come through CloudFront (the API Gateway endpoint is
 * public, so a caller could otherwise skip the WAF and forge the viewer headers). Only the cloud
 * entries install it; the local server has no edge in front of it.
 */
export function originVerify(options: OriginVerifyOptions): MiddlewareHandler<AppEnv> {
  const refreshMs = options.refreshMs ?? ORIGIN_VERIFY_REFRESH_MS;
  const now = options.now ?? Date.now;
  let cached: { secret: Promise<OriginVerifySecret>; at: number } | null = null;
  const secret = (): Promise<OriginVerifySecret> => {
    if (!cached || now() - cached.at >= refreshMs) {
      const read = options.read();
      cached = { secret: read, at: now() };
      // A failed read is not kept: the next request tries again.
      read.catch(() => {
        if (cached?.secret === read) cached = null;
      });
    }
    return cached.secret;
  };
  return async (c, next) => {
    if (isFromEdge(c.req.header(ORIGIN_VERIFY_HEADER), await secret())) return next();
    const locale = acceptedLocale(c.req.header('accept-language'));
    return c.json(errorBody('forbidden', render('forbidden.origin', locale)), 403, { 'Content-Language': locale });
  };
}
