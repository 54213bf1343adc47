import { Duration } from 'aws-cdk-lib';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { JobRequest } from '../../functions/api/src/jobs/tenant-jobs';
import { acknowledge } from './nag';
import type { Operations } from './operations';

/** A tenant job may take up to the worker's 15 minutes; SQS hides a message six times that while it runs (AWS's advice for Lambda). */
export const TENANT_JOB_TIMEOUT = Duration.minutes(15);
/** Deliveries of one company's job before it is parked in the dead-letter queue. */
export const TENANT_JOB_ATTEMPTS = 3;

/** The daily schedule (UTC crons): reminders at 08:00 JST, the digest after them at 08:30 JST. */
export const DAILY_JOBS: { id: string; description: string; cron: { minute: string; hour: string }; request: JobRequest }[] = [
  {
    id: 'RemindersSchedule',
    description: 'Daily reminders at 08:00 JST',
    cron: { minute: '0', hour: '23' },
    request: { job: 'reminders' },
  },
  {
    id: 'DigestSchedule',
    description: 'Daily notification digest at 08:30 JST',
    cron: { minute: '30', hour: '23' },
    request: { job: 'digest' },
  },
];

export interface TenantJobsProps {
  ops: Operations;
  makeFunction: (id: string, props: { description: string; entry: string; timeout: Duration; memorySize?: number }) => LambdaFunction;
  schedulerEntry: string;
  workerEntry: string;
  stage: string;
}

const queueDefaults = { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true } as const;

/**
 * The daily jobs, fanned out per company (issue #12, item 6): EventBridge starts the scheduler,
 * which Queries the tenant registry and puts one message per company on an SQS FIFO queue (one
 * message group per company); the worker runs one company's job per invocation. Failures land in
 * dead-letter queues that alarm: a job that failed every delivery, and a scheduler run that
 * failed (EventBridge could not invoke it, or it failed after Lambda's retries).
 */
export class TenantJobs extends Construct {
  readonly scheduler: LambdaFunction;
  readonly worker: LambdaFunction;
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly schedulerFailures: Queue;

  constructor(scope: Construct, id: string, props: TenantJobsProps) {
    super(scope, id);
    this.deadLetters = new Queue(this, 'DeadLetters', { ...queueDefaults, fifo: true, retentionPeriod: Duration.days(14) });
    this.queue = new Queue(this, 'Queue', {
      ...queueDefaults,
      fifo: true,
      visibilityTimeout: Duration.minutes(TENANT_JOB_TIMEOUT.toMinutes() * 6),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: TENANT_JOB_ATTEMPTS },
    });
    this.schedulerFailures = new Queue(this, 'SchedulerFailures', { ...queueDefaults, retentionPeriod: Duration.days(14) });
    for (const parked of [this.deadLetters, this.schedulerFailures])
      acknowledge(parked, [
        {
          id: 'AwsSolutions-SQS3',
          reason:
            'This queue is itself a dead-letter queue: its depth alarms, and its messages are redriven by hand once the cause is fixed',
        },
      ]);

    this.scheduler = props.makeFunction('JobSchedulerFunction', {
      description: `Manabi job scheduler (${props.stage})`,
      entry: props.schedulerEntry,
      // One Query of the tenant registry and one SendMessageBatch per 10 companies.
      timeout: Duration.minutes(5),
    });
    this.scheduler.addEnvironment('JOB_QUEUE_URL', this.queue.queueUrl);
    this.queue.grantSendMessages(this.scheduler);
    // An asynchronous invocation that still fails after Lambda's two retries is kept, with its input.
    this.scheduler.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(this.schedulerFailures) });
    for (const daily of DAILY_JOBS)
      new Rule(scope, daily.id, {
        description: daily.description,
        schedule: Schedule.cron(daily.cron),
        targets: [
          new LambdaTarget(this.scheduler, {
            event: RuleTargetInput.fromObject(daily.request),
            // EventBridge could not deliver (throttled, function missing): the event is kept too.
            deadLetterQueue: this.schedulerFailures,
            retryAttempts: 8,
          }),
        ],
      });

    this.worker = props.makeFunction('TenantJobFunction', {
      description: `Manabi tenant jobs (${props.stage})`,
      entry: props.workerEntry,
      timeout: TENANT_JOB_TIMEOUT,
    });
    // One company per invocation: a failure retries only that company's job.
    this.worker.addEventSource(new SqsEventSource(this.queue, { batchSize: 1 }));

    props.ops.watchDeadLetters('TenantJobDeadLetters', this.deadLetters, 'Daily jobs: a company’s job failed every delivery');
    props.ops.watchDeadLetters('JobSchedulerFailures', this.schedulerFailures, 'Daily jobs: a scheduled run could not start');
  }
}
