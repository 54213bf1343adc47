/**
 * `npm run cdk:check`: synthesizes every stage offline (no credentials, no Docker: bundling is
 * skipped, the templates do not depend on the bundles' contents), runs cdk-nag's AwsSolutions pack
 * and evaluates the data roles' policies from each template with the IAM simulator. Prints one
 * JSON line; details of anything wrong go to stderr. Exits non-zero on an unacknowledged nag
 * error or a policy case with an unexpected outcome.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { defineStage, stageSettingsFrom, stagesOf, STAGES_CONTEXT } from '../lib/app';
import { REPO_ROOT } from '../lib/manabi-stack';
import { runNag, type NagFinding } from '../lib/nag';
import { evaluatePolicyCases, policyFailures } from '../lib/tenant-policy-cases';

/** An account id for synthesis only; nothing is looked up or deployed. */
const CHECK_ACCOUNT = '111111111111';

const context = (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
const stages = stagesOf(new App({ context }));

const errors: NagFinding[] = [];
const warnings: NagFinding[] = [];
let acknowledged = 0;
let policyCases = 0;
const failures: string[] = [];
const outdir = mkdtempSync(join(tmpdir(), 'manabi-cdk-check-'));
try {
  for (const stage of stages) {
    const app = new App({
      outdir: join(outdir, stage),
      context: { ...context, [STAGES_CONTEXT]: stages, stage, account: CHECK_ACCOUNT, 'aws:cdk:bundling-stacks': [] },
    });
    const { main } = defineStage(app, stageSettingsFrom(app));
    const nag = runNag(app);
    errors.push(...nag.errors);
    warnings.push(...nag.warnings);
    acknowledged += nag.acknowledged;
    const template = app.synth().getStackByName(main.stackName).template as Parameters<typeof evaluatePolicyCases>[0];
    const results = await evaluatePolicyCases(template);
    policyCases += results.length;
    for (const r of policyFailures(results))
      failures.push(`${stage}: ${r.case.name}: expected ${r.case.expect}, got ${r.outcome} (${r.detail ?? ''})`);
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}

for (const f of [...errors, ...warnings]) process.stderr.write(`nag ${f.severity} ${f.rule} at ${f.path}\n`);
for (const f of failures) process.stderr.write(`policy failure: ${f}\n`);
process.stdout.write(
  `${JSON.stringify({ nag_errors: errors.length, nag_warnings: warnings.length, acknowledged, policy_cases: policyCases, policy_failures: failures.length })}\n`,
);
process.exitCode = errors.length > 0 || failures.length > 0 ? 1 : 0;
