import type { App } from 'aws-cdk-lib';
import { BackupCopyStack } from './backup-copy-stack';
import { ManabiStack } from './manabi-stack';
import { BACKUP_COPY_REGION, HOME_REGION } from './operations';

/** The context key listing the stages (root cdk.json); `cdk:check` synthesizes each. */
export const STAGES_CONTEXT = 'manabi:stages';

export interface StageSettings {
  stage: string;
  /** The AWS account the stage deploys to (`-c account=…`), pinned so a deploy cannot land elsewhere. */
  account: string;
  /** Use the IAM-scoped data roles (`-c scopedData=true`); see docs/tenant-isolation.md. */
  scopedData: boolean;
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
  return { stage, account, scopedData: scopedData === true || scopedData === 'true' };
}

/**
 * One stage: the app in Tokyo and the backup copy vault in Osaka, both pinned to the stage's
 * account (data residency does not depend on who runs the deploy).
 */
export function defineStage(app: App, settings: StageSettings): { main: ManabiStack; backupCopy: BackupCopyStack } {
  const backupCopy = new BackupCopyStack(app, `Manabi-${settings.stage}-BackupCopy`, {
    stage: settings.stage,
    env: { account: settings.account, region: BACKUP_COPY_REGION },
  });
  const main = new ManabiStack(app, `Manabi-${settings.stage}`, {
    stage: settings.stage,
    scopedData: settings.scopedData,
    env: { account: settings.account, region: HOME_REGION },
  });
  main.addStackDependency(backupCopy, 'daily backups are copied into its vault');
  return { main, backupCopy };
}
