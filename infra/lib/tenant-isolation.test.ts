import { describe, expect, it } from 'vitest';
import { runNag } from './nag';
import { POLICY_CASES, evaluatePolicyCases, policyFailures } from './tenant-policy-cases';
import { synthStage } from './testing';

type Json = Record<string, unknown>;
type TemplateJson = Parameters<typeof evaluatePolicyCases>[0];

describe('tenant isolation in IAM (policies read from the synthesized template)', () => {
  const { main, app } = synthStage();
  const template = main.toJSON() as TemplateJson;

  it('allows a tenant session its own partitions and shared reads, and denies every other case', async () => {
    const results = await evaluatePolicyCases(template);
    expect(results).toHaveLength(POLICY_CASES.length);
    expect(policyFailures(results).map((r) => `${r.case.name}: ${r.outcome} ${r.detail ?? ''}`)).toEqual([]);
    // Both outcomes occur: the cases are not all trivially allowed or denied.
    expect(new Set(results.map((r) => r.outcome))).toEqual(new Set(['allow', 'deny']));
  });

  it('catches a policy that would let tenant A reach an id it is a prefix of (the simulator really evaluates)', async () => {
    // Drop the '#' after the tenant id in every LeadingKeys pattern: `T#<A>*` also matches `T#<A>x…`.
    const weakened = JSON.parse(JSON.stringify(template).replaceAll('TenantId}#*', 'TenantId}*')) as TemplateJson;
    const failed = policyFailures(await evaluatePolicyCases(weakened)).map((r) => r.case.name);
    expect(failed).toContain('tenant A reads an id it is a prefix of');
    expect(failed).toContain('identity session for A writes an id it is a prefix of');
  });

  it('lets every function assume the data roles with session tags, and sets their ARNs only when scopedData is on (prod by default)', () => {
    const roleArns = Object.entries(main.findResources('AWS::IAM::Role'))
      .filter(([id]) => id.startsWith('TenantIsolation'))
      .map(([id]) => ({ 'Fn::GetAtt': [id, 'Arn'] }));
    expect(roleArns).toHaveLength(2);
    // The functions whose data layer serves tenants; the email functions are platform jobs.
    const dataFunctions = [
      'ApiFunction',
      'IdentityFunction',
      'AggregateFunction',
      'ImportFunction',
      'JobSchedulerFunction',
      'TenantJobFunction',
    ];
    const policyOf = (fn: string) =>
      JSON.stringify(
        Object.entries(main.findResources('AWS::IAM::Policy')).find(([id]) => id.startsWith(`${fn}ServiceRoleDefaultPolicy`))![1],
      );
    for (const fn of dataFunctions) {
      expect(policyOf(fn), fn).toContain('sts:TagSession');
      for (const arn of roleArns) expect(policyOf(fn), fn).toContain(JSON.stringify(arn));
    }
    for (const fn of ['EmailSenderFunction', 'EmailEventsFunction']) expect(policyOf(fn), fn).not.toContain('sts:AssumeRole');
    const envOf = (t: typeof main) =>
      Object.entries(t.findResources('AWS::Lambda::Function'))
        .filter(([id]) => dataFunctions.some((fn) => id.startsWith(fn)))
        .map(([, f]) => ((f.Properties as Json).Environment as { Variables: Json }).Variables);
    expect(envOf(main)).toHaveLength(dataFunctions.length);
    for (const vars of envOf(main)) expect(vars).not.toHaveProperty('TENANT_DATA_ROLE_ARN');
    for (const scoped of [synthStage({ scopedData: 'true' }).main, synthStage({ stage: 'prod' }).main]) {
      for (const vars of envOf(scoped)) {
        expect(vars).toHaveProperty('TENANT_DATA_ROLE_ARN');
        expect(vars).toHaveProperty('PLATFORM_DATA_ROLE_ARN');
      }
    }
    // prod has it on by default; it can still be turned off explicitly.
    for (const vars of envOf(synthStage({ stage: 'prod', scopedData: 'false' }).main))
      expect(vars).not.toHaveProperty('TENANT_DATA_ROLE_ARN');
  });

  it('requires both session tags to assume a data role, and allows no other tags', () => {
    for (const [id, role] of Object.entries(main.findResources('AWS::IAM::Role')).filter(([id]) => id.startsWith('TenantIsolation'))) {
      const trust = JSON.stringify((role.Properties as Json).AssumeRolePolicyDocument);
      expect(trust, id).toContain('"aws:RequestTag/TenantId":"false"');
      expect(trust, id).toContain('"aws:RequestTag/VendorId":"false"');
      expect(trust, id).toContain('"aws:TagKeys":["TenantId","VendorId"]');
    }
  });

  it('gives no function Scan or index wildcards on the table', () => {
    const text = JSON.stringify(main.findResources('AWS::IAM::Policy'));
    expect(text).not.toContain('dynamodb:Scan');
    expect(text).not.toContain('/index/*');
    expect(text).toContain('dynamodb:Query');
  });

  it('passes cdk-nag AwsSolutions with every finding fixed or acknowledged beside its resource', () => {
    const nag = runNag(app);
    expect([...nag.errors, ...nag.warnings]).toEqual([]);
    expect(nag.acknowledged).toBeGreaterThan(0);
  });
});
