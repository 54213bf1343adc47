import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { leadingKeyPatterns } from './keys.js';

/**
 * What IAM's `dynamodb:LeadingKeys` conditions allow a scoped session (infra/lib/tenant-isolation.ts),
 * checked in process so DynamoDB Local can run the app as the cloud does with `-c scopedData=true`:
 * a request whose partition keys the session's role would refuse fails with AccessDeniedException
 * before it is sent. It stands in for IAM, not for DynamoDB: the request still goes to the table.
 */
export type GuardedScope =
  { role: 'tenant'; tenantId: string; vendorId: string | null } | { role: 'platform'; tenantId: string; vendorId: string | null };

const WRITE_OPS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);

/** An IAM StringLike pattern (only `*` is special in ours) as a regular expression. */
const likeToRegex = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

function allowedPatterns(scope: GuardedScope, write: boolean): RegExp[] {
  const tenant = leadingKeyPatterns.tenant(scope.tenantId);
  if (scope.role === 'platform') return [...leadingKeyPatterns.platform(), ...tenant].map(likeToRegex);
  if (write) return tenant.map(likeToRegex);
  const vendor = scope.vendorId ? leadingKeyPatterns.vendor(scope.vendorId) : [];
  return [...tenant, ...leadingKeyPatterns.catalog(), ...vendor].map(likeToRegex);
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof (v as { S?: unknown })?.S === 'string' ? (v as { S: string }).S : undefined;

/** An item's key, as any command carries it. */
interface KeyHolder {
  pk?: unknown;
  [attribute: string]: unknown;
}
/** The parts of a DynamoDB command's input that name the keys it touches (the rest is not read). */
export interface CommandInput {
  Key?: KeyHolder;
  Item?: KeyHolder;
  KeyConditionExpression?: string;
  ExpressionAttributeValues?: Record<string, unknown>;
  RequestItems?: Record<string, { Keys?: KeyHolder[] } | { PutRequest?: { Item?: KeyHolder }; DeleteRequest?: { Key?: KeyHolder } }[]>;
  TransactItems?: {
    Put?: { Item?: KeyHolder };
    Update?: { Key?: KeyHolder };
    Delete?: { Key?: KeyHolder };
    ConditionCheck?: { Key?: KeyHolder };
    Get?: { Key?: KeyHolder };
  }[];
}
type BatchGetTable = { Keys?: KeyHolder[] };
type BatchWrites = { PutRequest?: { Item?: KeyHolder }; DeleteRequest?: { Key?: KeyHolder } }[];

/** The partition key value a Query names (`pk = :p` or `gsiNpk = :p` in its key condition). */
function queryKey(input: CommandInput): string | undefined {
  const m = /\b(pk|gsi\dpk)\s*=\s*(:\w+)/.exec(String(input.KeyConditionExpression ?? ''));
  return m ? text(input.ExpressionAttributeValues?.[m[2]!]) : undefined;
}

/** The document client's command names, as the low-level commands they are sent as. */
const DOCUMENT_COMMANDS: Record<string, string> = {
  GetCommand: 'GetItemCommand',
  PutCommand: 'PutItemCommand',
  UpdateCommand: 'UpdateItemCommand',
  DeleteCommand: 'DeleteItemCommand',
  BatchGetCommand: 'BatchGetItemCommand',
  BatchWriteCommand: 'BatchWriteItemCommand',
  TransactWriteCommand: 'TransactWriteItemsCommand',
  TransactGetCommand: 'TransactGetItemsCommand',
};

/** Each (operation, leading key) a request touches, as IAM authorizes it. */
function touched(commandName: string, input: CommandInput): { op: string; key: string | undefined }[] {
  const command = DOCUMENT_COMMANDS[commandName] ?? commandName;
  switch (command) {
    case 'GetItemCommand':
      return [{ op: 'GetItem', key: text(input.Key?.pk) }];
    case 'PutItemCommand':
      return [{ op: 'PutItem', key: text(input.Item?.pk) }];
    case 'UpdateItemCommand':
      return [{ op: 'UpdateItem', key: text(input.Key?.pk) }];
    case 'DeleteItemCommand':
      return [{ op: 'DeleteItem', key: text(input.Key?.pk) }];
    case 'QueryCommand':
      return [{ op: 'Query', key: queryKey(input) }];
    case 'BatchGetItemCommand':
      return Object.values(input.RequestItems ?? {}).flatMap((t) =>
        ((t as BatchGetTable).Keys ?? []).map((k) => ({ op: 'BatchGetItem', key: text(k.pk) })),
      );
    case 'BatchWriteItemCommand':
      return Object.values(input.RequestItems ?? {}).flatMap((reqs) =>
        ((reqs as BatchWrites) ?? []).map((r) => ({ op: 'BatchWriteItem', key: text(r.PutRequest?.Item?.pk ?? r.DeleteRequest?.Key?.pk) })),
      );
    case 'TransactWriteItemsCommand':
      return (input.TransactItems ?? []).map((t) =>
        t.Put
          ? { op: 'PutItem', key: text(t.Put.Item?.pk) }
          : t.Update
            ? { op: 'UpdateItem', key: text(t.Update.Key?.pk) }
            : t.Delete
              ? { op: 'DeleteItem', key: text(t.Delete.Key?.pk) }
              : { op: 'ConditionCheckItem', key: text(t.ConditionCheck?.Key?.pk) },
      );
    case 'TransactGetItemsCommand':
      return (input.TransactItems ?? []).map((t) => ({ op: 'GetItem', key: text(t.Get?.Key?.pk) }));
    default:
      // Scan, PartiQL and anything else: never allowed to a scoped session.
      return [{ op: command, key: undefined }];
  }
}

/** The keys of a request the scope's role would refuse (empty: allowed). */
export function refusedKeys(scope: GuardedScope, command: string, input: CommandInput): string[] {
  return touched(command, input)
    .filter(({ op, key }) => key === undefined || !allowedPatterns(scope, WRITE_OPS.has(op)).some((re) => re.test(key)))
    .map(({ op, key }) => `${op} ${key ?? '(no leading key)'}`);
}

/** Adds the check to a client of one scope (every request, before it is signed and sent). */
export function guardLeadingKeys(client: DynamoDBClient, scope: GuardedScope): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const refused = refusedKeys(scope, String(context.commandName), args.input as CommandInput);
      if (refused.length > 0)
        throw Object.assign(new Error(`${scope.role} session for ${scope.tenantId} may not: ${refused.join(', ')}`), {
          name: 'AccessDeniedException',
        });
      return next(args);
    },
    { step: 'build', name: 'manabiLeadingKeyGuard' },
  );
}
