import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SignedPayload, Verified } from '../objects.js';

/**
 * The local stand-in for S3's presigned URLs: a payload (what may be done with which object,
 * until when) and its HMAC-SHA256 under a key only the server holds, both base64url, in one
 * token. Anything changed in the payload breaks the signature; verification compares in
 * constant time.
 */

const mac = (secret: Uint8Array, body: string) => createHmac('sha256', secret).update(body).digest();

export function signPayload(secret: Uint8Array, payload: SignedPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

export function verifyToken(secret: Uint8Array, token: string, op: SignedPayload['op'], nowSeconds: number): Verified {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return { ok: false, reason: 'invalid' };
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let payload: SignedPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SignedPayload;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (payload.op !== op || typeof payload.key !== 'string' || typeof payload.exp !== 'number') return { ok: false, reason: 'invalid' };
  if (payload.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}
