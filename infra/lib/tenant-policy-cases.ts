import { runSimulation } from '@cloud-copilot/iam-simulate';
import { keys } from '../../packages/data/src/keys';

/**
 * Offline evaluation of the tenant and platform data roles' policies, read from a synthesized
 * template (never a hand-copied policy), with @cloud-copilot/iam-simulate. Used by the infra test
 * and by `npm run cdk:check`.
 */

const ACCOUNT = '111111111111';
const TABLE_ARN = `arn:aws:dynamodb:ap-northeast-1:${ACCOUNT}:table/manabi-check`;
const INDEX_ARN = `${TABLE_ARN}/index/gsi1`;

// Fixed-length ids like the app's (16 characters of Crockford base32).
const A = 'a0000000000000aa';
const B = 'b0000000000000bb';
const VENDOR = 'v0000000000000vv';
const OTHER_VENDOR = 'w0000000000000ww';
const NONE = '-';

// Every key comes from the key builder, so the cases follow the real key shapes.
const EMAIL = 'someone@example.com';
const CATALOG = { kind: 'catalog' } as const;
const vendorOwner = (vendorId: string) => ({ kind: 'vendor', vendorId }) as const;
const userOf = (tenantId: string) => keys.user(tenantId, 'u1').pk;
/** Tenant A's user key with one more character after A's id: the key of an id A is a prefix of. */
const userOfIdExtendingA = userOf(A).replace(A, `${A}x`);
const login = keys.login(EMAIL).pk;

type Role = 'tenant' | 'platform';
type Expected = 'allow' | 'deny';

export interface PolicyCase {
  name: string;
  role: Role;
  tags: { TenantId?: string; VendorId?: string };
  action: string;
  resource: 'table' | 'index';
  /** Partition keys the request touches; undefined: a request that names none. */
  leadingKeys?: string[];
  expect: Expected;
}

const tenantA = { TenantId: A, VendorId: VENDOR };
const t = (name: string, action: string, leadingKeys: string[] | undefined, expect: Expected, resource: 'table' | 'index' = 'table') =>
  ({ name, role: 'tenant', tags: tenantA, action, resource, leadingKeys, expect }) as const;

export const POLICY_CASES: PolicyCase[] = [
  // A tenant session: its own partitions, nothing else.
  t('tenant A reads its company item', 'dynamodb:GetItem', [keys.tenant(A).pk], 'allow'),
  t('tenant A reads its user', 'dynamodb:GetItem', [userOf(A)], 'allow'),
  t('tenant A writes its user', 'dynamodb:PutItem', [userOf(A)], 'allow'),
  t('tenant A updates its session', 'dynamodb:UpdateItem', [keys.session(A, 's1').pk], 'allow'),
  t('tenant A deletes its item', 'dynamodb:DeleteItem', [keys.departments(A).pk], 'allow'),
  t('tenant A condition-checks its department (in a transaction)', 'dynamodb:ConditionCheckItem', [keys.departments(A).pk], 'allow'),
  t('tenant A batch-writes its items', 'dynamodb:BatchWriteItem', [userOf(A), keys.userSearchIndex(A).pk], 'allow'),
  t('tenant A queries its users on gsi1', 'dynamodb:Query', [keys.usersByName(A).gsi1pk], 'allow', 'index'),
  t('tenant A reads tenant B', 'dynamodb:GetItem', [userOf(B)], 'deny'),
  t('tenant A writes tenant B', 'dynamodb:PutItem', [userOf(B)], 'deny'),
  t('tenant A queries tenant B on gsi1', 'dynamodb:Query', [keys.usersByName(B).gsi1pk], 'deny', 'index'),
  t('tenant A reads an id it is a prefix of', 'dynamodb:GetItem', [userOfIdExtendingA], 'deny'),
  t('tenant A writes an id it is a prefix of', 'dynamodb:PutItem', [userOfIdExtendingA], 'deny'),
  t('tenant A batch-writes its item and B’s', 'dynamodb:BatchWriteItem', [userOf(A), userOf(B)], 'deny'),
  t('tenant A reads a sign-in claim', 'dynamodb:GetItem', [login], 'deny'),
  t('tenant A writes a sign-in claim', 'dynamodb:PutItem', [login], 'deny'),
  t('tenant A deletes a sign-in claim', 'dynamodb:DeleteItem', [login], 'deny'),
  t('tenant A writes a one-time token', 'dynamodb:PutItem', [keys.oneTimeToken('abc').pk], 'deny'),
  t('tenant A lists every tenant (platform index)', 'dynamodb:Query', [keys.tenantRegistry().gsi1pk], 'deny', 'index'),
  t('tenant A reads the outbox of every company', 'dynamodb:Query', [keys.outboxAll().gsi1pk], 'deny', 'index'),
  t('tenant A scans the table', 'dynamodb:Scan', undefined, 'deny'),
  t('tenant A scans an index', 'dynamodb:Scan', undefined, 'deny', 'index'),
  t('tenant A makes an item request naming no key', 'dynamodb:GetItem', undefined, 'deny'),
  // Read-only shared content: the catalog and the tenant's own vendor.
  t('tenant A reads the catalog', 'dynamodb:GetItem', [keys.banks(CATALOG).pk], 'allow'),
  t('tenant A queries catalog questions', 'dynamodb:Query', [keys.questionHead(CATALOG, 'q1').pk], 'allow'),
  t('tenant A writes the catalog', 'dynamodb:PutItem', [keys.banks(CATALOG).pk], 'deny'),
  t('tenant A reads its vendor’s packages', 'dynamodb:Query', [keys.learningPackages(vendorOwner(VENDOR)).pk], 'allow'),
  t('tenant A writes its vendor’s packages', 'dynamodb:PutItem', [keys.learningPackages(vendorOwner(VENDOR)).pk], 'deny'),
  t('tenant A updates its vendor’s packages', 'dynamodb:UpdateItem', [keys.learningPackages(vendorOwner(VENDOR)).pk], 'deny'),
  t('tenant A reads another vendor’s packages', 'dynamodb:GetItem', [keys.learningPackages(vendorOwner(OTHER_VENDOR)).pk], 'deny'),
  t(
    'tenant A batch-reads its items with the catalog and its vendor',
    'dynamodb:BatchGetItem',
    [keys.tenant(A).pk, keys.banks(CATALOG).pk, keys.banks(vendorOwner(VENDOR)).pk],
    'allow',
  ),
  t('tenant A batch-reads its items with tenant B’s', 'dynamodb:BatchGetItem', [keys.tenant(A).pk, keys.tenant(B).pk], 'deny'),
  {
    name: 'a tenant without a vendor reads no vendor’s content',
    role: 'tenant',
    tags: { TenantId: A, VendorId: NONE },
    action: 'dynamodb:GetItem',
    resource: 'table',
    leadingKeys: [keys.learningPackages(vendorOwner(VENDOR)).pk],
    expect: 'deny',
  },
  {
    name: 'a session without tags reads nothing',
    role: 'tenant',
    tags: {},
    action: 'dynamodb:GetItem',
    resource: 'table',
    leadingKeys: [keys.tenant(A).pk],
    expect: 'deny',
  },
  // The platform role: platform items; a tenant's items only when tagged with that tenant.
  ...(
    [
      ['platform session writes a sign-in claim', 'dynamodb:PutItem', [login], 'allow'],
      ['platform session reads a one-time token', 'dynamodb:GetItem', [keys.oneTimeToken('abc').pk], 'allow'],
      ['platform session counts a rate limit', 'dynamodb:UpdateItem', [keys.rateLimit('ip', '203.0.113.1', 0).pk], 'allow'],
      [
        'platform session reads rate limits in a batch',
        'dynamodb:BatchGetItem',
        [keys.rateLimit('email', EMAIL, 0).pk, keys.rateLimit('ip', '203.0.113.1', 0).pk],
        'allow',
      ],
      ['platform session writes a domain claim', 'dynamodb:PutItem', [keys.domain('learn.example.jp').pk], 'allow'],
      ['platform session lists vendors (gsi1)', 'dynamodb:Query', [keys.vendorRegistry().gsi1pk], 'allow', 'index'],
      ['platform session (no tenant) writes a tenant’s user', 'dynamodb:PutItem', [userOf(A)], 'deny'],
      ['platform session (no tenant) reads a tenant', 'dynamodb:GetItem', [keys.tenant(A).pk], 'deny'],
      ['platform session writes the catalog', 'dynamodb:PutItem', [keys.banks(CATALOG).pk], 'deny'],
      ['platform session scans', 'dynamodb:Scan', undefined, 'deny'],
    ] as const
  ).map(([name, action, leadingKeys, expect, resource]): PolicyCase => ({
    name,
    role: 'platform',
    tags: { TenantId: NONE, VendorId: NONE },
    action,
    resource: resource ?? 'table',
    ...(leadingKeys ? { leadingKeys: [...leadingKeys] } : {}),
    expect,
  })),
  ...(
    [
      ['identity session for A creates A’s user', 'dynamodb:PutItem', [userOf(A)], 'allow'],
      ['identity session for A claims the email', 'dynamodb:PutItem', [login], 'allow'],
      ['identity session for A writes B’s user', 'dynamodb:PutItem', [userOf(B)], 'deny'],
      ['identity session for A writes an id it is a prefix of', 'dynamodb:PutItem', [userOfIdExtendingA], 'deny'],
    ] as const
  ).map(([name, action, leadingKeys, expect]): PolicyCase => ({
    name,
    role: 'platform',
    tags: { TenantId: A, VendorId: NONE },
    action,
    resource: 'table',
    leadingKeys: [...leadingKeys],
    expect,
  })),
];

type Json = Record<string, unknown>;
interface Template {
  Resources: Record<string, { Type: string; Properties?: Json }>;
}

/** Resolves the intrinsics a role policy of ours uses (the table's ARN, joins) to plain strings. */
function resolve(value: unknown, tableId: string): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, tableId));
  if (value === null || typeof value !== 'object') return value;
  const v = value as Json;
  if ('Fn::GetAtt' in v) {
    const [id, attr] = v['Fn::GetAtt'] as [string, string];
    if (id === tableId && attr === 'Arn') return TABLE_ARN;
    throw new Error(`unexpected Fn::GetAtt ${id}.${attr} in a data role policy`);
  }
  if ('Fn::Join' in v) {
    const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => resolve(p, tableId)).join(sep);
  }
  if ('Ref' in v) {
    if (v.Ref === 'AWS::Partition') return 'aws';
    throw new Error(`unexpected Ref ${String(v.Ref)} in a data role policy`);
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, tableId)]));
}

/** The inline policy documents of the two data roles, as deployed (intrinsics resolved). */
export function dataRolePolicies(template: Template): Record<Role, Json> {
  const tables = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::DynamoDB::Table');
  if (tables.length !== 1) throw new Error(`expected one table, found ${tables.length}`);
  const tableId = tables[0]![0];
  const policyOf = (logicalIdPrefix: string, policyName: string): Json => {
    const roles = Object.entries(template.Resources).filter(([id, r]) => r.Type === 'AWS::IAM::Role' && id.startsWith(logicalIdPrefix));
    if (roles.length !== 1) throw new Error(`expected one role ${logicalIdPrefix}, found ${roles.length}`);
    const policies = (roles[0]![1].Properties?.Policies ?? []) as { PolicyName: string; PolicyDocument: Json }[];
    const doc = policies.find((p) => p.PolicyName === policyName)?.PolicyDocument;
    if (!doc) throw new Error(`${logicalIdPrefix} has no inline policy ${policyName}`);
    return resolve(doc, tableId) as Json;
  };
  return {
    tenant: policyOf('TenantIsolationTenantDataRole', 'TenantData'),
    platform: policyOf('TenantIsolationPlatformDataRole', 'PlatformData'),
  };
}

export interface PolicyCaseResult {
  case: PolicyCase;
  outcome: 'allow' | 'deny' | 'error';
  detail?: string;
}

/** Runs every case against the template's policies. */
export async function evaluatePolicyCases(template: Template, cases: PolicyCase[] = POLICY_CASES): Promise<PolicyCaseResult[]> {
  const policies = dataRolePolicies(template);
  const results: PolicyCaseResult[] = [];
  for (const c of cases) {
    const contextVariables: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(c.tags)) contextVariables[`aws:PrincipalTag/${k}`] = v;
    if (c.leadingKeys) contextVariables['dynamodb:LeadingKeys'] = c.leadingKeys;
    const response = await runSimulation(
      {
        request: {
          principal: `arn:aws:sts::${ACCOUNT}:assumed-role/${c.role}-data/${c.role}-${c.tags.TenantId ?? 'untagged'}`,
          action: c.action,
          resource: { resource: c.resource === 'table' ? TABLE_ARN : INDEX_ARN, accountId: ACCOUNT },
          contextVariables,
        },
        identityPolicies: [{ name: `${c.role}-data`, policy: policies[c.role] }],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
      },
      {},
    );
    if (response.resultType === 'error') {
      results.push({ case: c, outcome: 'error', detail: JSON.stringify(response.errors) });
      continue;
    }
    results.push({ case: c, outcome: response.overallResult === 'Allowed' ? 'allow' : 'deny', detail: response.overallResult });
  }
  return results;
}

/** The cases whose outcome is not the expected one (or that the simulator could not evaluate). */
export const policyFailures = (results: PolicyCaseResult[]): PolicyCaseResult[] => results.filter((r) => r.outcome !== r.case.expect);
