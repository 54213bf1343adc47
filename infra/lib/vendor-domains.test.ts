import { describe, expect, it } from 'vitest';
import { keys } from '../../packages/data/src/keys';
import { synthStage } from './testing';
import { DOMAIN_KEY_PREFIX } from './vendor-domains';

type Json = Record<string, unknown>;

describe('vendor custom domains: a multi-tenant distribution, tenants created from the domain flow’s event', () => {
  const { main } = synthStage();
  const only = (type: string, prefix: string): [string, Json] => {
    const found = Object.entries(main.findResources(type)).filter(([id]) => id.startsWith(prefix));
    expect(found, `${type} ${prefix}`).toHaveLength(1);
    return found[0] as [string, Json];
  };

  it('serves vendor hosts from a multi-tenant distribution with the app’s behaviours, WAF and logs, reached through a connection group', () => {
    const [distributionId, distribution] = only('AWS::CloudFront::Distribution', 'VendorDomainsDistribution');
    const config = (distribution.Properties as { DistributionConfig: Json }).DistributionConfig;
    expect(config.ConnectionMode).toBe('tenant-only');
    expect(config.IPV6Enabled).toBeUndefined();
    expect(config.WebACLId).toBeDefined();
    expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/vendors/' });
    expect((config.CacheBehaviors as Json[]).map((b) => b.PathPattern)).toEqual(['/api/*', '/scim/*']);
    const [siteId, site] = only('AWS::CloudFront::Distribution', 'Site');
    expect(siteId).not.toBe(distributionId);
    const siteConfig = (site.Properties as { DistributionConfig: Json }).DistributionConfig;
    expect((config.DefaultCacheBehavior as Json).ResponseHeadersPolicyId).toEqual(
      (siteConfig.DefaultCacheBehavior as Json).ResponseHeadersPolicyId,
    );
    const [groupId] = only('AWS::CloudFront::ConnectionGroup', 'VendorDomainsConnectionGroup');
    // Vendors point their host's CNAME here.
    expect(main.findOutputs('VendorDomainTarget').VendorDomainTarget?.Value).toEqual({ 'Fn::GetAtt': [groupId, 'RoutingEndpoint'] });
  });

  it('turns a claimed host (its P#DOMAIN# item on the stream) into a tenant with a CloudFront-managed certificate, and parks what fails', () => {
    expect(DOMAIN_KEY_PREFIX).toBe('P#DOMAIN#');
    expect(keys.domain('learn.example.co.jp').pk.startsWith(DOMAIN_KEY_PREFIX)).toBe(true);
    const [, pipe] = only('AWS::Pipes::Pipe', 'VendorDomainsPipe');
    const [workflowId, workflow] = only('AWS::StepFunctions::StateMachine', 'VendorDomainsWorkflow');
    const [deadLettersId] = only('AWS::SQS::Queue', 'VendorDomainsDeadLetters');
    const props = pipe.Properties as {
      Source: Json;
      Target: Json;
      SourceParameters: { DynamoDBStreamParameters: Json; FilterCriteria: { Filters: { Pattern: string }[] } };
    };
    expect(props.Source).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Table/), 'StreamArn'] });
    expect(props.Target).toEqual({ Ref: workflowId });
    expect(props.SourceParameters.DynamoDBStreamParameters).toMatchObject({
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [deadLettersId, 'Arn'] } },
    });
    expect(JSON.parse(props.SourceParameters.FilterCriteria.Filters[0]!.Pattern)).toEqual({
      eventName: ['INSERT', 'REMOVE'],
      dynamodb: { Keys: { pk: { S: [{ prefix: 'P#DOMAIN#' }] } } },
    });
    const sm = workflow.Properties as Json;
    expect(sm.TracingConfiguration).toEqual({ Enabled: true });
    expect(sm.LoggingConfiguration).toMatchObject({ Level: 'ALL' });
    const definition = JSON.stringify(sm.DefinitionString);
    for (const call of [
      'cloudfront:createDistributionTenant',
      'cloudfront:getDistributionTenantByDomain',
      'cloudfront:updateDistributionTenant',
    ])
      expect(definition).toContain(`arn:aws:states:::aws-sdk:${call}`);
    expect(definition).toContain('ValidationTokenHost');

    const alarms = Object.values(main.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties as Json);
    expect(
      alarms.some((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && JSON.stringify(a.Dimensions).includes(deadLettersId)),
    ).toBe(true);
    expect(alarms.some((a) => a.MetricName === 'ExecutionsFailed' && JSON.stringify(a.Dimensions).includes(workflowId))).toBe(true);
  });
});
