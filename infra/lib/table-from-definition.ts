import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, type Attribute } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TTL_ATTRIBUTE, tableDefinition, type TableDefinition } from '../../packages/data/src/table';

type KeySchema = TableDefinition['keySchema'];

/** Turns a CreateTable-shaped key schema into the CDK's partition/sort key pair. */
function keysOf(def: TableDefinition, keySchema: KeySchema): { partitionKey: Attribute; sortKey?: Attribute } {
  const attribute = (role: 'HASH' | 'RANGE'): Attribute | undefined => {
    const key = keySchema.find((k) => k.KeyType === role);
    if (!key) return undefined;
    const defined = def.attributeDefinitions.find((a) => a.AttributeName === key.AttributeName);
    if (!defined) throw new Error(`key attribute ${key.AttributeName} has no attribute definition`);
    if (defined.AttributeType !== 'S') throw new Error(`unsupported attribute type ${String(defined.AttributeType)}`);
    return { name: key.AttributeName, type: AttributeType.STRING };
  };
  const partitionKey = attribute('HASH');
  if (!partitionKey) throw new Error('key schema has no HASH key');
  const sortKey = attribute('RANGE');
  return sortKey ? { partitionKey, sortKey } : { partitionKey };
}

/**
 * The single table, built from the same definition DynamoDB Local is bootstrapped with
 * (packages/data/src/table.ts), so the cloud key schema cannot drift from the local one.
 * The physical name is left to CloudFormation (a retained table with a fixed name would block
 * re-creating the stack); the name the definition carries is not used.
 */
export function createSingleTable(scope: Construct, id: string): Table {
  const def = tableDefinition();
  const table = new Table(scope, id, {
    ...keysOf(def, def.keySchema),
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    stream: StreamViewType.NEW_AND_OLD_IMAGES,
    timeToLiveAttribute: TTL_ATTRIBUTE,
    removalPolicy: RemovalPolicy.RETAIN,
    // CloudFormation or a console click cannot delete it while this is on (issue #12, item 7).
    deletionProtection: true,
  });
  for (const gsi of def.globalSecondaryIndexes) {
    table.addGlobalSecondaryIndex({
      indexName: gsi.IndexName,
      ...keysOf(def, gsi.KeySchema),
      projectionType: gsi.Projection.ProjectionType === 'KEYS_ONLY' ? ProjectionType.KEYS_ONLY : ProjectionType.ALL,
    });
  }
  return table;
}
