import { App } from 'aws-cdk-lib';
import { defineStage, stageSettingsFrom } from '../lib/app';
import { applyNag } from '../lib/nag';

const app = new App();

// `cdk synth -c stage=prod -c account=123456789012` → stacks Manabi-prod (ap-northeast-1) and
// Manabi-prod-BackupCopy (ap-northeast-3), pinned to that account.
defineStage(app, stageSettingsFrom(app));
// cdk-nag AwsSolutions: synthesis fails on any finding not acknowledged beside its resource.
applyNag(app);
