import { describe, expect, it } from 'vitest';
import { synthStage } from './testing';
import { TENANT_JOB_ATTEMPTS, TENANT_JOB_TIMEOUT } from './tenant-jobs';

type Json = Record<string, unknown>;
const idOf = (resources: Record<string, Json>, prefix: string): string => {
  const ids = Object.keys(resources).filter((id) => id.startsWith(prefix));
  expect(ids, prefix).toHaveLength(1);
  return ids[0]!;
};
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

describe('daily jobs fan out per company, and every asynchronous target has a dead-letter queue that alarms', () => {
  const { main } = synthStage();
  const queues = main.findResources('AWS::SQS::Queue');
  const functions = main.findResources('AWS::Lambda::Function');
  const alarms = Object.values(main.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties as Json);
  /** Whether an alarm watches a queue's visible messages. */
  const alarmed = (queueId: string) =>
    alarms.some(
      (a) =>
        a.MetricName === 'ApproximateNumberOfMessagesVisible' &&
        JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }]),
    );

  it('starts the scheduler daily with the job as input, parking undeliverable events', () => {
    const scheduler = idOf(functions, 'JobSchedulerFunction');
    const failures = idOf(queues, 'JobsSchedulerFailures');
    const rules = Object.values(main.findResources('AWS::Events::Rule')).map((r) => r.Properties as Json);
    const daily = rules
      .map((r) => ({ cron: r.ScheduleExpression, target: (r.Targets as Json[])[0]! }))
      .sort((a, b) => String(a.cron).localeCompare(String(b.cron)));
    expect(daily.map((d) => [d.cron, JSON.parse(d.target.Input as string)])).toEqual([
      ['cron(0 23 * * ? *)', { job: 'reminders' }],
      ['cron(30 23 * * ? *)', { job: 'digest' }],
    ]);
    for (const { target } of daily) {
      expect(target.Arn).toEqual(arnOf(scheduler));
      expect(target.DeadLetterConfig).toEqual({ Arn: arnOf(failures) });
    }
    // A run that fails after Lambda's retries is kept with its input too.
    main.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: scheduler },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: arnOf(failures) } },
    });
    expect(alarmed(failures)).toBe(true);
  });

  it('gives the scheduler the FIFO queue the worker drains one company at a time', () => {
    const queue = idOf(queues, 'JobsQueue');
    const deadLetters = idOf(queues, 'JobsDeadLetters');
    expect(queues[queue]!.Properties).toMatchObject({
      FifoQueue: true,
      VisibilityTimeout: TENANT_JOB_TIMEOUT.toSeconds() * 6,
      RedrivePolicy: { deadLetterTargetArn: arnOf(deadLetters), maxReceiveCount: TENANT_JOB_ATTEMPTS },
    });
    expect(queues[deadLetters]!.Properties).toMatchObject({ FifoQueue: true });
    expect(alarmed(deadLetters)).toBe(true);
    const scheduler = functions[idOf(functions, 'JobSchedulerFunction')]!.Properties as { Environment: { Variables: Json } };
    expect(scheduler.Environment.Variables.JOB_QUEUE_URL).toEqual({ Ref: queue });
    const worker = idOf(functions, 'TenantJobFunction');
    expect((functions[worker]!.Properties as Json).Timeout).toBe(TENANT_JOB_TIMEOUT.toSeconds());
    main.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: worker },
      EventSourceArn: arnOf(queue),
      BatchSize: 1,
    });
  });

  it('parks what every stream consumer and queue consumer could not process, in a queue with an alarm', () => {
    const mappings = Object.values(main.findResources('AWS::Lambda::EventSourceMapping')).map((m) => m.Properties as Json);
    const fromStream = mappings.filter((m) => JSON.stringify(m.EventSourceArn).includes('StreamArn'));
    // The report aggregator (poison batches included), the import worker and the email sender.
    expect(fromStream).toHaveLength(3);
    for (const m of fromStream) {
      const destination = (m.DestinationConfig as { OnFailure: { Destination: { 'Fn::GetAtt': [string] } } }).OnFailure.Destination;
      expect(alarmed(destination['Fn::GetAtt'][0]), JSON.stringify(m.FunctionName)).toBe(true);
    }
    const fromQueues = mappings.filter((m) => !fromStream.includes(m));
    expect(fromQueues.length).toBeGreaterThanOrEqual(2);
    for (const m of fromQueues) {
      const source = (m.EventSourceArn as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
      const redrive = (queues[source]!.Properties as { RedrivePolicy?: { deadLetterTargetArn: { 'Fn::GetAtt': [string] } } }).RedrivePolicy;
      expect(redrive, source).toBeDefined();
      expect(alarmed(redrive!.deadLetterTargetArn['Fn::GetAtt'][0]), source).toBe(true);
    }
  });
});
