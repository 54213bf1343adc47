import type { App } from 'aws-cdk-lib';
import { BackupCopyStack } from './backup-copy-stack';
import { ManabiStack } from './manabi-stack';
import { BACKUP_COPY_REGION, HOME_REGION } from './operations';
import { EMAIL_DOMAIN_CONTEXT } from './email';
import { SIGNING_KEYS_CONTEXT, signingKeyGenerations } from './identity';
import { WEB_ACL_REGION, WebAclStack } from './web-acl-stack';

/** The context key listing the stages (root cdk.json); `cdk:check` synthesizes each. */
export const STAGES_CONTEXT = 'manabi:stages';

export interface StageSettings {
  stage: string;
  /** The AWS account the stage deploys to (`-c account=…`), pinned so a deploy cannot land elsewhere. */
  account: string;
  /** Use the IAM-scoped data roles (`-c scopedData=true|false`; default on for prod only); see docs/tenant-isolation.md. */
  scopedData: boolean;
  /** Signing key generations, oldest first (`-c signingKeys=k1,k2`); see lib/identity.ts. */
  signingKeys: string[];
  /** The platform's SES sending domain (`-c emailDomain=…`). */
  emailDomain?: string;
  /** The app's public URL for emailed links (`-c publicUrl=https://…`). */
  publicUrl?: string;
  /** The platform's own domain and its us-east-1 ACM certificate (`-c siteDomain=… -c siteCertificateArn=…`). */
  siteDomain?: { domainName: string; certificateArn: string };
}

export function stagesOf(app: App): string[] {
  const stages: unknown = app.node.tryGetContext(STAGES_CONTEXT);
  if (!Array.isArray(stages) || stages.some((s) => typeof s !== 'string'))
    throw new Error(`context "${STAGES_CONTEXT}" must list the stages`);
  return stages as string[];
}

/** Reads the stage, account and switches from the CDK context (`cdk synth -c stage=prod -c account=…`). */
export function stageSettingsFrom(app: App): StageSettings {
  const stage: unknown = app.node.tryGetContext('stage') ?? 'dev';
  if (typeof stage !== 'string' || !stagesOf(app).includes(stage)) {
    throw new Error(`context "stage" must be one of ${stagesOf(app).join(', ')}; got ${JSON.stringify(stage)}`);
  }
  const account: unknown = app.node.tryGetContext('account');
  if (typeof account !== 'string' || !/^\d{12}$/.test(account)) {
    throw new Error('context "account" must be the 12-digit AWS account of the stage: cdk synth -c stage=<stage> -c account=<id>');
  }
  const scopedData: unknown = app.node.tryGetContext('scopedData');
  const emailDomain: unknown = app.node.tryGetContext(EMAIL_DOMAIN_CONTEXT);
  if (emailDomain !== undefined && (typeof emailDomain !== 'string' || !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(emailDomain)))
    throw new Error(`context "${EMAIL_DOMAIN_CONTEXT}" must be a domain name`);
  const publicUrl: unknown = app.node.tryGetContext('publicUrl');
  if (publicUrl !== undefined && (typeof publicUrl !== 'string' || !/^https:\/\/[a-z0-9.-]+(:\d+)?$/.test(publicUrl)))
    throw new Error('context "publicUrl" must be an https origin, e.g. https://learn.example.co.jp');
  const siteDomain: unknown = app.node.tryGetContext('siteDomain');
  const siteCertificateArn: unknown = app.node.tryGetContext('siteCertificateArn');
  if ((siteDomain === undefined) !== (siteCertificateArn === undefined))
    throw new Error('contexts "siteDomain" and "siteCertificateArn" go together');
  if (siteDomain !== undefined && (typeof siteDomain !== 'string' || !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(siteDomain)))
    throw new Error('context "siteDomain" must be a domain name');
  if (
    siteCertificateArn !== undefined &&
    (typeof siteCertificateArn !== 'string' || !/^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/.test(siteCertificateArn))
  )
    throw new Error('context "siteCertificateArn" must be an ACM certificate in us-east-1 (CloudFront reads certificates only there)');
  return {
    stage,
    account,
    // prod serves real companies: IAM enforces the tenant boundary there unless explicitly turned off.
    scopedData: scopedData === undefined ? stage === 'prod' : scopedData === true || scopedData === 'true',
    signingKeys: signingKeyGenerations(app.node.tryGetContext(SIGNING_KEYS_CONTEXT)),
    ...(emailDomain ? { emailDomain: emailDomain as string } : {}),
    ...(publicUrl ? { publicUrl: publicUrl as string } : {}),
    ...(siteDomain ? { siteDomain: { domainName: siteDomain as string, certificateArn: siteCertificateArn as string } } : {}),
  };
}

/**
 * One stage: the app in Tokyo, the backup copy vault in Osaka and the CloudFront web ACL in
 * us-east-1 (it holds no data), all pinned to the stage's account (data residency does not depend
 * on who runs the deploy).
 */
export function defineStage(app: App, settings: StageSettings): { main: ManabiStack; backupCopy: BackupCopyStack; webAcl: WebAclStack } {
  const backupCopy = new BackupCopyStack(app, `Manabi-${settings.stage}-BackupCopy`, {
    stage: settings.stage,
    env: { account: settings.account, region: BACKUP_COPY_REGION },
  });
  // CloudFront's WAF web ACL must live in us-east-1; the main stack reads its ARN across regions.
  const webAcl = new WebAclStack(app, `Manabi-${settings.stage}-WebAcl`, {
    stage: settings.stage,
    env: { account: settings.account, region: WEB_ACL_REGION },
    crossRegionReferences: true,
  });
  const main = new ManabiStack(app, `Manabi-${settings.stage}`, {
    stage: settings.stage,
    scopedData: settings.scopedData,
    signingKeys: settings.signingKeys,
    ...(settings.emailDomain ? { emailDomain: settings.emailDomain } : {}),
    ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
    ...(settings.siteDomain ? { siteDomain: settings.siteDomain } : {}),
    webAclArn: webAcl.webAclArn,
    env: { account: settings.account, region: HOME_REGION },
    crossRegionReferences: true,
  });
  main.addStackDependency(backupCopy, 'daily backups are copied into its vault');
  return { main, backupCopy, webAcl };
}
