import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import {
  AccountPrincipal,
  Effect,
  type IGrantable,
  type IPrincipal,
  type IRole,
  PolicyDocument,
  PolicyStatement,
  Role,
} from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { leadingKeyPatterns } from '../../packages/data/src/keys';
import { GSIS } from '../../packages/data/src/table';
import { PLATFORM_DATA_ROLE_ENV, SESSION_TAG_KEYS, TENANT_DATA_ROLE_ENV } from '../../packages/data/src/scoped-env';

/**
 * Item actions. DynamoDB has no IAM action of its own for TransactWriteItems / TransactGetItems:
 * each item of a transaction is authorized as the Put/Update/Delete/ConditionCheck/Get it is, so
 * the same LeadingKeys conditions hold inside transactions.
 */
export const ITEM_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
export const ITEM_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/** Session tags the data layer sets on AssumeRole (packages/data/src/scoped-credentials.ts). */
const TENANT = '${aws:PrincipalTag/TenantId}';
const VENDOR = '${aws:PrincipalTag/VendorId}';

/** The partition keys a tenant session may touch: exactly `T#<t>` or anything under `T#<t>#`. */
export const TENANT_LEADING_KEYS = leadingKeyPatterns.tenant(TENANT);
/** What a tenant session may also read: the platform catalog and its own vendor's content. */
export const SHARED_READ_LEADING_KEYS = [...leadingKeyPatterns.catalog(), ...leadingKeyPatterns.vendor(VENDOR)];
/** Platform items: sign-in claims, one-time tokens, rate limits, domains, vendors, registries. */
export const PLATFORM_LEADING_KEYS = leadingKeyPatterns.platform();

function tableResources(table: ITable): string[] {
  return [table.tableArn, ...GSIS.map((g) => `${table.tableArn}/index/${g.name}`)];
}

/**
 * `ForAllValues` is true for a request that carries no LeadingKeys at all, so every grant also
 * requires the key to be present.
 */
function leadingKeys(patterns: string[]): Record<string, unknown> {
  return {
    'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns },
    Null: { 'dynamodb:LeadingKeys': 'false' },
  };
}

/** Scan reads every partition whatever LeadingKeys says; nothing of ours may call it. */
function denyScan(table: ITable): PolicyStatement {
  return new PolicyStatement({
    sid: 'NeverScan',
    effect: Effect.DENY,
    actions: ['dynamodb:Scan', 'dynamodb:PartiQLSelect'],
    resources: tableResources(table),
  });
}

/** The tenant data role's permissions (a document of its own, so tests and cdk:check read it from the template). */
export function tenantDataPolicy(table: ITable): PolicyDocument {
  return new PolicyDocument({
    statements: [
      // One statement for every read, so a BatchGet of the tenant's items with catalog or vendor
      // items (one request, several leading keys) is allowed as a whole.
      new PolicyStatement({
        sid: 'ReadOwnTenantCatalogAndOwnVendor',
        actions: ITEM_READ_ACTIONS,
        resources: tableResources(table),
        conditions: leadingKeys([...TENANT_LEADING_KEYS, ...SHARED_READ_LEADING_KEYS]),
      }),
      new PolicyStatement({
        sid: 'WriteOwnTenant',
        actions: ITEM_WRITE_ACTIONS,
        resources: [table.tableArn],
        conditions: leadingKeys(TENANT_LEADING_KEYS),
      }),
      denyScan(table),
    ],
  });
}

/**
 * The platform data role's permissions: platform items, and (when the session is tagged with a
 * tenant) that one tenant's items, so an identity transaction can claim an email and create the
 * person atomically. A session for no tenant is tagged NO_TENANT, which no `T#` key matches.
 */
export function platformDataPolicy(table: ITable): PolicyDocument {
  return new PolicyDocument({
    statements: [
      new PolicyStatement({
        sid: 'PlatformItemsAndTaggedTenant',
        actions: [...ITEM_READ_ACTIONS, ...ITEM_WRITE_ACTIONS],
        resources: tableResources(table),
        conditions: leadingKeys([...PLATFORM_LEADING_KEYS, ...TENANT_LEADING_KEYS]),
      }),
      denyScan(table),
    ],
  });
}

export interface TenantIsolationProps {
  table: ITable;
}

/**
 * Tenant isolation enforced by IAM (issue #12, item 2). Functions hold no tenant data access of
 * their own for tenant-scoped work: the data layer assumes the tenant data role with the session
 * tags `TenantId` and `VendorId` (cached per tenant for the credentials' lifetime), and the
 * platform data role for platform items. See docs/tenant-isolation.md.
 */
export class TenantIsolation extends Construct {
  readonly tenantDataRole: Role;
  readonly platformDataRole: Role;

  constructor(scope: Construct, id: string, props: TenantIsolationProps) {
    super(scope, id);
    const account = Stack.of(this).account;
    // Trusted by the account, so only principals whose own policy allows the assume can use it
    // (grantAssume below: the functions). Both session tags are required and nothing else may be
    // tagged; a platform session that serves no tenant carries the tag value NO_TENANT.
    const trustedBy = (): IPrincipal =>
      new AccountPrincipal(account).withConditions({
        Null: Object.fromEntries(SESSION_TAG_KEYS.map((k) => [`aws:RequestTag/${k}`, 'false'])),
        'ForAllValues:StringEquals': { 'aws:TagKeys': [...SESSION_TAG_KEYS] },
      });

    this.tenantDataRole = new Role(this, 'TenantDataRole', {
      description: 'Manabi: one tenant items (session tags TenantId, VendorId); assumed per tenant by the data layer',
      assumedBy: trustedBy(),
      maxSessionDuration: Duration.hours(1),
      inlinePolicies: { TenantData: tenantDataPolicy(props.table) },
    });
    this.tenantDataRole.assumeRolePolicy?.addStatements(sessionTagging(account));

    this.platformDataRole = new Role(this, 'PlatformDataRole', {
      description: 'Manabi: platform items (sign-in claims, tokens, rate limits, domains, vendors); identity paths only',
      assumedBy: trustedBy(),
      maxSessionDuration: Duration.hours(1),
      inlinePolicies: { PlatformData: platformDataPolicy(props.table) },
    });
    this.platformDataRole.assumeRolePolicy?.addStatements(sessionTagging(account));
  }

  /**
   * Lets a function assume both roles with session tags. Whether the data layer uses them is
   * decided by `scopedData` (the role ARNs in its environment); see ManabiStack.
   */
  grantAssume(fn: LambdaFunction, opts: { setEnvironment: boolean }): void {
    for (const role of [this.tenantDataRole, this.platformDataRole]) allowAssumeWithTags(fn, role);
    if (opts.setEnvironment) {
      fn.addEnvironment(TENANT_DATA_ROLE_ENV, this.tenantDataRole.roleArn);
      fn.addEnvironment(PLATFORM_DATA_ROLE_ENV, this.platformDataRole.roleArn);
    }
  }
}

/** sts:TagSession must be allowed in the trust policy too, or tagged AssumeRole fails. */
function sessionTagging(account: string): PolicyStatement {
  return new PolicyStatement({
    actions: ['sts:TagSession'],
    principals: [new AccountPrincipal(account)],
    conditions: { 'ForAllValues:StringEquals': { 'aws:TagKeys': [...SESSION_TAG_KEYS] } },
  });
}

function allowAssumeWithTags(grantee: IGrantable, role: IRole): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['sts:AssumeRole', 'sts:TagSession'], resources: [role.roleArn] }),
  );
}
