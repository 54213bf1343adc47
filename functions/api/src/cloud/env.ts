/**
 * Every environment variable the cloud functions read, per function: the one place a Lambda entry
 * reads `process.env` through (`cloudEnv`), and what infra's template test checks the stack sets
 * for each function. Kept free of SDK imports so infra can import it.
 */

/** The IAM-scoped data roles (packages/data scoped-env.ts): set together, only with `-c scopedData=true`. */
const DATA_ROLES = ['TENANT_DATA_ROLE_ARN', 'PLATFORM_DATA_ROLE_ARN'] as const;

/** What the request function and the identity function (the same app) read. */
const APP = {
  required: [
    'TABLE_NAME',
    'OBJECT_BUCKET',
    /** The app's own URL, for emailed links (never the request's Host). */
    'PUBLIC_URL',
    'SCORM_CONTENT_ORIGIN',
    /** Secrets Manager secret whose value derives the TOTP sealing key and the SCORM token key. */
    'APP_SECRET_ARN',
    /** The KMS key that signs access and refresh tokens (ECC_NIST_P256). */
    'SIGNING_KEY_ID',
    /** Secrets Manager secret `{ current, previous }`: the header CloudFront adds to prove a request came through it. */
    'ORIGIN_VERIFY_SECRET_ARN',
  ],
  /** The key before the last rotation: still verifies, signs nothing. */
  optional: ['SIGNING_KEY_PREVIOUS_ID', ...DATA_ROLES],
} as const;

export const CLOUD_FUNCTION_ENV = {
  /** functions/api/src/lambda.ts: every /api and /scorm route except the identity ones. */
  api: APP,
  /** functions/api/src/lambda-identity.ts: /api/auth/* and /api/signup, the only function allowed kms:Sign. */
  identity: APP,
  /** jobs/lambda-aggregate.ts */
  aggregate: { required: ['TABLE_NAME', 'OBJECT_BUCKET', 'PUBLIC_URL'], optional: [...DATA_ROLES] },
  /** jobs/lambda-import.ts */
  import: { required: ['TABLE_NAME', 'OBJECT_BUCKET', 'PUBLIC_URL'], optional: [...DATA_ROLES] },
  /** jobs/lambda-job-scheduler.ts: one message per company on the job queue. */
  jobScheduler: {
    required: [
      'TABLE_NAME',
      /** The SQS FIFO queue the tenant-job function drains. */
      'JOB_QUEUE_URL',
    ],
    optional: [...DATA_ROLES],
  },
  /** jobs/lambda-tenant-job.ts: one company's reminders, digest or report rebuild. */
  tenantJob: { required: ['TABLE_NAME', 'PUBLIC_URL'], optional: [...DATA_ROLES] },
  /** jobs/lambda-email-sender.ts: the outbox → SES v2. */
  emailSender: {
    required: [
      'TABLE_NAME',
      /** The platform's verified SES domain; mail goes out as no-reply@ it unless the vendor has its own. */
      'EMAIL_DOMAIN',
      /** The SES configuration set whose event destination reports bounces and complaints. */
      'SES_CONFIGURATION_SET',
    ],
    optional: [],
  },
  /** jobs/lambda-email-events.ts: SES bounce and complaint events (SNS → SQS) → the suppression list. */
  emailEvents: { required: ['TABLE_NAME'], optional: [] },
} as const;

export type CloudFunction = keyof typeof CLOUD_FUNCTION_ENV;
type Spec<F extends CloudFunction> = (typeof CLOUD_FUNCTION_ENV)[F];
export type CloudEnv<F extends CloudFunction> = { [K in Spec<F>['required'][number]]: string } & {
  [K in Spec<F>['optional'][number]]?: string;
};

/**
 * The environment of one cloud function, checked at cold start: a missing variable stops it with
 * every missing name at once, instead of failing on the first request that needs it.
 */
export function cloudEnv<F extends CloudFunction>(fn: F, env: Record<string, string | undefined> = process.env): CloudEnv<F> {
  const spec = CLOUD_FUNCTION_ENV[fn];
  const missing = spec.required.filter((k) => !env[k]);
  if (missing.length > 0) throw new Error(`${fn}: environment variables not set: ${missing.join(', ')}`);
  const out: Record<string, string> = {};
  for (const k of [...spec.required, ...spec.optional]) if (env[k]) out[k] = env[k];
  return out as CloudEnv<F>;
}
