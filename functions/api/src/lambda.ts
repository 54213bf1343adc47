import { handle } from 'hono/aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { createDataAccess, s3ObjectStore, scopedDataFromEnv } from '@manabi/data';
import { createApp } from './app.js';
import { createSigner, localJwks, type KeyMaterial } from './auth/jwt.js';
import { aesGcmSecretBox } from './auth/secret-box.js';

/**
 * Lambda entry: the same app the local server runs. Signing keys come from the environment
 * (a secret in the cloud); the JWKS the middleware verifies with is derived from them.
 */
const keys = JSON.parse(process.env.JWT_KEYS ?? 'null') as KeyMaterial | null;
const data = createDataAccess({ tableName: process.env.TABLE_NAME ?? 'manabi', scoped: scopedDataFromEnv() });

const appPromise = (async () => {
  if (!keys) throw new Error('JWT_KEYS is not set');
  if (!process.env.OBJECT_BUCKET) throw new Error('OBJECT_BUCKET is not set');
  // The key sealing TOTP seeds: 32 bytes, base64, from the deploy's secret (like JWT_KEYS).
  if (!process.env.SECRETS_KEY) throw new Error('SECRETS_KEY is not set');
  // SCORM content must come from a host of its own (see docs/architecture.md); there is no safe default.
  if (!process.env.SCORM_CONTENT_ORIGIN) throw new Error('SCORM_CONTENT_ORIGIN is not set');
  return createApp({
    data,
    objects: s3ObjectStore(process.env.OBJECT_BUCKET),
    signer: await createSigner(keys),
    jwks: localJwks(keys),
    secrets: aesGcmSecretBox(new Uint8Array(Buffer.from(process.env.SECRETS_KEY, 'base64'))),
    config: {
      publicUrl: process.env.PUBLIC_URL ?? '',
      rateLimit: { perEmail: 5, perIp: 50, windowSeconds: 900 },
      // The client IP comes from API Gateway's request context; X-Forwarded-For's first hop is
      // whatever the client wrote, so it must not decide rate limits.
      trustProxy: false,
      secureCookies: true,
      devOutbox: false,
      viewerHostHeader: 'x-viewer-host',
      scormContentOrigin: process.env.SCORM_CONTENT_ORIGIN,
    },
    now: () => new Date(),
    log: (line) => console.log(JSON.stringify(line)),
    clientIp: (c) => (c.env as { event?: { requestContext?: { http?: { sourceIp?: string } } } })?.event?.requestContext?.http?.sourceIp,
  });
})();

export const handler = async (event: LambdaEvent, context: unknown) => handle(await appPromise)(event, context as never);
