import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { spaContentSecurityPolicy } from '../../functions/api/src/csp';
import { ORIGIN_VERIFY_HEADER } from '../../functions/api/src/cloud/edge-headers';
import { HSTS_MAX_AGE } from './edge';
import { synthStage } from './testing';
import { AUTH_RATE_EXCLUDED, AUTH_RATE_LIMIT_PER_5_MIN, AUTH_RATE_PATH, WEB_ACL_REGION } from './web-acl-stack';

type Json = Record<string, unknown>;
type Stage = ReturnType<typeof synthStage>;

/** The one resource of a type whose logical id starts with `prefix`. */
function resource(template: Stage['main'], type: string, prefix: string): [string, Json] {
  const found = Object.entries(template.findResources(type)).filter(([id]) => id.startsWith(prefix));
  expect(found, `${type} ${prefix}`).toHaveLength(1);
  return found[0]! as [string, Json];
}

/** Renders an Fn::Join of strings and GetAtts, naming each GetAtt `<logical id>.<attribute>`. */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as { 'Fn::Join'?: [string, unknown[]]; 'Fn::GetAtt'?: [string, string]; Ref?: string };
  if (v['Fn::Join']) return v['Fn::Join'][1].map(render).join(v['Fn::Join'][0]);
  if (v['Fn::GetAtt']) return `${v['Fn::GetAtt'][0]}.${v['Fn::GetAtt'][1]}`;
  if (v.Ref) return `${v.Ref}`;
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}

describe('the edge: WAF, security headers, TLS, logging and the origin-verify header', () => {
  let stage: Stage;
  let distributions: [string, Json][];

  beforeAll(() => {
    stage = synthStage();
    distributions = Object.entries(stage.main.findResources('AWS::CloudFront::Distribution')) as [string, Json][];
  });

  it('puts a CloudFront web ACL in us-east-1 with the managed rule groups and a rate limit on sign-in routes', () => {
    const stack = stage.app.node.findChild('Manabi-dev-WebAcl') as unknown as { region: string };
    expect(stack.region).toBe(WEB_ACL_REGION);
    const [, acl] = resource(stage.webAcl, 'AWS::WAFv2::WebACL', 'WebAcl');
    const props = acl.Properties as { Scope: string; DefaultAction: Json; Rules: Json[] };
    expect(props.Scope).toBe('CLOUDFRONT');
    expect(props.DefaultAction).toEqual({ Allow: {} });
    const managed = props.Rules.flatMap((r) => {
      const group = (r.Statement as { ManagedRuleGroupStatement?: { VendorName: string; Name: string } }).ManagedRuleGroupStatement;
      return group ? [`${group.VendorName}/${group.Name}`] : [];
    });
    expect(managed.sort()).toEqual([
      'AWS/AWSManagedRulesAmazonIpReputationList',
      'AWS/AWSManagedRulesCommonRuleSet',
      'AWS/AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    // Posted imports and images are larger than the common rule set's 8 KB body limit: counted, not blocked.
    const common = props.Rules.find((r) => r.Name === 'AWSManagedRulesCommonRuleSet')!;
    expect((common.Statement as { ManagedRuleGroupStatement: Json }).ManagedRuleGroupStatement.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
    expect(common.OverrideAction).toEqual({ None: {} });

    const rate = props.Rules.find((r) => r.Name === 'AuthRateLimit')!;
    expect(rate.Action).toEqual({ Block: {} });
    const statement = (rate.Statement as { RateBasedStatement: Json }).RateBasedStatement;
    expect(statement).toMatchObject({ Limit: AUTH_RATE_LIMIT_PER_5_MIN, EvaluationWindowSec: 300, AggregateKeyType: 'IP' });
    const scoped = (statement.ScopeDownStatement as { AndStatement: { Statements: Json[] } }).AndStatement.Statements;
    const path = (s: Json) => (s.ByteMatchStatement as { SearchString: string; PositionalConstraint: string; FieldToMatch: Json }) ?? null;
    expect(path(scoped[0]!)).toMatchObject({
      SearchString: AUTH_RATE_PATH,
      PositionalConstraint: 'STARTS_WITH',
      FieldToMatch: { UriPath: {} },
    });
    const excluded = scoped.slice(1).map((s) => path((s.NotStatement as { Statement: Json }).Statement).SearchString);
    expect(excluded).toEqual([...AUTH_RATE_EXCLUDED]);

    // WAF logs (the group name must start with aws-waf-logs-), without tokens or cookies.
    stage.webAcl.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: 'aws-waf-logs-manabi-dev' });
    stage.webAcl.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: [{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }],
    });
  });

  it('puts every distribution behind that web ACL, with standard logs', () => {
    expect(distributions.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([
      'ScormContent',
      'Site',
      'VendorDomainsDistribution',
    ]);
    for (const [, d] of distributions) {
      const config = (d.Properties as { DistributionConfig: Json }).DistributionConfig;
      expect((config.WebACLId as { 'Fn::GetStackOutput': Json })['Fn::GetStackOutput']).toMatchObject({
        StackName: 'Manabi-dev-WebAcl',
        Region: WEB_ACL_REGION,
      });
      expect(config.Logging).toMatchObject({ Prefix: expect.stringMatching(/^cloudfront\//) });
    }
  });

  it('sends the origin-verify header from the secret to the API origin only, and gives both app functions the secret to check it', () => {
    const [secretId, secret] = resource(stage.main, 'AWS::SecretsManager::Secret', 'EdgeOriginVerify');
    const generate = (secret.Properties as { GenerateSecretString: Json }).GenerateSecretString;
    expect(generate).toMatchObject({ GenerateStringKey: 'current', PasswordLength: 64 });
    expect(JSON.parse(generate.SecretStringTemplate as string)).toEqual({ previous: '' });
    for (const [, d] of distributions) {
      const origins = (d.Properties as { DistributionConfig: { Origins: Json[] } }).DistributionConfig.Origins;
      for (const origin of origins) {
        const headers = origin.OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[] | undefined;
        if (origin.S3OriginConfig) {
          expect(headers).toBeUndefined();
          continue;
        }
        expect(headers).toHaveLength(1);
        expect(headers![0]!.HeaderName).toBe(ORIGIN_VERIFY_HEADER);
        // A dynamic reference: the value never appears in the template.
        expect(render(headers![0]!.HeaderValue)).toBe(`{{resolve:secretsmanager:${secretId}:SecretString:current::}}`);
      }
    }
    for (const name of ['ApiFunction', 'IdentityFunction']) {
      const [, fn] = resource(stage.main, 'AWS::Lambda::Function', name);
      const env = (fn.Properties as { Environment: { Variables: Json } }).Environment.Variables;
      expect(env.ORIGIN_VERIFY_SECRET_ARN).toEqual({ Ref: secretId });
      const roleId = ((fn.Properties as { Role: { 'Fn::GetAtt': [string] } }).Role['Fn::GetAtt'][0] as string).replace(/[0-9A-F]{8}$/, '');
      const statements = Object.entries(stage.main.findResources('AWS::IAM::Policy'))
        .filter(([id]) => id.startsWith(roleId))
        .flatMap(([, p]) => (p.Properties as { PolicyDocument: { Statement: Json[] } }).PolicyDocument.Statement);
      const reads = statements.filter(
        (st) =>
          ([] as unknown[]).concat(st.Action).includes('secretsmanager:GetSecretValue') &&
          JSON.stringify(([] as unknown[]).concat(st.Resource)).includes(JSON.stringify({ Ref: secretId })),
      );
      expect(reads, `${name} may read the origin-verify secret`).toHaveLength(1);
    }
  });

  it('adds HSTS, the SPA’s CSP, frame denial, nosniff and a referrer policy; SCORM content keeps its own framing rules', () => {
    const [, scorm] = distributions.find(([id]) => id.startsWith('ScormContent'))!;
    const [scormId] = distributions.find(([id]) => id.startsWith('ScormContent'))!;
    const policy = (prefix: string) =>
      (resource(stage.main, 'AWS::CloudFront::ResponseHeadersPolicy', prefix)[1].Properties as { ResponseHeadersPolicyConfig: Json })
        .ResponseHeadersPolicyConfig.SecurityHeadersConfig as Json;
    const hsts = { AccessControlMaxAgeSec: HSTS_MAX_AGE.toSeconds(), IncludeSubdomains: true, Override: true };
    const site = policy('EdgeSiteHeaders');
    expect(site.StrictTransportSecurity).toEqual(hsts);
    expect(site.ContentTypeOptions).toEqual({ Override: true });
    expect(site.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(site.ReferrerPolicy).toEqual({ ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true });
    // The CSP is the one the local server sends (csp.ts), framing the deploy's SCORM content origin.
    const csp = render((site.ContentSecurityPolicy as { ContentSecurityPolicy: unknown }).ContentSecurityPolicy);
    expect(csp).toBe(spaContentSecurityPolicy({ scormContentOrigin: `https://${scormId}.DomainName` }));
    expect(csp).toContain("frame-ancestors 'none'");

    const api = policy('EdgeApiHeaders');
    expect(api).toMatchObject({ StrictTransportSecurity: hsts, FrameOptions: { FrameOption: 'DENY', Override: true } });
    expect(api.ContentSecurityPolicy).toBeUndefined();
    const content = policy('EdgeContentHeaders');
    expect(content.StrictTransportSecurity).toEqual(hsts);
    expect(content.FrameOptions).toBeUndefined();
    expect(content.ContentSecurityPolicy).toBeUndefined();
    const scormBehaviour = (scorm.Properties as { DistributionConfig: { DefaultCacheBehavior: Json } }).DistributionConfig
      .DefaultCacheBehavior;
    expect(render(scormBehaviour.ResponseHeadersPolicyId)).toMatch(/^EdgeContentHeaders/);
  });

  it('serves the app on its own domain at TLS 1.2 minimum when one is given', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:111111111111:certificate/0b1c2d3e-0000-4000-8000-000000000001';
    const { main } = synthStage({ siteDomain: 'learn.example.co.jp', siteCertificateArn: certificateArn });
    main.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['learn.example.co.jp'],
        ViewerCertificate: { AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
      }),
    });
    expect(() => synthStage({ siteDomain: 'learn.example.co.jp' })).toThrow(/go together/);
    expect(() =>
      synthStage({ siteDomain: 'learn.example.co.jp', siteCertificateArn: certificateArn.replace('us-east-1', 'ap-northeast-1') }),
    ).toThrow(/us-east-1/);
  });
});
