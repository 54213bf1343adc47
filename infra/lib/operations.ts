import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogField, AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpStage, LogGroupLogDestination, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault, type IBackupVault } from 'aws-cdk-lib/aws-backup';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

/** Where backups are copied: Osaka, so every copy of the data stays in Japan. */
export const BACKUP_COPY_REGION = 'ap-northeast-3';
/** The home region every stage is pinned to. */
export const HOME_REGION = 'ap-northeast-1';
/** Daily backups (and their Osaka copies) are kept this long; PITR covers the last 35 days to the second. */
export const BACKUP_RETENTION_DAYS = 35;

/**
 * How long each kind of log is kept. Function logs hold request ids, tenant and user ids and
 * errors (never emails or tokens): a month is enough to investigate an incident. API access logs
 * (status, route, latency, source IP) are kept a quarter for abuse and security reviews.
 */
export const LOG_RETENTION = {
  function: RetentionDays.ONE_MONTH,
  apiAccess: RetentionDays.THREE_MONTHS,
} as const;

/** API Gateway stage throttling: far above a company's peak, low enough to stop a runaway client. */
export const API_THROTTLE = { rateLimit: 200, burstLimit: 400 } as const;

/** The name of the copy vault in ap-northeast-3 (a stack of its own creates it: BackupCopyStack). */
export const backupCopyVaultName = (stage: string): string => `manabi-${stage}-copy`;

export interface OperationsProps {
  stage: string;
}

/**
 * Operations (issue #12, item 7): one alarm topic every alarm goes to, log groups with their
 * retention, the API's stage (access logs, throttling), the bucket that receives access logs,
 * and the table's daily backup with a copy to Osaka.
 */
export class Operations extends Construct {
  readonly alarmTopic: Topic;
  /** Receives S3 server access logs and CloudFront standard logs. */
  readonly accessLogs: Bucket;
  private readonly stage: string;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.stage = props.stage;
    this.alarmTopic = new Topic(this, 'AlarmTopic', { displayName: `Manabi alarms (${props.stage})`, enforceSSL: true });
    acknowledge(this.alarmTopic, [
      {
        id: 'AwsSolutions-SNS2',
        reason:
          'Alarm notifications carry no customer data; CloudWatch cannot publish to a topic encrypted with the AWS managed SNS key, and a customer key only for alarm names is not worth its cost',
      },
    ]);

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are delivered with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(365) }],
    });
    acknowledge(this.accessLogs, [
      { id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it into itself would loop' },
    ]);
  }

  /** A log group for a function, with the retention of function logs. */
  functionLogGroup(scope: Construct, id: string): LogGroup {
    return new LogGroup(scope, id, { retention: LOG_RETENTION.function, removalPolicy: RemovalPolicy.DESTROY });
  }

  /**
   * The API's `$default` stage with access logs and throttling. Paths are not logged: SCORM
   * content paths carry a session token (`/scorm/s/<token>/…`), so the route key stands in.
   */
  apiStage(api: HttpApi): HttpStage {
    const logGroup = new LogGroup(this, 'ApiAccessLogs', { retention: LOG_RETENTION.apiAccess, removalPolicy: RemovalPolicy.DESTROY });
    return new HttpStage(this, 'ApiDefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(logGroup),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: AccessLogField.contextRequestId(),
            time: AccessLogField.contextRequestTimeEpoch(),
            ip: AccessLogField.contextIdentitySourceIp(),
            method: AccessLogField.contextHttpMethod(),
            route: AccessLogField.contextRouteKey(),
            status: AccessLogField.contextStatus(),
            latency: AccessLogField.contextResponseLatency(),
            integrationLatency: AccessLogField.contextIntegrationLatency(),
            integrationError: AccessLogField.contextIntegrationErrorMessage(),
            length: AccessLogField.contextResponseLength(),
          }),
        ),
      },
    });
  }

  private alarm(id: string, props: { description: string; metric: IMetric; threshold: number; evaluationPeriods?: number }): Alarm {
    const alarm = new Alarm(this, id, {
      alarmDescription: props.description,
      metric: props.metric,
      threshold: props.threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: props.evaluationPeriods ?? 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.alarmTopic));
    return alarm;
  }

  /** Errors and throttles of a function. */
  watchFunction(name: string, fn: LambdaFunction): void {
    this.alarm(`${name}Errors`, {
      description: `${name}: invocations ended in an error`,
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 0,
    });
    this.alarm(`${name}Throttles`, {
      description: `${name}: invocations throttled (concurrency limit reached)`,
      metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 0,
    });
  }

  /** A stream consumer more than 5 minutes behind the table's stream (records expire after 24 h). */
  watchStreamConsumer(name: string, fn: LambdaFunction): void {
    this.alarm(`${name}IteratorAge`, {
      description: `${name} is more than 5 minutes behind the table stream`,
      metric: fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(1) }),
      threshold: 5 * 60 * 1000,
      evaluationPeriods: 5,
    });
  }

  /** Any message in a dead-letter queue: work that failed every retry. */
  watchDeadLetters(name: string, queue: Queue, description: string): void {
    this.alarm(`${name}Depth`, {
      description,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 0,
    });
  }

  /** A state machine run that failed (a vendor domain's tenant not created or not disabled). */
  watchWorkflow(name: string, workflow: StateMachine): void {
    this.alarm(`${name}Failures`, {
      description: `${name}: executions failed`,
      metric: workflow.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 0,
    });
  }

  /** Server errors answered by the API (the Lambda failing or timing out). */
  watchApi(api: HttpApi): void {
    this.alarm('Api5xx', {
      description: 'API answered 5xx responses',
      metric: api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 5,
    });
  }

  /** Requests DynamoDB throttled (on-demand tables throttle on sudden peaks and hot partitions). */
  watchTable(table: Table): void {
    const metric = (name: string) => table.metric(name, { period: Duration.minutes(5), statistic: 'Sum' });
    this.alarm('TableThrottles', {
      description: 'DynamoDB throttled reads or writes on the table',
      metric: new MathExpression({
        expression: 'r + w',
        usingMetrics: { r: metric('ReadThrottleEvents'), w: metric('WriteThrottleEvents') },
        period: Duration.minutes(5),
        label: 'Throttle events',
      }),
      threshold: 0,
    });
  }

  /**
   * A daily backup of the table (03:00 JST), kept 35 days, each copied to the stage's vault in
   * ap-northeast-3. PITR (on the table) covers the last 35 days to the second; these survive the
   * table's deletion and a regional outage.
   */
  backUp(table: Table): BackupPlan {
    const account = Stack.of(this).account;
    const vault = new BackupVault(this, 'BackupVault', { removalPolicy: RemovalPolicy.RETAIN });
    const copyVault: IBackupVault = BackupVault.fromBackupVaultArn(
      this,
      'CopyVault',
      `arn:${Stack.of(this).partition}:backup:${BACKUP_COPY_REGION}:${account}:backup-vault:${backupCopyVaultName(this.stage)}`,
    );
    const plan = new BackupPlan(this, 'BackupPlan', { backupVault: vault });
    plan.addRule(
      new BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: Schedule.cron({ minute: '0', hour: '18' }),
        deleteAfter: Duration.days(BACKUP_RETENTION_DAYS),
        copyActions: [{ destinationBackupVault: copyVault, deleteAfter: Duration.days(BACKUP_RETENTION_DAYS) }],
      }),
    );
    const selection = plan.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(table)] });
    acknowledge(selection, [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        reason:
          'The AWS Backup service role policy is what AWS Backup documents for taking backups; it is kept current by AWS as services are added',
      },
    ]);
    return plan;
  }
}
