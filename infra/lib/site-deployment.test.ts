import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { afterAll, describe, it } from 'vitest';
import { publishSite } from './site-deployment';
import { synthStage } from './testing';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A stack that bundles (as `cdk deploy` does) with a site bucket and its distribution. */
function siteStack(dist: string) {
  const stack = new Stack(new App(), 'Site');
  const bucket = new Bucket(stack, 'SiteBucket');
  const distribution = new Distribution(stack, 'Site', { defaultBehavior: { origin: S3BucketOrigin.withOriginAccessControl(bucket) } });
  publishSite(stack, { bucket, distribution, dist });
  return stack;
}

describe('the SPA is published by the deploy (BucketDeployment)', () => {
  it('uploads web/dist to the site bucket, removes files no longer built and invalidates the distribution', () => {
    const { main } = synthStage();
    const [bucket] = Object.keys(main.findResources('AWS::S3::Bucket')).filter((id) => id.startsWith('SiteBucket'));
    const [site] = Object.keys(main.findResources('AWS::CloudFront::Distribution')).filter((id) => id.startsWith('Site'));
    main.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: bucket },
      DistributionId: { Ref: site },
      DistributionPaths: ['/*'],
      Prune: true,
    });
  });

  it('publishes nothing (and warns) without a build, so the live site is never replaced by an empty one; ships the built one', () => {
    const empty = mkdtempSync(join(tmpdir(), 'manabi-dist-'));
    dirs.push(empty);
    const unbuilt = siteStack(empty);
    Template.fromStack(unbuilt).resourceCountIs('Custom::CDKBucketDeployment', 0);
    Annotations.fromStack(unbuilt).hasWarning('*', Match.stringLikeRegexp('SPA is not built'));
    writeFileSync(join(empty, 'index.html'), '<!doctype html><title>Manabi</title>');
    const template = Template.fromStack(siteStack(empty));
    template.resourceCountIs('Custom::CDKBucketDeployment', 1);
  });
});
