import { Duration, Stack, Token, type CfnResource } from 'aws-cdk-lib';
import { Distribution, CfnConnectionGroup, type DistributionProps } from 'aws-cdk-lib/aws-cloudfront';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { keys } from '../../packages/data/src/keys';
import { acknowledge } from './nag';
import type { Operations } from './operations';

/** The key prefix of a vendor's claimed host (`keys.domain`): its INSERT and REMOVE are the domain flow's events. */
export const DOMAIN_KEY_PREFIX = keys.domain('x').pk.slice(0, -1);

export interface VendorDomainsProps {
  stage: string;
  table: Table;
  ops: Operations;
  /** The app's distribution settings (behaviours, policies, web ACL, logs): vendor domains get the same. */
  distribution: DistributionProps;
}

/**
 * White-label domains (issue #12, item 4), on a CloudFront multi-tenant distribution: the vendor
 * console's domain flow claims a host (the `P#DOMAIN#<host>` item); its INSERT on the table stream
 * reaches, through an EventBridge pipe, a state machine that creates a distribution tenant for the
 * host with a CloudFront-managed certificate (HTTP validation once the vendor's CNAME points at the
 * connection group). A removed host disables its tenant. Undeliverable events and failed runs alarm.
 */
export class VendorDomains extends Construct {
  readonly distribution: Distribution;
  readonly connectionGroup: CfnConnectionGroup;
  readonly workflow: StateMachine;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: VendorDomainsProps) {
    super(scope, id);
    this.distribution = new Distribution(this, 'Distribution', props.distribution);
    const cfn = this.distribution.node.defaultChild as CfnResource;
    // A multi-tenant distribution: no endpoint of its own; its tenants carry the domains and
    // certificates (CloudFront-managed, SNI), the connection group IPv6.
    cfn.addPropertyOverride('DistributionConfig.ConnectionMode', 'tenant-only');
    cfn.addPropertyDeletionOverride('DistributionConfig.IPV6Enabled');
    this.connectionGroup = new CfnConnectionGroup(this, 'ConnectionGroup', {
      name: `manabi-${props.stage}-vendors`,
      ipv6Enabled: true,
      enabled: true,
    });

    const distributionArn = Stack.of(this).formatArn({
      service: 'cloudfront',
      region: '',
      resource: 'distribution',
      resourceName: this.distribution.distributionId,
    });
    const tenantArns = Stack.of(this).formatArn({ service: 'cloudfront', region: '', resource: 'distribution-tenant', resourceName: '*' });
    const record = '$states.input[0]';
    const host = `${record}.dynamodb.Keys.pk.S ~> $substringAfter('${DOMAIN_KEY_PREFIX}')`;
    const definition = {
      Comment: 'A vendor domain claimed or released: create or disable its distribution tenant',
      QueryLanguage: 'JSONata',
      StartAt: 'Claimed or released',
      States: {
        'Claimed or released': {
          Type: 'Choice',
          Choices: [{ Condition: `{% ${record}.eventName = 'INSERT' %}`, Next: 'Create tenant' }],
          Default: 'Find tenant',
        },
        'Create tenant': {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:cloudfront:createDistributionTenant',
          Arguments: {
            DistributionId: this.distribution.distributionId,
            ConnectionGroupId: this.connectionGroup.attrId,
            Name: `{% $replace(${host}, '.', '-') %}`,
            Domains: [{ Domain: `{% ${host} %}` }],
            ManagedCertificateRequest: { ValidationTokenHost: 'cloudfront' },
            Enabled: true,
            Tags: { Items: [{ Key: 'vendorId', Value: `{% ${record}.dynamodb.NewImage.vendorId.S %}` }] },
          },
          Retry: [{ ErrorEquals: ['CloudFront.ThrottlingException'], IntervalSeconds: 5, MaxAttempts: 5, BackoffRate: 2 }],
          End: true,
        },
        'Find tenant': {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:cloudfront:getDistributionTenantByDomain',
          Arguments: { Domain: `{% ${host} %}` },
          Next: 'Disable tenant',
        },
        'Disable tenant': {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:cloudfront:updateDistributionTenant',
          Arguments: {
            Id: '{% $states.input.DistributionTenant.Id %}',
            IfMatch: '{% $states.input.ETag %}',
            DistributionId: '{% $states.input.DistributionTenant.DistributionId %}',
            Domains: '{% [{ "Domain": $states.input.DistributionTenant.Domains[0].Domain }] %}',
            Enabled: false,
          },
          End: true,
        },
      },
    };
    const logs = new LogGroup(this, 'WorkflowLogs', { retention: RetentionDays.ONE_MONTH });
    this.workflow = new StateMachine(this, 'Workflow', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(JSON.stringify(definition)),
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
      timeout: Duration.minutes(5),
    });
    this.workflow.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['cloudfront:CreateDistributionTenant', 'cloudfront:TagResource'],
        resources: [distributionArn, tenantArns],
      }),
    );
    this.workflow.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['cloudfront:GetDistributionTenantByDomain', 'cloudfront:UpdateDistributionTenant'],
        resources: [tenantArns],
      }),
    );
    // CloudFront requests the managed certificate in ACM as the caller.
    this.workflow.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['acm:RequestCertificate', 'acm:DescribeCertificate'], resources: ['*'] }),
    );
    this.workflow.addToRolePolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['cloudfront:GetConnectionGroup'], resources: [this.connectionGroup.attrArn] }),
    );

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const pipeRole = new Role(this, 'PipeRole', { assumedBy: new ServicePrincipal('pipes.amazonaws.com') });
    props.table.grantStreamRead(pipeRole);
    this.workflow.grantStartExecution(pipeRole);
    this.deadLetters.grantSendMessages(pipeRole);
    new CfnPipe(this, 'Pipe', {
      description: `Manabi ${props.stage}: vendor domains claimed or released`,
      roleArn: pipeRole.roleArn,
      source: props.table.tableStreamArn!,
      sourceParameters: {
        dynamoDbStreamParameters: {
          startingPosition: 'LATEST',
          batchSize: 1,
          maximumRetryAttempts: 3,
          deadLetterConfig: { arn: this.deadLetters.queueArn },
        },
        filterCriteria: {
          filters: [
            {
              pattern: JSON.stringify({
                eventName: ['INSERT', 'REMOVE'],
                dynamodb: { Keys: { pk: { S: [{ prefix: DOMAIN_KEY_PREFIX }] } } },
              }),
            },
          ],
        },
      },
      target: this.workflow.stateMachineArn,
      targetParameters: { stepFunctionStateMachineParameters: { invocationType: 'FIRE_AND_FORGET' } },
    }).node.addDependency(pipeRole);

    props.ops.watchDeadLetters(
      'VendorDomainDeadLetters',
      this.deadLetters,
      'Vendor domains: a claimed or released host never reached its workflow',
    );
    props.ops.watchWorkflow('VendorDomainWorkflow', this.workflow);
    acknowledge(this.deadLetters, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter queue of the vendor-domain pipe; its depth alarms' },
    ]);
    acknowledge(this.workflow, [
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'acm:RequestCertificate has no resource-level permission; the managed certificate is requested through CloudFront',
      },
      // Named with the account when the stack is pinned to one (every stage is).
      ...[
        ...(Token.isUnresolved(Stack.of(this).account) ? [] : [`arn:aws:cloudfront::${Stack.of(this).account}:distribution-tenant/*`]),
        'arn:<AWS::Partition>:cloudfront::<AWS::AccountId>:distribution-tenant/*',
      ].map((resource) => ({
        id: `AwsSolutions-IAM5[Resource::${resource}]`,
        reason: 'Tenants are created at run time, one per vendor host; their ids are not known to the stack',
      })),
    ]);
    acknowledge(pipeRole, [
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'dynamodb:ListStreams, which reading the table stream needs, has no resource-level permissions',
      },
    ]);
    acknowledge(this.distribution, [
      { id: 'AwsSolutions-CFR1', reason: 'Companies employees sign in from anywhere; access is decided by account, not by country' },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'A multi-tenant distribution serves no host itself; each vendor host is a tenant with its own CloudFront-managed ACM certificate',
      },
    ]);
  }
}
