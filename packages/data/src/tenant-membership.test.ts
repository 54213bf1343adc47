import { describe, expect, it } from 'vitest';
import { randomId } from '@manabi/core';
import { keys, TENANT_MEMBER_SHARDS } from './keys.js';
import { stampMembership, withMemberSet, withoutMembership } from './tenant-membership.js';

const t = randomId();
const user = keys.user(t, 'u1');
const member = keys.tenantMemberOf(user.pk)!.tpk;

describe('tenant membership stamp', () => {
  it('puts every company item in one of its index shards, and no platform item', () => {
    expect(member.startsWith(`${keys.tenant(t).pk}#`)).toBe(true);
    expect(keys.tenantMemberOf(keys.login('a@b.jp').pk)).toBeNull();
    const shards = new Set(Array.from({ length: 200 }, (_, i) => keys.tenantMemberOf(keys.user(t, `u${i}`).pk)!.tpk));
    expect(shards.size).toBe(TENANT_MEMBER_SHARDS);
    expect(keys.tenantMemberOf(user.pk)).toEqual(keys.tenantMemberOf(user.pk));
  });

  it('stamps puts in document and low-level form', () => {
    expect(stampMembership('PutCommand', { Item: { ...user, name: 'x' } }).Item).toEqual({ ...user, name: 'x', tpk: member });
    expect(stampMembership('PutItemCommand', { Item: { pk: { S: user.pk }, sk: { S: 'USER' } } }).Item.tpk).toEqual({ S: member });
    expect(stampMembership('PutCommand', { Item: keys.login('a@b.jp') }).Item).toEqual(keys.login('a@b.jp'));
  });

  it('adds itself to an update’s SET clause, or a SET clause of its own', () => {
    expect(withMemberSet('SET a = :a, b = :b REMOVE c')).toBe('SET #zzTenantMember = :zzTenantMember, a = :a, b = :b REMOVE c');
    expect(withMemberSet('ADD n :one')).toBe('SET #zzTenantMember = :zzTenantMember ADD n :one');
    // A placeholder or a name that spells SET is not the clause.
    expect(withMemberSet('DELETE codes :set')).toBe('SET #zzTenantMember = :zzTenantMember DELETE codes :set');
    expect(withMemberSet('REMOVE #set SET reset = :v')).toBe('REMOVE #set SET #zzTenantMember = :zzTenantMember, reset = :v');
    expect(withMemberSet('REMOVE x SET y = :y')).toBe('REMOVE x SET #zzTenantMember = :zzTenantMember, y = :y');
    // An attribute whose name merely contains the word is not a clause.
    expect(withMemberSet('ADD settled :one')).toBe('SET #zzTenantMember = :zzTenantMember ADD settled :one');
    const out = stampMembership('UpdateCommand', { Key: user, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } });
    expect(out.ExpressionAttributeNames).toEqual({ '#zzTenantMember': 'tpk' });
    expect(out.ExpressionAttributeValues).toEqual({ ':one': 1, ':zzTenantMember': member });
  });

  it('stamps every put and update of a transaction and a batch, and leaves deletes alone', () => {
    const tx = stampMembership('TransactWriteCommand', {
      TransactItems: [
        { Put: { Item: { ...user } } },
        { Update: { Key: user, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': 1 } } },
        { Delete: { Key: user } },
        { ConditionCheck: { Key: user, ConditionExpression: 'attribute_exists(pk)' } },
      ],
    });
    expect(tx.TransactItems[0].Put.Item.tpk).toBe(member);
    expect(tx.TransactItems[1].Update.UpdateExpression).toContain(':zzTenantMember');
    expect(tx.TransactItems[2]).toEqual({ Delete: { Key: user } });
    const batch = stampMembership('BatchWriteCommand', {
      RequestItems: { tbl: [{ PutRequest: { Item: { ...user } } }, { DeleteRequest: { Key: user } }] },
    });
    expect(batch.RequestItems.tbl[0].PutRequest.Item.tpk).toBe(member);
    expect(batch.RequestItems.tbl[1]).toEqual({ DeleteRequest: { Key: user } });
  });

  it('is taken off again by readers that read every attribute', () => {
    expect(withoutMembership({ a: 1, tpk: member })).toEqual({ a: 1 });
  });
});
