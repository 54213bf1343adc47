import { Validations, type Acknowledgment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag findings on a construct (and what it contains), each with the reason it is
 * acceptable there. Kept beside the resource it concerns, never stack-wide.
 */
export function acknowledge(scope: IConstruct, acks: Acknowledgment[]): void {
  for (const ack of acks) {
    if (ack.reason.trim().length < 20) throw new Error(`${ack.id}: an acknowledgement needs a specific reason`);
  }
  Validations.of(scope).acknowledge(...acks);
}

/** cdk-nag's AwsSolutions pack on the whole app: synthesis fails on any finding not acknowledged. */
export function applyNag(scope: IConstruct): void {
  Validations.of(scope).addPlugins(new AwsSolutionsChecks(scope));
}

export interface NagFinding {
  rule: string;
  severity: 'error' | 'warning';
  path: string;
}

export interface NagResult {
  errors: NagFinding[];
  warnings: NagFinding[];
  /** Findings an acknowledgement covered. */
  acknowledged: number;
}

/**
 * Runs the AwsSolutions pack over a construct tree and counts what it finds, including what was
 * acknowledged (for `npm run cdk:check`).
 */
export function runNag(scope: IConstruct): NagResult {
  const pack = new AwsSolutionsChecks();
  let acknowledged = 0;
  // The pack asks this for every finding before reporting it; count the ones it drops.
  const internals = pack as unknown as { isAcknowledged: (node: IConstruct, ruleId: string) => boolean };
  const isAcknowledged = internals.isAcknowledged.bind(pack);
  internals.isAcknowledged = (node, ruleId) => {
    const yes = isAcknowledged(node, ruleId);
    if (yes) acknowledged += 1;
    return yes;
  };
  const report = pack.validateScope(scope);
  const findings = report.violations.flatMap((v) =>
    v.violatingResources.map((r) => ({
      rule: v.ruleName,
      severity: v.severity === 'error' ? ('error' as const) : ('warning' as const),
      path: r.constructPath ?? r.resourceLogicalId ?? '?',
    })),
  );
  return {
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
    acknowledged,
  };
}
