import { ArnFormat, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** CloudFront's web ACLs live in us-east-1 whatever the distribution's stack region. */
export const WEB_ACL_REGION = 'us-east-1';

/**
 * Requests to the sign-in family of routes allowed per client IP in 5 minutes before WAF blocks
 * that IP for a while. It stops credential stuffing from one address; the app's own limits (failed
 * sign-ins per email and per IP) stay the finer gate. High enough for an office behind one NAT
 * where hundreds of people sign in at 9:00. Session refresh and sign-out are left out: every open
 * tab renews its session, which is not an attack.
 */
export const AUTH_RATE_LIMIT_PER_5_MIN = 600;
/** The paths the rate rule counts (the identity function's routes, cloud/identity-routes.ts). */
export const AUTH_RATE_PATH = '/api/auth/';
export const AUTH_RATE_EXCLUDED = ['/api/auth/refresh', '/api/auth/signout'] as const;

/**
 * AWS managed rule groups on every distribution. The common rule set's 8 KB body limit is counted,
 * not enforced: CSV and question imports and brand images are posted to the API (the API's own
 * limits, validated with zod, answer 413 with a message the SPA shows).
 */
export const MANAGED_RULE_GROUPS = [
  { name: 'AWSManagedRulesAmazonIpReputationList', countOnly: [] as string[] },
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', countOnly: [] as string[] },
] as const;

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const startsWith = (path: string): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'STARTS_WITH',
    searchString: path,
    textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
  },
});

/**
 * The stage's WAF web ACL for CloudFront (issue #12, item 4), in us-east-1 where CloudFront looks
 * for it. The main stack reads its ARN through a cross-region reference. WAF logs go to a log group
 * of their own (the `aws-waf-logs-` prefix is what WAF requires), kept a quarter like API access logs.
 */
export class WebAclStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: StackProps & { stage: string }) {
    super(scope, id, props);
    const authPaths: CfnWebACL.StatementProperty = {
      andStatement: {
        statements: [startsWith(AUTH_RATE_PATH), ...AUTH_RATE_EXCLUDED.map((path) => ({ notStatement: { statement: startsWith(path) } }))],
      },
    };
    const acl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: `Manabi ${props.stage} - managed rule groups, per-IP rate limit on sign-in routes`,
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`manabi-${props.stage}`),
      rules: [
        {
          name: 'AuthRateLimit',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: AUTH_RATE_LIMIT_PER_5_MIN,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: authPaths,
            },
          },
          visibilityConfig: visibility('AuthRateLimit'),
        },
        ...MANAGED_RULE_GROUPS.map((group, i) => ({
          name: group.name,
          priority: i + 1,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: group.name,
              ...(group.countOnly.length > 0
                ? { ruleActionOverrides: group.countOnly.map((name) => ({ name, actionToUse: { count: {} } })) }
                : {}),
            },
          },
          visibilityConfig: visibility(group.name),
        })),
      ],
    });
    const logs = new LogGroup(this, 'WafLogs', {
      logGroupName: `aws-waf-logs-manabi-${props.stage}`,
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // WAF wants the log group's ARN without the `:*` suffix that its Arn attribute carries.
    const logsArn = this.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: logs.logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const logging = new CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: acl.attrArn,
      logDestinationConfigs: [logsArn],
      // Sign-in bodies never reach the log (WAF logs headers, not bodies); the tokens in these headers must not either.
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
    });
    logging.node.addDependency(logs);
    this.webAclArn = acl.attrArn;
  }
}
