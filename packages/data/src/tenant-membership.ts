import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { keys } from './keys.js';
import { MEMBER_INDEX } from './table.js';

/**
 * Stamps every write of a company's item with its membership attribute (`tpk`, index gsiT), so the
 * company's data can be listed without a Scan (export, deletion). Done once here, on every client,
 * rather than in each repository: an item a future repository writes cannot escape the index.
 * Puts get the attribute; updates (which may create the item) get `SET tpk = :v`, which leaves the
 * keys-only index untouched when the value is already there.
 *
 * The input is seen in either form: the document client's plain values (its marshalling runs
 * later, in the serialize step) or the low-level client's attribute values.
 */
const ATTR = MEMBER_INDEX.partition;
const NAME = '#zzTenantMember';
const VALUE = ':zzTenantMember';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SDK command inputs of every shape pass through here
type Input = Record<string, any>;

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof (v as { S?: unknown })?.S === 'string' ? (v as { S: string }).S : undefined;
/** The value in the form the input uses (a low-level input wraps strings as `{ S }`). */
const sameForm = (like: unknown, value: string): unknown => (typeof like === 'string' ? value : { S: value });

function stampItem(item: Input | undefined): Input | undefined {
  const pk = item?.pk;
  const member = pk === undefined ? null : keys.tenantMemberOf(text(pk) ?? '');
  if (!item || !member) return item;
  return { ...item, [ATTR]: sameForm(pk, member.tpk) };
}

/** Adds `tpk = :v` to an update's SET clause (or a SET clause when it has none). */
export function withMemberSet(expression: string): string {
  // The SET keyword, not a placeholder or name that spells it (`:set`, `#set`, `reset`).
  const set = /(?<![:#\w])SET(?![\w])/i.exec(expression);
  if (!set) return `SET ${NAME} = ${VALUE} ${expression}`.trim();
  const at = set.index + set[0].length;
  return `${expression.slice(0, at)} ${NAME} = ${VALUE},${expression.slice(at)}`;
}

function stampUpdate(update: Input | undefined): Input | undefined {
  const pk = update?.Key?.pk;
  const member = pk === undefined ? null : keys.tenantMemberOf(text(pk) ?? '');
  if (!update || !member || typeof update.UpdateExpression !== 'string') return update;
  return {
    ...update,
    UpdateExpression: withMemberSet(update.UpdateExpression),
    ExpressionAttributeNames: { ...(update.ExpressionAttributeNames ?? {}), [NAME]: ATTR },
    ExpressionAttributeValues: { ...(update.ExpressionAttributeValues ?? {}), [VALUE]: sameForm(pk, member.tpk) },
  };
}

const DOCUMENT_COMMANDS: Record<string, string> = {
  PutCommand: 'PutItemCommand',
  UpdateCommand: 'UpdateItemCommand',
  BatchWriteCommand: 'BatchWriteItemCommand',
  TransactWriteCommand: 'TransactWriteItemsCommand',
};

/** The input with every company item it writes stamped (other commands: unchanged). */
export function stampMembership(commandName: string, input: Input): Input {
  switch (DOCUMENT_COMMANDS[commandName] ?? commandName) {
    case 'PutItemCommand':
      return { ...input, Item: stampItem(input.Item) };
    case 'UpdateItemCommand':
      return stampUpdate(input)!;
    case 'BatchWriteItemCommand':
      return {
        ...input,
        RequestItems: Object.fromEntries(
          Object.entries(input.RequestItems ?? {}).map(([table, requests]) => [
            table,
            (requests as Input[]).map((r) =>
              r.PutRequest ? { ...r, PutRequest: { ...r.PutRequest, Item: stampItem(r.PutRequest.Item) } } : r,
            ),
          ]),
        ),
      };
    case 'TransactWriteItemsCommand':
      return {
        ...input,
        TransactItems: (input.TransactItems ?? []).map((t: Input) =>
          t.Put ? { ...t, Put: { ...t.Put, Item: stampItem(t.Put.Item) } } : t.Update ? { ...t, Update: stampUpdate(t.Update) } : t,
        ),
      };
    default:
      return input;
  }
}

/** Removes the membership attribute from an item read back (readers that take every attribute). */
export function withoutMembership<T extends Record<string, unknown>>(item: T): Omit<T, typeof ATTR> {
  const { [ATTR]: _member, ...rest } = item;
  return rest;
}

/** Installs the stamp on a client (before the document client marshals, so both forms are seen). */
export function stampTenantMembership(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => next({ ...args, input: stampMembership(String(context.commandName), args.input as Input) }),
    { step: 'initialize', name: 'manabiTenantMembership' },
  );
}
