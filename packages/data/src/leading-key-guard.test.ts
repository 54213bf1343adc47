import { describe, expect, it } from 'vitest';
import { keys } from './keys.js';
import { refusedKeys, type GuardedScope } from './leading-key-guard.js';

const A = 'aaaaaaaaaaaaaaaa';
const AB = 'aaaaaaaaaaaaaaab'; // another id sharing A's first 15 characters
const V = 'vvvvvvvvvvvvvvvv';
const tenantA: GuardedScope = { role: 'tenant', tenantId: A, vendorId: V };
const identityA: GuardedScope = { role: 'platform', tenantId: A, vendorId: null };
const get = (pk: string) => ({ Key: { pk, sk: 'X' } });
const put = (pk: string) => ({ Item: { pk, sk: 'X' } });

describe('leading-key guard (IAM LeadingKeys, checked in process)', () => {
  it("allows a tenant session its own keys, the catalog and its vendor's content for reading", () => {
    expect(refusedKeys(tenantA, 'GetCommand', get(keys.user(A, 'u1').pk))).toEqual([]);
    expect(refusedKeys(tenantA, 'GetCommand', get(keys.tenant(A).pk))).toEqual([]);
    expect(refusedKeys(tenantA, 'GetItemCommand', { Key: { pk: { S: `C#PKGS` }, sk: { S: 'X' } } })).toEqual([]);
    expect(
      refusedKeys(tenantA, 'QueryCommand', { KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `T#${A}#USERS` } }),
    ).toEqual([]);
    expect(refusedKeys(tenantA, 'GetCommand', get(`V#${V}#PKGS`))).toEqual([]);
  });

  it('refuses another tenant, an id A is a prefix of, platform items, another vendor, shared writes and Scan', () => {
    expect(refusedKeys(tenantA, 'GetCommand', get(`T#${AB}#USER#u`))).toHaveLength(1);
    expect(refusedKeys(tenantA, 'GetCommand', get(`T#${A}x#USER#u`))).toHaveLength(1);
    expect(refusedKeys(tenantA, 'PutCommand', put(keys.login('a@example.test').pk))).toHaveLength(1);
    expect(refusedKeys(tenantA, 'GetCommand', get(`V#wwwwwwwwwwwwwwww#PKGS`))).toHaveLength(1);
    expect(refusedKeys(tenantA, 'PutCommand', put('C#PKGS'))).toHaveLength(1);
    expect(refusedKeys(tenantA, 'ScanCommand', {})).toEqual(['ScanCommand (no leading key)']);
    // One foreign key refuses the whole transaction.
    const tx = { TransactItems: [{ Put: put(keys.user(A, 'u1').pk) }, { Put: put(keys.login('a@example.test').pk) }] };
    expect(refusedKeys(tenantA, 'TransactWriteCommand', tx)).toEqual([`PutItem ${keys.login('a@example.test').pk}`]);
    expect(refusedKeys(identityA, 'TransactWriteCommand', tx)).toEqual([]);
  });

  it('lets an identity session write platform items and its own tenant, nothing of another tenant', () => {
    expect(refusedKeys(identityA, 'DeleteCommand', get(keys.oneTimeToken('h').pk))).toEqual([]);
    expect(refusedKeys(identityA, 'PutCommand', put(keys.user(A, 'u').pk))).toEqual([]);
    expect(refusedKeys(identityA, 'PutCommand', put(keys.user(AB, 'u').pk))).toHaveLength(1);
    expect(refusedKeys(identityA, 'GetCommand', get('C#PKGS'))).toHaveLength(1);
  });
});
