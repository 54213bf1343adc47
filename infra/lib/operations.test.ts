import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthStage } from './testing';

type Json = Record<string, unknown>;

describe('operations (template assertions)', () => {
  const { app, main, backupCopy } = synthStage({ stage: 'prod', account: '222222222222' });
  const idOf = (type: string, prefix: string): string => {
    const ids = Object.keys(main.findResources(type)).filter((id) => id.startsWith(prefix));
    expect(ids, `${type} ${prefix}`).toHaveLength(1);
    return ids[0]!;
  };

  it('pins the stacks of a stage to its account, the app to Tokyo, the backup copies to Osaka and the CloudFront web ACL to us-east-1', () => {
    const stacks = app.node.children.filter((c) => 'region' in c) as unknown as { stackName: string; account: string; region: string }[];
    expect(stacks.map((s) => [s.stackName, s.account, s.region]).sort()).toEqual([
      ['Manabi-prod', '222222222222', 'ap-northeast-1'],
      ['Manabi-prod-BackupCopy', '222222222222', 'ap-northeast-3'],
      ['Manabi-prod-WebAcl', '222222222222', 'us-east-1'],
    ]);
    backupCopy.hasResourceProperties('AWS::Backup::BackupVault', { BackupVaultName: 'manabi-prod-copy' });
    expect(() => synthStage({ account: undefined })).toThrow('context "account"');
    expect(() => synthStage({ stage: 'staging' })).toThrow('context "stage"');
  });

  it('protects the table: deletion protection, point-in-time recovery, retained with the stack', () => {
    main.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    });
  });

  it('backs the table up daily at 03:00 JST for 35 days, each backup copied to the Osaka vault', () => {
    const tableId = idOf('AWS::DynamoDB::Table', 'Table');
    main.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: {
        BackupPlanName: Match.anyValue(),
        BackupPlanRule: [
          Match.objectLike({
            ScheduleExpression: 'cron(0 18 * * ? *)',
            Lifecycle: { DeleteAfterDays: 35 },
            CopyActions: [
              {
                DestinationBackupVaultArn: 'arn:aws:backup:ap-northeast-3:222222222222:backup-vault:manabi-prod-copy',
                Lifecycle: { DeleteAfterDays: 35 },
              },
            ],
          }),
        ],
      },
    });
    main.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': [tableId, 'Arn'] }] }),
    });
  });

  it('versions the object and site buckets and logs their access to the access-log bucket', () => {
    const logs = idOf('AWS::S3::Bucket', 'OperationsAccessLogs');
    for (const [prefix, logPrefix] of [
      ['ObjectBucket', 'object-bucket/'],
      ['SiteBucket', 'site-bucket/'],
    ] as const) {
      const bucket = main.findResources('AWS::S3::Bucket')[idOf('AWS::S3::Bucket', prefix)]!.Properties as Json;
      expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(bucket.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logs }, LogFilePrefix: logPrefix });
      // Old versions do not pile up for ever (deleted files are gone after 30 days).
      expect(JSON.stringify(bucket.LifecycleConfiguration)).toContain('"NoncurrentVersionExpiration":{"NoncurrentDays":30}');
    }
    // The distributions (app, SCORM content, vendor domains) write their standard logs there too.
    const distributions = Object.values(main.findResources('AWS::CloudFront::Distribution'));
    expect(distributions).toHaveLength(3);
    for (const d of distributions) {
      expect(JSON.stringify((d.Properties as { DistributionConfig: Json }).DistributionConfig.Logging)).toContain(logs);
    }
  });

  it('logs API access (no paths: SCORM paths carry tokens) and throttles the stage', () => {
    const accessLogs = idOf('AWS::Logs::LogGroup', 'OperationsApiAccessLogs');
    main.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [accessLogs, 'Arn'] }, Format: Match.stringLikeRegexp('routeKey') },
    });
    const format = JSON.stringify(main.findResources('AWS::ApiGatewayV2::Stage'));
    expect(format).not.toContain('$context.path');
    expect(format).not.toContain('$context.resourcePath');
    expect(Object.keys(main.findResources('AWS::ApiGatewayV2::Stage'))).toHaveLength(1);
  });

  it('keeps each log group for its own time: function logs a month, API access logs a quarter', () => {
    const groups = main.findResources('AWS::Logs::LogGroup');
    const retention = Object.fromEntries(
      Object.entries(groups).map(([id, g]) => [id.replace(/[0-9A-F]{8}$/, ''), (g.Properties as Json).RetentionInDays]),
    );
    expect(retention).toEqual({
      ApiFunctionLogs: 30,
      IdentityFunctionLogs: 30,
      EmailSenderFunctionLogs: 30,
      EmailEventsFunctionLogs: 30,
      AggregateFunctionLogs: 30,
      ImportFunctionLogs: 30,
      JobSchedulerFunctionLogs: 30,
      TenantJobFunctionLogs: 30,
      SiteDeploymentLogs: 30,
      VendorDomainsWorkflowLogs: 30,
      OperationsApiAccessLogs: 90,
    });
    // Every function of the app writes to its own group (CDK's bucket-deployment handler keeps its default).
    for (const [id, fn] of Object.entries(main.findResources('AWS::Lambda::Function')).filter(([, f]) => f.Metadata?.['manabi:entry'])) {
      const group = ((fn.Properties as Json).LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(group.startsWith(id.replace(/[0-9A-F]{8}$/, ''))).toBe(true);
    }
  });

  it('raises every alarm on the alarm topic: 5xx, function errors and throttles, iterator age, DLQ depth, table throttles', () => {
    const topic = idOf('AWS::SNS::Topic', 'OperationsAlarmTopic');
    const alarms = Object.values(main.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties as Json);
    for (const a of alarms) expect(a.AlarmActions, String(a.AlarmDescription)).toEqual([{ Ref: topic }]);
    const metric = (a: Json) => `${String(a.Namespace ?? 'expr')}/${String(a.MetricName ?? (a.Metrics ? 'math' : '?'))}`;
    const count = (name: string) => alarms.filter((a) => metric(a) === name).length;
    expect(count('AWS/ApiGateway/5xx')).toBe(1);
    expect(count('AWS/Lambda/Errors')).toBe(8);
    expect(count('AWS/Lambda/Throttles')).toBe(8);
    // The aggregator, the import worker and the email sender follow the table stream.
    expect(count('AWS/Lambda/IteratorAge')).toBe(3);
    // Stream records parked by the aggregator, the import worker and the email sender; email events
    // not applied; a company's daily job that failed every delivery; a daily run that could not start;
    // a vendor host's event that never reached its workflow.
    expect(count('AWS/SQS/ApproximateNumberOfMessagesVisible')).toBe(7);
    const throttles = alarms.find((a) => a.Metrics !== undefined);
    expect(JSON.stringify(throttles)).toContain('ReadThrottleEvents');
    expect(JSON.stringify(throttles)).toContain('WriteThrottleEvents');
    main.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      }),
    });
  });

  it('runs every function on Node.js 24 arm64', () => {
    // The app's functions; CDK's bucket-deployment handler (it publishes the SPA) is CDK's own.
    const fns = Object.values(main.findResources('AWS::Lambda::Function'))
      .filter((f) => f.Metadata?.['manabi:entry'])
      .map((f) => f.Properties as Json);
    expect(fns).toHaveLength(8);
    for (const fn of fns) {
      expect(fn.Runtime).toBe('nodejs24.x');
      expect(fn.Architectures).toEqual(['arm64']);
    }
  });
});
