import { handle } from 'hono/aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { cloudApp } from './cloud/app.js';
import { cloudEnv } from './cloud/env.js';

/**
 * Lambda entry of the request function: the same app the local server runs. It verifies access
 * tokens against the KMS public keys and never signs one (its role has no kms:Sign); the HTTP API
 * sends the routes that start sessions to the identity function (lambda-identity.ts).
 */
const appPromise = cloudApp('api', cloudEnv('api'));

export const handler = async (event: LambdaEvent, context: unknown) => handle(await appPromise)(event, context as never);
