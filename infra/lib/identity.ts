import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

/** The context key naming the signing key generations, oldest first (`-c signingKeys=k1,k2`). */
export const SIGNING_KEYS_CONTEXT = 'signingKeys';
export const DEFAULT_SIGNING_KEYS = ['k1'];

/** Reads the signing key generations from the context: a list or a comma-separated string. */
export function signingKeyGenerations(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : DEFAULT_SIGNING_KEYS;
  const names = list.map((v) => String(v).trim()).filter(Boolean);
  if (names.length === 0 || names.some((n) => !/^[A-Za-z0-9]{1,16}$/.test(n)) || new Set(names).size !== names.length)
    throw new Error(`context "${SIGNING_KEYS_CONTEXT}" must list distinct alphanumeric key names, oldest first`);
  return names;
}

export interface IdentityProps {
  stage: string;
  /** Key generations, oldest first: the last signs, the one before still verifies (see README, rotation). */
  signingKeys: string[];
}

/**
 * Token signing and the deploy's secret (issue #12): access and refresh tokens are signed by an
 * asymmetric KMS key (ECC_NIST_P256, ES256) whose private half never leaves KMS. Only the identity
 * function may call kms:Sign; every app function may read the public keys (kms:GetPublicKey) to
 * verify. Rotation adds a generation: the newest signs, the previous one keeps verifying tokens
 * issued before (refresh tokens live 30 days, so rotate no more often than that), and a generation
 * dropped from the list is scheduled for deletion after 30 days.
 */
export class Identity extends Construct {
  readonly currentKey: Key;
  readonly previousKey: Key | null;
  /** Generated once; the app derives the TOTP sealing key and the SCORM token key from it. */
  readonly appSecret: Secret;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const keys = props.signingKeys.map(
      (generation) =>
        new Key(this, `SigningKey${generation}`, {
          description: `Manabi ${props.stage}: signs access and refresh tokens (ES256), generation ${generation}`,
          keySpec: KeySpec.ECC_NIST_P256,
          keyUsage: KeyUsage.SIGN_VERIFY,
          removalPolicy: RemovalPolicy.DESTROY,
          pendingWindow: Duration.days(30),
        }),
    );
    this.currentKey = keys.at(-1)!;
    this.previousKey = keys.length > 1 ? keys.at(-2)! : null;

    this.appSecret = new Secret(this, 'AppSecret', {
      description: `Manabi ${props.stage}: seals TOTP seeds and signs SCORM tokens (keys derived with HKDF)`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.appSecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'TOTP seeds are sealed with a key derived from this secret: an automatic rotation would make every enrolled authenticator unusable, so it is rotated by hand with a re-seal',
      },
    ]);
  }

  /** Environment every app function (request and identity) reads: cloud/env.ts `APP`. */
  private environmentFor(fn: LambdaFunction): void {
    fn.addEnvironment('SIGNING_KEY_ID', this.currentKey.keyArn);
    if (this.previousKey) fn.addEnvironment('SIGNING_KEY_PREVIOUS_ID', this.previousKey.keyArn);
    fn.addEnvironment('APP_SECRET_ARN', this.appSecret.secretArn);
    this.appSecret.grantRead(fn);
  }

  /** The request function: verifies tokens with the public keys, never signs. */
  grantVerify(fn: LambdaFunction): void {
    this.environmentFor(fn);
    for (const key of this.verifyingKeys()) key.grant(fn, 'kms:GetPublicKey');
  }

  /** The identity function: signs with the current key (and reads the public keys). */
  grantSign(fn: LambdaFunction): void {
    this.grantVerify(fn);
    this.currentKey.grant(fn, 'kms:Sign');
  }

  private verifyingKeys(): Key[] {
    return this.previousKey ? [this.currentKey, this.previousKey] : [this.currentKey];
  }
}
