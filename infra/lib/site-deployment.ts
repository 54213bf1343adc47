import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Stack, Token } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { acknowledge } from './nag';

/** The SPA's build output (`pnpm run build` writes it). */
export const SITE_DIST = join(new URL('../../', import.meta.url).pathname, 'web', 'dist');

/**
 * Publishes the built SPA with the deploy: uploads it to the site bucket (removing files no longer
 * built) and invalidates the distribution's cache. A deploy without a build publishes nothing and
 * warns. Synthesis without bundling (template tests, `cdk:check`) stands in a one-file source, so
 * their templates do not depend on whether the SPA was built.
 */
export function publishSite(
  scope: Construct,
  props: { bucket: IBucket; distribution: Distribution; dist: string; logGroup?: ILogGroup },
): BucketDeployment | undefined {
  const built = existsSync(join(props.dist, 'index.html'));
  const stack = Stack.of(scope);
  if (!built && stack.bundlingRequired) {
    // Nothing is published (the live site stays as it is) rather than an empty site that would
    // replace it: `cdk deploy` prints this warning.
    Annotations.of(scope).addWarningV2(
      'manabi:site-not-built',
      `The SPA is not built (${props.dist}/index.html is missing): this deploy does not publish it. Run \`npx -y pnpm@10.34.8 run build\` first.`,
    );
    return undefined;
  }
  const deployment = new BucketDeployment(scope, 'SiteDeployment', {
    sources: [Stack.of(scope).bundlingRequired ? Source.asset(props.dist) : Source.data('index.html', '<!doctype html>')],
    destinationBucket: props.bucket,
    distribution: props.distribution,
    distributionPaths: ['/*'],
    prune: true,
    // Unpacking the SPA's assets (a few MB) in the custom resource's /tmp.
    memoryLimit: 512,
    ...(props.logGroup ? { logGroup: props.logGroup } : {}),
  });
  // The deployment runs in a CDK-provided handler function, one per stack; the findings are on it.
  const handlers = stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  const writes =
    'CDK grants its bucket-deployment handler read on the staging asset bucket and write on the site bucket only, with wildcard actions';
  for (const handler of handlers)
    acknowledge(handler, [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'The CDK bucket-deployment handler only writes its own CloudWatch logs with this managed policy',
      },
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: writes,
      })),
      {
        id: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        reason: 'Pruning files the new build no longer has deletes them from the site bucket only',
      },
      // Named with the stage's account and region when the stack is pinned to them (every stage is).
      ...[
        ...(Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region)
          ? []
          : [`arn:aws:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*`]),
        'arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
      ].map((resource) => ({
        id: `AwsSolutions-IAM5[Resource::${resource}]`,
        reason: 'The handler reads the uploaded SPA zip from the CDK bootstrap asset bucket, any key (the key is the asset hash)',
      })),
      { id: 'AwsSolutions-IAM5[Resource::<SiteBucket397A1860.Arn>/*]', reason: 'The SPA is every object of the site bucket' },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'cloudfront:CreateInvalidation and GetInvalidation, which the cache invalidation needs, are granted on * by CDK',
      },
      {
        id: 'AwsSolutions-L1',
        reason: 'The bucket-deployment handler is CDK’s own function (Python, with the AWS CLI layer); its runtime moves with aws-cdk-lib',
      },
    ]);
  return deployment;
}
