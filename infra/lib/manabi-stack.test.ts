import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TTL_ATTRIBUTE, tableDefinition } from '../../packages/data/src/table';
import { ManabiStack, REPO_ROOT } from './manabi-stack';

const TIMEOUT = 180_000; // also set here: the root vitest config may not carry infra's timeouts

type Json = Record<string, unknown>;
const byName = <T extends { AttributeName: string }>(xs: T[]): T[] =>
  [...xs].sort((a, b) => a.AttributeName.localeCompare(b.AttributeName));
const byIndex = <T extends { IndexName: string }>(xs: T[]): T[] => [...xs].sort((a, b) => a.IndexName.localeCompare(b.IndexName));

/** The one resource of a type in a template, with its logical id. */
function only(resources: Record<string, Json>, type: string): [string, Json] {
  const entries = Object.entries(resources);
  expect(entries, `exactly one ${type}`).toHaveLength(1);
  return entries[0]!;
}

describe('ManabiStack template', () => {
  let template: Template;

  beforeAll(() => {
    // Same feature flags as `cdk synth` (root cdk.json), so the template matches what deploys.
    const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Json };
    const app = new App({ context: cdkJson.context });
    template = Template.fromStack(new ManabiStack(app, 'Manabi-test', { stage: 'test' }));
  }, TIMEOUT);

  it('builds the table from packages/data tableDefinition()', () => {
    const def = tableDefinition();
    const [tableId, table] = only(template.findResources('AWS::DynamoDB::Table'), 'table');
    const props = table.Properties as Json & {
      AttributeDefinitions: { AttributeName: string }[];
      GlobalSecondaryIndexes: { IndexName: string }[];
    };

    expect(props.KeySchema).toEqual(def.keySchema);
    expect(byName(props.AttributeDefinitions)).toEqual(byName(def.attributeDefinitions));
    expect(byIndex(props.GlobalSecondaryIndexes)).toEqual(byIndex(def.globalSecondaryIndexes));
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
    expect(props.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(props.BillingMode).toBe('PAY_PER_REQUEST');
    expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(template.findOutputs('TableName').TableName?.Value).toEqual({ Ref: tableId });
  });

  it('runs the API on Node.js 24 arm64 with TABLE_NAME pointing at the table', () => {
    const [tableId] = only(template.findResources('AWS::DynamoDB::Table'), 'table');
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Environment: { Variables: Match.objectLike({ TABLE_NAME: { Ref: tableId } }) },
    });
    // grantReadWriteData: a policy allowing item writes on the table
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['dynamodb:PutItem', 'dynamodb:Query']),
            Resource: Match.arrayWith([{ 'Fn::GetAtt': [tableId, 'Arn'] }]),
          }),
        ]),
      },
    });
  });

  it('gives the API the memory to import a maximum-size SCORM zip, and expires staged uploads nobody completed', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Manabi API (test)',
      MemorySize: 1536,
      Timeout: 29,
    });
    // The other functions keep the default.
    template.hasResourceProperties('AWS::Lambda::Function', { Description: 'Manabi tenant jobs (test)', MemorySize: 512 });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Id: 'ExpireStagedUploads', Prefix: 'staging/', ExpirationInDays: 1, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('feeds the changes reports count (and removals) from the table stream to the report aggregator', () => {
    const entities = ['attempt', 'assignment', 'goal', 'standing', 'proficiency', 'user', 'skillFramework', 'session'];
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      DestinationConfig: {
        OnFailure: { Destination: Match.objectLike({ 'Fn::GetAtt': [Match.stringLikeRegexp('AggregateFailedRecords'), 'Arn'] }) },
      },
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ dynamodb: { NewImage: { entity: { S: entities } } } }) },
          { Pattern: JSON.stringify({ eventName: ['REMOVE'], dynamodb: { OldImage: { entity: { S: entities } } } }) },
        ],
      },
    });
  });

  it('starts the import worker from new import job records on the table stream, one job per invocation', () => {
    const [workerId] = Object.entries(template.findResources('AWS::Lambda::Function')).find(
      ([, r]) => (r.Properties as Json).Description === 'Manabi import worker (test)',
    )!;
    template.hasResourceProperties('AWS::Lambda::Function', { Description: 'Manabi import worker (test)', Timeout: 900 });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: workerId },
      BatchSize: 1,
      MaximumRetryAttempts: 3,
      FilterCriteria: {
        Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['importJob'] } } } }) }],
      },
    });
    // It reads the job's file from the object bucket and writes the table.
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p).includes(workerId.replace(/[0-9A-F]{8}$/, '')),
    );
    const text = JSON.stringify(policies);
    expect(text).toContain('s3:GetObject');
    expect(text).toContain('dynamodb:UpdateItem');
  });

  it('parks stream records that still fail in a queue, with alarms on its depth and on the iterator age', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('AggregateFailedRecords'), 'QueueName'] } }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'IteratorAge', Namespace: 'AWS/Lambda' });
    // The aggregator may send the positions of failed records to the queue.
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['sqs:SendMessage']),
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('AggregateFailedRecords'), 'Arn'] },
          }),
        ]),
      }),
    });
  });

  it('routes /api/{proxy+} through the HTTP API and CloudFront', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/{proxy+}' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /scim/{proxy+}' });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [Match.objectLike({ PathPattern: '/api/*' }), Match.objectLike({ PathPattern: '/scim/*' })],
      }),
    });
    // Lesson files go straight between the browser and the object bucket at presigned URLs.
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['PUT', 'GET'] })] },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    expect(Object.keys(template.findOutputs('*'))).toEqual(expect.arrayContaining(['TableName', 'ApiUrl', 'SiteUrl']));
  });

  it('tells the API which host the visitor asked for (white-label) and where uploaded images go', () => {
    // The /api/* behaviour runs a viewer-request function that copies Host into x-viewer-host.
    const functions = Object.values(template.findResources('AWS::CloudFront::Function')).map(
      (f) => (f as { Properties: { FunctionCode: string } }).Properties.FunctionCode,
    );
    expect(functions.some((code) => code.includes("request.headers['x-viewer-host']"))).toBe(true);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({ PathPattern: '/api/*', FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })] }),
          Match.objectLike({ PathPattern: '/scim/*', FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })] }),
        ],
      }),
    });
    // The object bucket is private; the API function knows it and may read and write it.
    const buckets = Object.keys(template.findResources('AWS::S3::Bucket')).filter((id) => id.startsWith('ObjectBucket'));
    expect(buckets).toHaveLength(1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ OBJECT_BUCKET: { Ref: buckets[0] } }) },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['s3:PutObject']),
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [buckets[0], 'Arn'] }, '/*']] },
          }),
        ]),
      },
    });
  });

  it('serves SCORM content from a distribution of its own, which the API knows as its content origin', () => {
    const distributions = template.findResources('AWS::CloudFront::Distribution');
    const content = Object.entries(distributions).find(([id]) => id.startsWith('ScormContent'));
    expect(content).toBeDefined();
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          SCORM_CONTENT_ORIGIN: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [content![0], 'DomainName'] }]] },
        }),
      },
    });
    // Every path of it goes to the API (with the viewer's host), which answers only SCORM content there.
    const config = (content![1].Properties as { DistributionConfig: Json }).DistributionConfig as {
      DefaultCacheBehavior: { FunctionAssociations: unknown[]; AllowedMethods: string[] };
    };
    expect(config.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
    expect(config.DefaultCacheBehavior.AllowedMethods).toContain('POST');
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /scorm/{proxy+}' });
  });
});

describe('cdk synth (real CLI, offline)', () => {
  let outDir: string;

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'manabi-cdk-'));
  });
  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it(
    'synthesizes Manabi-dev with the bundled API',
    async () => {
      // No AWS credentials or settings, no CDK_* from the caller; nothing that reaches the network.
      const env: NodeJS.ProcessEnv = Object.fromEntries(
        Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_') && !k.startsWith('CDK_')),
      );
      Object.assign(env, {
        AWS_CONFIG_FILE: join(outDir, 'no-aws-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(outDir, 'no-aws-credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        CDK_DISABLE_VERSION_CHECK: '1',
        CDK_DISABLE_CLI_TELEMETRY: '1',
        CI: 'true',
      });
      const cdk = join(REPO_ROOT, 'infra', 'node_modules', '.bin', 'cdk');
      const args = ['synth', '--no-notices', '-q', '-o', outDir, '-c', 'account=111111111111'];

      const started = Date.now();
      const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
        // cwd = repo root, so the CLI reads the real root cdk.json ("app", context flags).
        execFile(cdk, args, { cwd: REPO_ROOT, env, timeout: TIMEOUT - 20_000 }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ code, output: `${stdout}\n${stderr}` });
        });
      });
      console.info(`cdk synth took ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(result.code, result.output).toBe(0);

      const templatePath = join(outDir, 'Manabi-dev.template.json');
      expect(existsSync(templatePath), result.output).toBe(true);
      const tpl = JSON.parse(readFileSync(templatePath, 'utf8')) as { Resources: Record<string, Json> };
      const ofType = (type: string) => Object.values(tpl.Resources).filter((r) => r.Type === type);
      expect(ofType('AWS::DynamoDB::Table')).toHaveLength(1);

      const api = ofType('AWS::Lambda::Function').find(
        (r) => (r.Properties as Json).Runtime === 'nodejs24.x' && (r.Properties as Json).Handler === 'index.handler',
      );
      expect(api, 'API function in the template').toBeDefined();
      const assetPath = (api!.Metadata as Json)['aws:asset:path'];
      expect(typeof assetPath).toBe('string');
      const bundle = join(outDir, assetPath as string, 'index.mjs');
      expect(existsSync(bundle), `${bundle} exists`).toBe(true);
      expect(statSync(bundle).size).toBeGreaterThan(0);

      // The API and the aggregator draw certificates: the Japanese font sits next to their bundles.
      const drawing = ofType('AWS::Lambda::Function').filter((r) =>
        /^Manabi (API|report aggregator) /.test(String((r.Properties as Json).Description)),
      );
      expect(drawing).toHaveLength(2);
      for (const fn of drawing)
        for (const font of ['NotoSansJP_400Regular.ttf', 'NotoSansJP_700Bold.ttf'])
          expect(existsSync(join(outDir, (fn.Metadata as Json)['aws:asset:path'] as string, 'fonts', font)), font).toBe(true);
      // The API's bundle carries the SCORM runtime (scorm-again) it serves on the content origin.
      const assets = ofType('AWS::Lambda::Function')
        .map((r) => (r.Metadata as Json)['aws:asset:path'])
        .filter((p): p is string => typeof p === 'string');
      expect(assets.some((p) => existsSync(join(outDir, p, 'scorm-again.min.js')))).toBe(true);
    },
    TIMEOUT,
  );
});
