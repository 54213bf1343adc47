import { handle } from 'hono/aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { cloudApp } from './cloud/app.js';
import { cloudEnv } from './cloud/env.js';
import { isIdentityPath } from './cloud/identity-routes.js';

/**
 * Lambda entry of the identity function: sign-up, sign-in, refresh, verification, invitations,
 * password reset and MFA (cloud/identity-routes.ts), the only function whose role may call
 * kms:Sign. It runs the same app, and refuses any other path even if a route pointed one here.
 */
const appPromise = cloudApp('identity', cloudEnv('identity'));

const notFound = {
  statusCode: 404,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ error: { code: 'not_found', message: 'Not found', details: [] } }),
};

export const handler = async (event: LambdaEvent, context: unknown) => {
  const path = 'rawPath' in event ? event.rawPath : 'path' in event ? event.path : '';
  if (!isIdentityPath(path)) return notFound;
  return handle(await appPromise)(event, context as never);
};
