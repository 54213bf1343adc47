/**
 * The one table definition. The local bootstrap (DynamoDB Local) and the CDK stack both import
 * this, so the key schema and GSIs cannot drift apart.
 */
export const TABLE_KEY = { partition: 'pk', sort: 'sk' } as const;

/** Overloaded GSIs; what each one serves is listed in docs/access-patterns.md. */
export const GSIS = [
  { name: 'gsi1', partition: 'gsi1pk', sort: 'gsi1sk' },
  { name: 'gsi2', partition: 'gsi2pk', sort: 'gsi2sk' },
  { name: 'gsi3', partition: 'gsi3pk', sort: 'gsi3sk' },
] as const;

export type GsiName = (typeof GSIS)[number]['name'];

/**
 * The tenant membership index: every item whose pk belongs to a company carries `tpk`
 * (`keys.tenantMemberShard`, stamped on every write by tenant-membership.ts), so a company's whole
 * data can be listed without a Scan (export, deletion and its verification). Keys only: it serves
 * nothing but the item keys, and an update that does not change `tpk` costs the index nothing.
 */
export const MEMBER_INDEX = { name: 'gsiT', partition: 'tpk' } as const;

/** Attribute DynamoDB's TTL deletes items by (epoch seconds). */
export const TTL_ATTRIBUTE = 'ttl';

export const DEFAULT_TABLE_NAME = 'manabi';

export interface TableDefinition {
  tableName: string;
  attributeDefinitions: { AttributeName: string; AttributeType: 'S' }[];
  keySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  globalSecondaryIndexes: {
    IndexName: string;
    KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
    Projection: { ProjectionType: 'ALL' | 'KEYS_ONLY' };
  }[];
}

/** The table in CreateTable shape (also read by infra to build the CDK table). */
export function tableDefinition(tableName: string = DEFAULT_TABLE_NAME): TableDefinition {
  const names = [TABLE_KEY.partition, TABLE_KEY.sort, ...GSIS.flatMap((g) => [g.partition, g.sort]), MEMBER_INDEX.partition];
  return {
    tableName,
    attributeDefinitions: names.map((n) => ({ AttributeName: n, AttributeType: 'S' as const })),
    keySchema: [
      { AttributeName: TABLE_KEY.partition, KeyType: 'HASH' },
      { AttributeName: TABLE_KEY.sort, KeyType: 'RANGE' },
    ],
    globalSecondaryIndexes: [
      ...GSIS.map((g) => ({
        IndexName: g.name,
        KeySchema: [
          { AttributeName: g.partition, KeyType: 'HASH' as const },
          { AttributeName: g.sort, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'ALL' as const },
      })),
      {
        IndexName: MEMBER_INDEX.name,
        KeySchema: [{ AttributeName: MEMBER_INDEX.partition, KeyType: 'HASH' as const }],
        Projection: { ProjectionType: 'KEYS_ONLY' as const },
      },
    ],
  };
}

/**
 * The entities whose changes the report aggregator consumes (the stream filter of the cloud's event
 * source mapping). Its own writes (aggregate shards, claims) are not among them, so they never come back.
 */
export const AGGREGATOR_ENTITIES = [
  'attempt',
  'assignment',
  'goal',
  'standing',
  'proficiency',
  'user',
  'skillFramework',
  'session',
] as const;
