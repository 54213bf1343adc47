import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { OriginProtocolPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { spaContentSecurityPolicy } from '../../functions/api/src/csp';
import { ORIGIN_VERIFY_HEADER, ORIGIN_VERIFY_KEYS } from '../../functions/api/src/cloud/edge-headers';
import { acknowledge } from './nag';

/** HSTS for two years on every host the stack serves (browsers then never try plain http). */
export const HSTS_MAX_AGE = Duration.days(730);

export interface EdgeProps {
  stage: string;
}

/**
 * What CloudFront adds between the visitor and the origins (issue #12, item 4): the response
 * headers policies and the origin-verify secret whose current value CloudFront sends the API.
 */
export class Edge extends Construct {
  /** `{ current, previous }`: CloudFront sends `current`; the API accepts both during a rotation. */
  readonly originVerifySecret: Secret;
  /** API answers: HSTS, no framing, nosniff, referrer policy; no CSP (JSON, and the API's docs page sets none). */
  readonly apiHeaders: ResponseHeadersPolicy;
  /** SCORM content: HSTS, nosniff, referrer policy; framing and CSP are the API's (frame-ancestors the app's origin). */
  readonly contentHeaders: ResponseHeadersPolicy;
  private readonly stage: string;
  private readonly common: ResponseSecurityHeadersBehavior;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    this.originVerifySecret = new Secret(this, 'OriginVerify', {
      description: `Manabi (${props.stage}): the header value CloudFront sends the API (${ORIGIN_VERIFY_HEADER})`,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ [ORIGIN_VERIFY_KEYS.previous]: '' }),
        generateStringKey: ORIGIN_VERIFY_KEYS.current,
        passwordLength: 64,
        excludePunctuation: true,
      },
    });

    this.stage = props.stage;
    const common: ResponseSecurityHeadersBehavior = {
      strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    };
    this.common = common;
    this.apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: `Manabi API (${props.stage})`,
      securityHeadersBehavior: { ...common, frameOptions: { frameOption: HeadersFrameOption.DENY, override: true } },
    });
    this.contentHeaders = new ResponseHeadersPolicy(this, 'ContentHeaders', {
      comment: `Manabi SCORM content (${props.stage})`,
      securityHeadersBehavior: common,
    });
  }

  /**
   * The SPA's policy: HSTS, the app's CSP (functions/api/src/csp.ts, the one the local server
   * sends) with the deploy's SCORM content origin, no framing, nosniff, referrer policy.
   */
  siteHeaders(scormContentOrigin: string): ResponseHeadersPolicy {
    return new ResponseHeadersPolicy(this, 'SiteHeaders', {
      comment: `Manabi SPA (${this.stage})`,
      securityHeadersBehavior: {
        ...this.common,
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: spaContentSecurityPolicy({ scormContentOrigin }), override: true },
      },
    });
  }

  /**
   * The API Gateway origin with the origin-verify header. Its value is a dynamic reference that
   * CloudFormation resolves at deploy time, so it never appears in the template or in cdk.out.
   */
  apiOrigin(domainName: string): HttpOrigin {
    return new HttpOrigin(domainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      customHeaders: {
        [ORIGIN_VERIFY_HEADER]: this.originVerifySecret.secretValueFromJson(ORIGIN_VERIFY_KEYS.current).unsafeUnwrap(),
      },
    });
  }

  /** A function that checks the header: reads the secret (both values) at cold start and every few minutes. */
  grantVerify(fn: IFunction & { addEnvironment(key: string, value: string): unknown }): void {
    fn.addEnvironment('ORIGIN_VERIFY_SECRET_ARN', this.originVerifySecret.secretArn);
    this.originVerifySecret.grantRead(fn);
  }

  /** cdk-nag's rotation finding, until `rotation` below is wired (acknowledged beside the secret). */
  acknowledgeManualRotation(reason: string): void {
    acknowledge(this.originVerifySecret, [{ id: 'AwsSolutions-SMG4', reason }]);
  }
}
