import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { defineStage, stageSettingsFrom } from './app';
import { REPO_ROOT } from './manabi-stack';

/**
 * A stage as `cdk synth -c stage=… -c account=…` builds it (root cdk.json flags), without bundling
 * the functions (the templates do not depend on the bundles' contents), for fast template tests.
 */
export function synthStage(context: Record<string, unknown> = {}): { app: App; main: Template; backupCopy: Template; webAcl: Template } {
  const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({
    context: { ...cdkJson.context, stage: 'dev', account: '111111111111', 'aws:cdk:bundling-stacks': [], ...context },
  });
  const stacks = defineStage(app, stageSettingsFrom(app));
  return {
    app,
    main: Template.fromStack(stacks.main),
    backupCopy: Template.fromStack(stacks.backupCopy),
    webAcl: Template.fromStack(stacks.webAcl),
  };
}
