import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, StartingPosition, type Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from './nag';
import type { Operations } from './operations';

/** The context key of the platform's sending domain (`-c emailDomain=mail.example.co.jp`). */
export const EMAIL_DOMAIN_CONTEXT = 'emailDomain';
/** Stands in until a real domain is given: it never verifies, so nothing is sent from it. */
export const PLACEHOLDER_EMAIL_DOMAIN = 'manabi.invalid';

export interface EmailProps {
  stage: string;
  table: ITable;
  /** The platform's sending domain: an SES identity is created for it (DKIM records to publish). */
  domain: string;
  ops: Operations;
  /** Makes one of the app's functions (bundled like the others). */
  makeFunction: (id: string, props: { description: string; entry: string; timeout: Duration }) => LambdaFunction;
  senderEntry: string;
  eventsEntry: string;
}

/**
 * Email (issue #12): new outbox items on the table stream start the sender, which sends each
 * message at most once through SES v2 (jobs/email-sender.ts). The configuration set publishes
 * bounces and complaints to SNS → SQS → the events function, which keeps the suppression list.
 */
export class Email extends Construct {
  readonly sender: LambdaFunction;
  readonly events: LambdaFunction;
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {});
    new EmailIdentity(this, 'PlatformDomain', { identity: Identity.domain(props.domain), configurationSet: this.configurationSet });

    // Bounce and complaint events name recipients, so the topic is encrypted with a key SES may use.
    const topicKey = new Key(this, 'EventsTopicKey', {
      description: `Manabi ${props.stage}: encrypts SES bounce and complaint events`,
      enableKeyRotation: true,
    });
    topicKey.grant(new ServicePrincipal('ses.amazonaws.com'), 'kms:GenerateDataKey*', 'kms:Decrypt');
    const topic = new Topic(this, 'EventsTopic', {
      displayName: `Manabi email events (${props.stage})`,
      masterKey: topicKey,
      enforceSSL: true,
    });
    topic.addToResourcePolicy(
      new PolicyStatement({
        actions: ['sns:Publish'],
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        resources: [topic.topicArn],
        conditions: { StringEquals: { 'AWS:SourceAccount': stack.account } },
      }),
    );
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(topic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    const eventsDeadLetters = new Queue(this, 'EventsDeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(eventsDeadLetters, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the dead-letter queue of the email events queue; its depth alarms' },
    ]);
    const eventsQueue = new Queue(this, 'EventsQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.minutes(3),
      deadLetterQueue: { queue: eventsDeadLetters, maxReceiveCount: 5 },
    });
    topic.addSubscription(new SqsSubscription(eventsQueue, { rawMessageDelivery: true }));
    props.ops.watchDeadLetters(
      'EmailEventsDeadLetters',
      eventsDeadLetters,
      'Email: bounce/complaint events not applied to the suppression list',
    );

    this.events = props.makeFunction('EmailEventsFunction', {
      description: `Manabi email events (${props.stage})`,
      entry: props.eventsEntry,
      timeout: Duration.seconds(30),
    });
    this.events.addEventSource(new SqsEventSource(eventsQueue, { batchSize: 10, reportBatchItemFailures: true }));

    this.sender = props.makeFunction('EmailSenderFunction', {
      description: `Manabi email sender (${props.stage})`,
      entry: props.senderEntry,
      timeout: Duration.minutes(1),
    });
    this.sender.addEnvironment('EMAIL_DOMAIN', props.domain);
    this.sender.addEnvironment('SES_CONFIGURATION_SET', this.configurationSet.configurationSetName);
    // Vendors' own sending domains are identities verified later, so the grant covers the account's identities.
    this.sender.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }),
        ],
      }),
    );
    // The finding names the ARN as synthesized: literal when the stack's env is pinned, else placeholders.
    const identitiesArn = stack.resolve(stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })) as unknown;
    const identities =
      typeof identitiesArn === 'string' ? identitiesArn : 'arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*';
    acknowledge(this.sender, [
      {
        id: `AwsSolutions-IAM5[Resource::${identities}]`,
        reason: "Each vendor's sending domain becomes an SES identity when it is verified, after deploy; only SendEmail is allowed on them",
      },
    ]);
    const failedSends = new Queue(this, 'SenderFailedRecords', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(failedSends, [
      {
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue is itself the failure destination of the email sender stream; its depth alarms and its records are replayed by hand',
      },
    ]);
    props.ops.watchDeadLetters('EmailSenderFailedRecords', failedSends, 'Email: outbox messages SES refused after every retry (not sent)');
    this.sender.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        retryAttempts: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(failedSends),
        // Only new messages: the sender's own updates of the item (claimed, sent) are MODIFY records.
        filters: [FilterCriteria.filter({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['outbox'] } } } })],
      }),
    );
  }
}
