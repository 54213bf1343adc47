import { newTenantId } from '@manabi/core';
import { describe, expect, it } from 'vitest';
import { isTenantKey, keys, objectKeys } from './keys.js';

describe('keys', () => {
  const t1 = newTenantId();
  const t2 = newTenantId();

  it('prefixes every tenant key with the tenant', () => {
    const built = [
      keys.tenant(t1).pk,
      keys.user(t1, 'u1').pk,
      keys.usersByName(t1, 'a', 'u1').gsi1pk,
      keys.usersByDepartment(t1, 'd1', 'a', 'u1').gsi2pk,
      keys.usersByLevel(t1, 'mid', 'a', 'u1').gsi3pk,
      keys.department(t1, 'd1').pk,
      keys.departmentName(t1, '営業部').pk,
      keys.session(t1, 's1').pk,
      keys.outboxMessage(t1, '2026', 'm1').pk,
      keys.lessonFile({ kind: 'tenant', tenantId: t1 }, 'f1').pk,
      keys.lessonFiles({ kind: 'tenant', tenantId: t1 }).pk,
    ];
    for (const k of built) {
      expect(isTenantKey(k, t1)).toBe(true);
      expect(isTenantKey(k, t2)).toBe(false);
    }
  });

  it('refuses a malformed tenant id or a # inside a key part', () => {
    expect(() => keys.user('T#other', 'u1')).toThrow('Invalid tenant id');
    expect(() => keys.user(`${t1}#x`, 'u1')).toThrow('Invalid tenant id');
    expect(() => keys.user(t1, 'u1#USER')).toThrow('must not contain #');
  });

  it('keeps platform keys out of every tenant key space', () => {
    expect(keys.login('a@b.jp').pk.startsWith('P#')).toBe(true);
    expect(isTenantKey(keys.login('a@b.jp').pk, t1)).toBe(false);
  });

  it('escapes # in department names so a name cannot forge another key', () => {
    expect(keys.departmentName(t1, 'a#USER#x').pk).toBe(`T#${t1}#DEPTNAME#a＃USER＃x`);
  });

  it('keeps lesson files of a company and of a vendor apart, in the table and in the object store', () => {
    expect(keys.lessonFile({ kind: 'vendor', vendorId: 'v1' }, 'f1')).toEqual({ pk: 'V#v1#FILES', sk: 'FILE#f1' });
    expect(objectKeys.lessonFile({ tenantId: t1 }, 'f1')).toBe(`files/t/${t1}/f1`);
    expect(objectKeys.lessonFile({ vendorId: 'v1' }, 'f1')).toBe('files/v/v1/f1');
    expect(() => objectKeys.lessonFile({ tenantId: '../x' }, 'f1')).toThrow('Invalid tenant id');
    expect(() => keys.lessonFile({ kind: 'tenant', tenantId: t1 }, 'f#1')).toThrow('must not contain #');
  });

  it('keeps SCORM uploads beside their owner’s packages (never listed as one) and stages zips under one expiring prefix', () => {
    const upload = keys.scormUpload({ kind: 'tenant', tenantId: t1 }, 'u1');
    expect(upload).toEqual({ pk: `T#${t1}#SCORMS`, sk: 'UPLOAD#u1' });
    expect(upload.sk.startsWith(keys.scormPackages({ kind: 'tenant', tenantId: t1 }).skPrefix)).toBe(false);
    expect(isTenantKey(upload.pk, t2)).toBe(false);
    expect(objectKeys.scormStagedZip({ tenantId: t1 }, 'u1')).toBe(`staging/scorm/t/${t1}/u1.zip`);
    expect(objectKeys.scormStagedZip({ vendorId: 'v1' }, 'u1')).toBe('staging/scorm/v/v1/u1.zip');
    expect(() => objectKeys.scormStagedZip({ tenantId: '../x' }, 'u1')).toThrow('Invalid tenant id');
  });
});
