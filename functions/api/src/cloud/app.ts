import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createDataAccess, s3ObjectStore, scopedDataFromEnv, type DataAccess } from '@manabi/data';
import type { Context } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp } from '../app.js';
import type { AppEnv } from '../env.js';
import { hmacScopedTokens } from '../auth/jwt.js';
import { jwksOf, kmsTokenSigner, publishedKeysOf, verifyOnlySigner, type KmsSender } from '../auth/kms-signer.js';
import { aesGcmSecretBox } from '../auth/secret-box.js';
import { loadAppKeys, type SecretReader } from './app-secret.js';
import type { CloudEnv } from './env.js';
import { cloudLogger } from './log.js';
import { cloudClientIp } from './viewer-address.js';
import { originVerify, parseOriginVerifySecret } from '../middleware/origin-verify.js';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

export interface CloudAppClients {
  kms?: KmsSender;
  secrets?: SecretReader;
  /** The table's data access (tests point it at DynamoDB Local); the environment's table otherwise. */
  data?: DataAccess;
  /** Where log lines go (CloudWatch through stdout by default). */
  writeLog?: (text: string) => void;
}

/**
 * The app as the cloud runs it, for the request function (`api`: verifies tokens with the
 * published KMS public keys, mints none) or the identity function (`identity`: signs with KMS).
 * Both read the public keys once per cold start (kms:GetPublicKey) and the app secret once.
 */
export async function cloudApp(
  role: 'api' | 'identity',
  env: CloudEnv<'api'>,
  clients: CloudAppClients = {},
): Promise<OpenAPIHono<AppEnv>> {
  const kms = clients.kms ?? new KMSClient({});
  const secrets = clients.secrets ?? new SecretsManagerClient({});
  const ids = { current: env.SIGNING_KEY_ID, previous: env.SIGNING_KEY_PREVIOUS_ID ?? null };
  const [published, keys] = await Promise.all([publishedKeysOf(kms, ids), loadAppKeys(secrets, env.APP_SECRET_ARN)]);
  const scoped = hmacScopedTokens(keys.scopedTokenKey);
  const data = clients.data ?? createDataAccess({ tableName: env.TABLE_NAME, scoped: scopedDataFromEnv(env) });
  const readOriginSecret = async () => {
    const out = await secrets.send(new GetSecretValueCommand({ SecretId: env.ORIGIN_VERIFY_SECRET_ARN }));
    if (!out.SecretString) throw new Error('The origin-verify secret has no value');
    return parseOriginVerifySecret(out.SecretString);
  };
  return createApp(
    {
      data,
      objects: s3ObjectStore(env.OBJECT_BUCKET),
      signer: role === 'identity' ? kmsTokenSigner({ kms, ids, published, scoped }) : verifyOnlySigner(published, scoped),
      jwks: jwksOf(published),
      secrets: aesGcmSecretBox(keys.sealKey),
      config: {
        publicUrl: env.PUBLIC_URL,
        rateLimit: { perEmail: 5, perIp: 50, windowSeconds: 900 },
        // The client IP comes from CloudFront-Viewer-Address (clientIp below); X-Forwarded-For's
        // first hop is whatever the client wrote, so it must not decide rate limits.
        trustProxy: false,
        secureCookies: true,
        devOutbox: false,
        viewerHostHeader: 'x-viewer-host',
        scormContentOrigin: env.SCORM_CONTENT_ORIGIN,
      },
      now: () => new Date(),
      log: cloudLogger(clients.writeLog),
      clientIp: (c: Context) => cloudClientIp(c),
    },
    // Only requests that came through CloudFront (its origin-verify header) reach a route.
    { edgeGuard: originVerify({ read: readOriginSecret }) },
  );
}
