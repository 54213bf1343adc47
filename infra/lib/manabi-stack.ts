import { AGGREGATOR_ENTITIES } from '../../packages/data/src/table';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { basename, dirname, join, relative } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, type CfnResource, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  OriginRequestPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Architecture, FilterCriteria, Runtime, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from 'aws-cdk-lib/aws-s3';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { grantItemAccess, grantObjectAccess } from './grants';
import { localBundlingEnvironment } from './local-bundling';
import { acknowledge } from './nag';
import { Operations } from './operations';
import { createSingleTable } from './table-from-definition';
import { TenantIsolation } from './tenant-isolation';
import { TenantJobs } from './tenant-jobs';
import { publishSite, SITE_DIST } from './site-deployment';
import { VendorDomains } from './vendor-domains';
import { Edge } from './edge';
import { DEFAULT_SIGNING_KEYS, Identity } from './identity';
import { Email, PLACEHOLDER_EMAIL_DOMAIN } from './email';
import { IDENTITY_HTTP_ROUTES } from '../../functions/api/src/cloud/identity-routes';

/** Repository root (this file is infra/lib/manabi-stack.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The API function's memory (see where it is set for why). */
export const API_MEMORY_MB = 1536;
/** Staged uploads (SCORM zips between upload and import) that nobody completed are removed after this. */
export const STAGING_EXPIRY_DAYS = 1;

/** The Lambda entry: exports `handler`, the Hono app wrapped by hono/aws-lambda. */
export const API_ENTRY = join(REPO_ROOT, 'functions', 'api', 'src', 'lambda.ts');

/** scorm-again's browser build, which the API serves on the SCORM content origin; it ships beside the API bundle. */
export const SCORM_RUNTIME = createRequire(join(REPO_ROOT, 'functions', 'api', 'package.json')).resolve('scorm-again/min');
/** The identity function's entry: the routes that start sessions, the only code allowed kms:Sign. */
export const IDENTITY_ENTRY = join(REPO_ROOT, 'functions', 'api', 'src', 'lambda-identity.ts');

/** The email sender's entry: new outbox items on the stream → SES v2. */
export const EMAIL_SENDER_ENTRY = join(REPO_ROOT, 'functions', 'api', 'src', 'jobs', 'lambda-email-sender.ts');

/** The email events entry: SES bounces and complaints (SNS → SQS) → the suppression list. */
export const EMAIL_EVENTS_ENTRY = join(REPO_ROOT, 'functions', 'api', 'src', 'jobs', 'lambda-email-events.ts');

/** Template metadata naming each function's bundle entry (the environment test reads it). */
export const ENTRY_METADATA = 'manabi:entry';

/** The aggregator's entry: the change stream → report aggregates (the local server polls the same). */
export const AGGREGATE_ENTRY = join(REPO_ROOT, 'functions', 'api', 'src', 'jobs', 'lambda-aggregate.ts');

/** The import worker's entry: a new import job record on the stream → the job runs to its end. */
export const IMPORT_ENTRY = join(REPO_ROOT, 'functions', 'api', 'src', 'jobs', 'lambda-import.ts');

/** The daily jobs' scheduler: one message per company on the job queue (the local server runs the same plan in process). */
export const JOB_SCHEDULER_ENTRY = join(REPO_ROOT, 'functions', 'api', 'src', 'jobs', 'lambda-job-scheduler.ts');
/** The daily jobs' worker: one company's reminders, digest or report rebuild per message. */
export const TENANT_JOB_ENTRY = join(REPO_ROOT, 'functions', 'api', 'src', 'jobs', 'lambda-tenant-job.ts');

/**
 * The font files certificates are drawn with, from the API's npm dependency. Functions that draw
 * certificates get them copied next to their bundle (`fonts/`), where the API looks first.
 */
export const CERTIFICATE_FONTS = ['400Regular/NotoSansJP_400Regular.ttf', '700Bold/NotoSansJP_700Bold.ttf'].map((file) =>
  createRequire(join(REPO_ROOT, 'functions', 'api', 'package.json')).resolve(`@expo-google-fonts/noto-sans-jp/${file}`),
);

/** The certificate fonts as the bundles read them: `fonts/<file>` next to the bundle. */
const FONTS_BESIDE_BUNDLE = CERTIFICATE_FONTS.map((from) => ({ from, name: `fonts/${basename(from)}` }));

/**
 * ESM bundles have no `require`; CJS dependencies bundled into them call it (esbuild's
 * `__require` shim). Aliased names so the banner cannot collide with a bundled import.
 */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __manabiCreateRequire } from 'node:module'; " + 'const require = __manabiCreateRequire(import.meta.url);';

/**
 * SPA routing on the default (S3) behaviour only: a path whose last segment has no dot is a
 * client-side route and gets index.html. Done here rather than with distribution-wide error
 * responses, which would also turn the API's 403/404 answers into index.html.
 */
/**
 * The API's origin gets API Gateway's own Host, so the host the visitor asked for (which decides
 * the white-label brand) travels in a header of its own, overwritten here whatever the client sent.
 */
const VIEWER_HOST = `function handler(event) {
  var request = event.request;
  request.headers['x-viewer-host'] = { value: request.headers.host ? request.headers.host.value : '' };
  return request;
}`;

const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * A function of this app: Node.js 24 on arm64, bundled with the local esbuild (no Docker) as ESM,
 * minified with a source map, with the table's name in its environment and its own log group.
 */
function tableFunction(
  scope: Construct,
  id: string,
  tableName: string,
  props: { description: string; entry: string; timeout: Duration; memorySize?: number; logGroup: ILogGroup },
  /** Files copied next to the bundle (the bundle reads them at run time). */
  besideBundle: { from: string; name: string }[] = [],
): NodejsFunction {
  const fn = new NodejsFunction(scope, id, {
    memorySize: 512,
    ...props,
    handler: 'handler',
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    projectRoot: REPO_ROOT,
    depsLockFilePath: join(REPO_ROOT, 'pnpm-lock.yaml'),
    environment: {
      TABLE_NAME: tableName,
      // The bundle ships a source map; without this flag Node ignores it.
      NODE_OPTIONS: '--enable-source-maps',
    },
    bundling: {
      forceDockerBundling: false,
      environment: localBundlingEnvironment(REPO_ROOT),
      format: OutputFormat.ESM,
      target: 'node24',
      mainFields: ['module', 'main'],
      minify: true,
      sourceMap: true,
      sourcesContent: false, // stack traces need only the mappings; keeps the zip small
      banner: ESM_REQUIRE_BANNER,
      // Ship the SDK versions the code was tested with instead of the runtime's copy.
      bundleAwsSDK: true,
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (_inputDir: string, outputDir: string) =>
          besideBundle.map((f) => `mkdir -p "${dirname(`${outputDir}/${f.name}`)}" && cp "${f.from}" "${outputDir}/${f.name}"`),
      },
    },
  });
  (fn.node.defaultChild as CfnResource).addMetadata(ENTRY_METADATA, relative(REPO_ROOT, props.entry));
  return fn;
}

export interface ManabiStackProps extends StackProps {
  /** Deployment stage (dev, prod, …); part of the stack name. */
  stage: string;
  /**
   * Whether the data layer uses the IAM-scoped roles (their ARNs in the functions' environment).
   * The roles always exist; see docs/tenant-isolation.md for what must change before this is on.
   */
  scopedData?: boolean;
  /** Signing key generations, oldest first (see lib/identity.ts); default one generation. */
  signingKeys?: string[];
  /** The platform's SES sending domain (`-c emailDomain=…`); a placeholder that never verifies otherwise. */
  emailDomain?: string;
  /** The app's URL for emailed links (`-c publicUrl=https://…`, a custom domain); default the distribution's. */
  publicUrl?: string;
  /** The built SPA to publish (default web/dist). */
  siteDist?: string;
  /** The stage's CloudFront web ACL (WebAclStack, us-east-1); every distribution is put behind it. */
  webAclArn?: string;
  /** The platform's own domain for the app and its ACM certificate in us-east-1 (`-c siteDomain=… -c siteCertificateArn=…`). */
  siteDomain?: { domainName: string; certificateArn: string };
}

export class ManabiStack extends Stack {
  constructor(scope: Construct, id: string, props: ManabiStackProps) {
    super(scope, id, props);

    const table = createSingleTable(this, 'Table');
    const ops = new Operations(this, 'Operations', { stage: props.stage });
    ops.backUp(table);
    ops.watchTable(table);
    const isolation = new TenantIsolation(this, 'TenantIsolation', { table });
    const logs = (id: string) => ops.functionLogGroup(this, `${id}Logs`);
    const identity = new Identity(this, 'Identity', { stage: props.stage, signingKeys: props.signingKeys ?? DEFAULT_SIGNING_KEYS });

    const apiFunction = tableFunction(
      this,
      'ApiFunction',
      table.tableName,
      {
        description: `Manabi API (${props.stage})`,
        entry: API_ENTRY,
        timeout: Duration.seconds(29),
        // Completing a SCORM upload reads the staged zip (at most 250 MB, DEFAULT_ZIP_LIMITS) into
        // memory and inflates one file at a time: up to twice the zip while S3's body is gathered
        // (500 MB), plus the largest file inflated (at most 500 MB, the uncompressed limit), plus
        // ~150 MB of runtime: about 1.15 GB in the worst case, so 1,536 MB leaves headroom. Lambda
        // also gives CPU in proportion to memory, which the CRC checks and inflating need in 29 s.
        memorySize: API_MEMORY_MB,
        logGroup: logs('ApiFunction'),
      },
      [{ from: SCORM_RUNTIME, name: 'scorm-again.min.js' }, ...FONTS_BESIDE_BUNDLE],
    );
    grantItemAccess(table, apiFunction);
    identity.grantVerify(apiFunction);

    // Sign-up, sign-in, refresh, verification, invitations, password reset and MFA: the same app in a
    // function of its own, the only one whose role may sign tokens with KMS (routes below).
    const identityFunction = tableFunction(this, 'IdentityFunction', table.tableName, {
      description: `Manabi identity (${props.stage})`,
      entry: IDENTITY_ENTRY,
      timeout: Duration.seconds(29),
      // scrypt password hashing is CPU-bound, and Lambda gives CPU in proportion to memory.
      memorySize: 1024,
      logGroup: logs('IdentityFunction'),
    });
    grantItemAccess(table, identityFunction);
    identity.grantSign(identityFunction);

    // Uploaded brand images (served by the API) and lesson files; the bucket stays private. Lesson
    // files go and come straight between the browser and S3 at presigned URLs (the Lambda request
    // limit is 6 MB), so the browser may PUT and GET cross-origin; the signature is the permission.
    const objectBucket = new Bucket(this, 'ObjectBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // A deleted or overwritten file can be restored for 30 days, then it is gone for good.
      versioned: true,
      serverAccessLogsBucket: ops.accessLogs,
      serverAccessLogsPrefix: 'object-bucket/',
      cors: [{ allowedMethods: [HttpMethods.PUT, HttpMethods.GET], allowedOrigins: ['*'], allowedHeaders: ['content-type'], maxAge: 3000 }],
      // A SCORM zip is staged under `staging/` until its upload is completed (which deletes it); one
      // the browser sent but never completed would otherwise stay for good (objectKeys.scormStagedZip).
      lifecycleRules: [
        {
          id: 'ExpireStagedUploads',
          prefix: 'staging/',
          expiration: Duration.days(STAGING_EXPIRY_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        { id: 'ExpireOldVersions', noncurrentVersionExpiration: Duration.days(30), expiredObjectDeleteMarker: true },
      ],
    });
    grantObjectAccess(objectBucket, apiFunction);
    apiFunction.addEnvironment('OBJECT_BUCKET', objectBucket.bucketName);
    // The identity routes read no objects (no grant); the app it runs is built with the bucket's name.
    identityFunction.addEnvironment('OBJECT_BUCKET', objectBucket.bucketName);

    // Report aggregates follow the table's stream; only the entities the aggregator reads are
    // delivered (its own writes would otherwise come back to it). A removal has only an old image.
    const aggregateFunction = tableFunction(
      this,
      'AggregateFunction',
      table.tableName,
      {
        description: `Manabi report aggregator (${props.stage})`,
        entry: AGGREGATE_ENTRY,
        // A framework change refreshes every person's standing of the company in one invocation.
        timeout: Duration.minutes(5),
        logGroup: logs('AggregateFunction'),
      },
      // It issues certificates (修了証) when a package is completed: it draws their PDFs.
      FONTS_BESIDE_BUNDLE,
    );
    grantItemAccess(table, aggregateFunction);
    grantObjectAccess(objectBucket, aggregateFunction);
    aggregateFunction.addEnvironment('OBJECT_BUCKET', objectBucket.bucketName);
    // Records that still fail after the retries are not lost: their stream positions land here
    // (the records themselves stay in the stream for 24 h; see docs/architecture.md for the replay).
    const failedRecords = new Queue(this, 'AggregateFailedRecords', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(failedRecords, [
      {
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue is itself the failure destination of the aggregator stream; its depth alarms and its messages are replayed by hand',
      },
    ]);
    ops.watchDeadLetters(
      'AggregateFailedRecords',
      failedRecords,
      'Report aggregator: stream records parked after every retry (reports miss them until replayed)',
    );
    ops.watchStreamConsumer('AggregateFunction', aggregateFunction);
    aggregateFunction.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        retryAttempts: 10,
        bisectBatchOnError: true,
        // The handler names the first record that failed; the ones before it are not redone.
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(failedRecords),
        filters: [
          FilterCriteria.filter({ dynamodb: { NewImage: { entity: { S: [...AGGREGATOR_ENTITIES] } } } }),
          FilterCriteria.filter({ eventName: ['REMOVE'], dynamodb: { OldImage: { entity: { S: [...AGGREGATOR_ENTITIES] } } } }),
        ],
      }),
    );

    // Background imports (a user CSV): the commit request writes the job record and answers 202; the
    // record's INSERT on the stream starts this worker, which writes progress to the record. One job
    // per invocation, up to 15 minutes (10,000 rows take a few minutes). A retry after a crash
    // resumes after the rows the record says are done (see services/user-import-job.ts).
    const importFunction = tableFunction(this, 'ImportFunction', table.tableName, {
      description: `Manabi import worker (${props.stage})`,
      entry: IMPORT_ENTRY,
      timeout: Duration.minutes(15),
      memorySize: 1024,
      logGroup: logs('ImportFunction'),
    });
    grantItemAccess(table, importFunction);
    grantObjectAccess(objectBucket, importFunction);
    importFunction.addEnvironment('OBJECT_BUCKET', objectBucket.bucketName);
    // A job record whose worker failed every retry is parked (its stream position), and alarms: the
    // job stays "running" in the SPA until it is replayed (see docs/architecture.md).
    const importFailures = new Queue(this, 'ImportFailedRecords', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(importFailures, [
      {
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue is itself the failure destination of the import worker stream; its depth alarms and its messages are replayed by hand',
      },
    ]);
    ops.watchDeadLetters(
      'ImportFailedRecords',
      importFailures,
      'Import worker: a job record failed every retry (the import did not finish)',
    );
    importFunction.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 1,
        retryAttempts: 3,
        onFailure: new SqsDlq(importFailures),
        filters: [FilterCriteria.filter({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['importJob'] } } } })],
      }),
    );

    // The daily jobs (reminders, digest; the report rebuild by hand), one company per worker run.
    const jobs = new TenantJobs(this, 'Jobs', {
      stage: props.stage,
      ops,
      makeFunction: (id, fnProps) => tableFunction(this, id, table.tableName, { ...fnProps, logGroup: logs(id) }),
      schedulerEntry: JOB_SCHEDULER_ENTRY,
      workerEntry: TENANT_JOB_ENTRY,
    });
    grantItemAccess(table, jobs.scheduler);
    grantItemAccess(table, jobs.worker);

    const email = new Email(this, 'Email', {
      stage: props.stage,
      table,
      domain: props.emailDomain ?? PLACEHOLDER_EMAIL_DOMAIN,
      ops,
      makeFunction: (id, fnProps) => tableFunction(this, id, table.tableName, { ...fnProps, logGroup: logs(id) }),
      senderEntry: EMAIL_SENDER_ENTRY,
      eventsEntry: EMAIL_EVENTS_ENTRY,
    });
    grantItemAccess(table, email.sender);
    grantItemAccess(table, email.events);

    // The functions whose data layer serves tenants (clientFor / identityFor): they may assume the data roles.
    const dataFunctions = {
      ApiFunction: apiFunction,
      IdentityFunction: identityFunction,
      AggregateFunction: aggregateFunction,
      ImportFunction: importFunction,
      JobSchedulerFunction: jobs.scheduler,
      TenantJobFunction: jobs.worker,
    };
    for (const fn of Object.values(dataFunctions)) isolation.grantAssume(fn, { setEnvironment: props.scopedData ?? false });
    const functions = { ...dataFunctions, EmailSenderFunction: email.sender, EmailEventsFunction: email.events };
    for (const [name, fn] of Object.entries(functions)) {
      ops.watchFunction(name, fn);
      acknowledge(fn, [
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: 'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs; an inline copy would grant the same',
        },
      ]);
    }
    ops.watchStreamConsumer('ImportFunction', importFunction);
    ops.watchStreamConsumer('EmailSenderFunction', email.sender);
    for (const streamConsumer of [aggregateFunction, importFunction, email.sender]) {
      acknowledge(streamConsumer, [
        {
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason: 'dynamodb:ListStreams, which the stream event source needs, has no resource-level permissions (its only * statement)',
        },
      ]);
    }

    // The stage is made by Operations (access logs, throttling) instead of the API's own default.
    const api = new HttpApi(this, 'HttpApi', {
      description: `Manabi API (${props.stage})`,
      createDefaultStage: false,
    });
    ops.apiStage(api);
    ops.watchApi(api);
    acknowledge(api, [
      {
        id: 'AwsSolutions-APIG4',
        reason: 'Authorization lives in the app: every route is declared with defineRoute({ roles }) behind a JWT gate, deny by default',
      },
    ]);
    const apiIntegration = new HttpLambdaIntegration('ApiIntegration', apiFunction);
    api.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration: apiIntegration });
    // SCORM content (player, package files, commits): the API answers these only on the content host.
    api.addRoutes({ path: '/scorm/{proxy+}', methods: [HttpMethod.ANY], integration: apiIntegration });
    // SCIM 2.0 for the companies' identity providers (a SCIM token of its own, checked in the app).
    api.addRoutes({ path: '/scim/{proxy+}', methods: [HttpMethod.ANY], integration: apiIntegration });
    // The routes that mint tokens go to the identity function (more specific routes win over /api/{proxy+}).
    const identityIntegration = new HttpLambdaIntegration('IdentityIntegration', identityFunction);
    for (const route of IDENTITY_HTTP_ROUTES)
      api.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration: identityIntegration });

    const siteBucket = new Bucket(this, 'SiteBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      versioned: true,
      serverAccessLogsBucket: ops.accessLogs,
      serverAccessLogsPrefix: 'site-bucket/',
      lifecycleRules: [{ id: 'ExpireOldVersions', noncurrentVersionExpiration: Duration.days(30), expiredObjectDeleteMarker: true }],
    });

    // Only CloudFront reaches the API: it adds the origin-verify header, which both app functions check.
    const edge = new Edge(this, 'Edge', { stage: props.stage });
    edge.acknowledgeManualRotation(
      'Rotating it must also change the header CloudFront sends, in step with the API (README "Deploy to AWS", rotating the origin-verify value); a Secrets Manager rotation alone would lock CloudFront out',
    );
    for (const fn of [apiFunction, identityFunction]) edge.grantVerify(fn);
    const apiOrigin = edge.apiOrigin(`${api.apiId}.execute-api.${this.region}.${this.urlSuffix}`);
    const viewerHost = new CloudFrontFunction(this, 'ViewerHost', {
      code: FunctionCode.fromInline(VIEWER_HOST),
      runtime: FunctionRuntime.JS_2_0,
    });
    // Edge settings every distribution shares: the stage's WAF web ACL (us-east-1), standard logs.
    const shared = (logPrefix: string) => ({
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      enableLogging: true,
      logBucket: ops.accessLogs,
      logFilePrefix: `cloudfront/${logPrefix}/`,
    });
    const apiBehaviour = {
      origin: apiOrigin,
      functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: viewerHost }],
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // API Gateway routes on its own Host header, so the viewer's must not be forwarded. This
      // managed policy also forwards CloudFront's own headers, CloudFront-Viewer-Address among them
      // (the client IP the per-IP limits count).
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };

    // SCORM packages play on a host of their own (see docs/architecture.md): a second distribution
    // whose every path goes to the API, which serves only the SCORM content routes on that host.
    // Its *.cloudfront.net name is another site than the app's (cloudfront.net is a public suffix),
    // so the app's cookies are never sent to it, nor its pages given the app's storage.
    const scormContent = new Distribution(this, 'ScormContent', {
      comment: `Manabi SCORM content (${props.stage})`,
      ...shared('scorm'),
      defaultBehavior: {
        ...apiBehaviour,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: edge.contentHeaders,
      },
    });
    const scormContentOrigin = `https://${scormContent.distributionDomainName}`;
    const siteHeaders = edge.siteHeaders(scormContentOrigin);
    const siteBehaviours = {
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: siteHeaders,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new CloudFrontFunction(this, 'SpaRewrite', {
              code: FunctionCode.fromInline(SPA_REWRITE),
              runtime: FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      additionalBehaviors: {
        '/api/*': { ...apiBehaviour, viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY, responseHeadersPolicy: edge.apiHeaders },
        // SCIM clients (Entra ID, Okta) call the same API under /scim/v2.
        '/scim/*': { ...apiBehaviour, viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY, responseHeadersPolicy: edge.apiHeaders },
      },
    };
    const distribution = new Distribution(this, 'Site', {
      comment: `Manabi (${props.stage})`,
      defaultRootObject: 'index.html',
      ...shared('site'),
      ...siteBehaviours,
      // The platform's own domain (-c siteDomain, -c siteCertificateArn): TLS 1.2 at the least.
      ...(props.siteDomain
        ? {
            domainNames: [props.siteDomain.domainName],
            certificate: Certificate.fromCertificateArn(this, 'SiteCertificate', props.siteDomain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    // White-label hosts: a multi-tenant distribution with the app's behaviours (vendor-domains.ts).
    const vendorDomains = new VendorDomains(this, 'VendorDomains', {
      stage: props.stage,
      table,
      ops,
      distribution: {
        comment: `Manabi vendor domains (${props.stage})`,
        defaultRootObject: 'index.html',
        ...shared('vendors'),
        ...siteBehaviours,
      },
    });
    new CfnOutput(this, 'VendorDomainTarget', { value: vendorDomains.connectionGroup.attrRoutingEndpoint });
    // The SPA is published by the deploy itself: web/dist is uploaded to the site bucket and the
    // distribution's cache invalidated (site-deployment.ts).
    publishSite(this, { bucket: siteBucket, distribution, dist: props.siteDist ?? SITE_DIST, logGroup: logs('SiteDeployment') });
    for (const edgeDistribution of [distribution, scormContent]) {
      acknowledge(edgeDistribution, [
        {
          id: 'AwsSolutions-CFR1',
          reason:
            'Companies employees sign in from anywhere (business trips, overseas offices); access is decided by account, not by country',
        },
      ]);
      if (!props.webAclArn)
        acknowledge(edgeDistribution, [
          {
            id: 'AwsSolutions-CFR2',
            reason: 'A stack built without its stage (tests of this stack alone) has no us-east-1 web ACL; defineStage always passes one',
          },
        ]);
    }
    for (const defaultCertificate of props.siteDomain ? [scormContent] : [distribution, scormContent])
      acknowledge(defaultCertificate, [
        {
          id: 'AwsSolutions-CFR4',
          reason:
            'On its *.cloudfront.net name CloudFront fixes the viewer TLS policy; with -c siteDomain the app is served at TLS 1.2 minimum, and vendor domains always are',
        },
      ]);
    for (const fn of [apiFunction, identityFunction]) fn.addEnvironment('SCORM_CONTENT_ORIGIN', scormContentOrigin);
    // Emailed links open the app: a custom domain when one is given, else the distribution's own name.
    const publicUrl = props.publicUrl ?? `https://${distribution.distributionDomainName}`;
    for (const fn of [apiFunction, identityFunction, aggregateFunction, importFunction, jobs.worker])
      fn.addEnvironment('PUBLIC_URL', publicUrl);

    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'ScormContentUrl', { value: scormContentOrigin });
    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'SiteUrl', { value: `https://${distribution.distributionDomainName}` });
    new CfnOutput(this, 'SiteBucketName', { value: siteBucket.bucketName });
    new CfnOutput(this, 'DistributionId', { value: distribution.distributionId });
    // `aws lambda invoke` targets for hand-started runs (the report rebuild, a missed reminder run).
    new CfnOutput(this, 'JobSchedulerFunctionName', { value: jobs.scheduler.functionName });
    new CfnOutput(this, 'OriginVerifySecretArn', { value: edge.originVerifySecret.secretArn });
  }
}
