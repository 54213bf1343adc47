import { describe, expect, it } from 'vitest';
import { ScimError } from './errors.js';
import { parseScimUser, scimBoolean } from './user-resource.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('reading a SCIM User', () => {
  it('takes booleans as Entra ID has sent them, strings included', () => {
    expect([true, false, 'True', 'False', 'true', ' FALSE '].map(scimBoolean)).toEqual([true, false, true, false, true, false]);
    expect(scimBoolean('no')).toBeNull();
    expect(scimBoolean(0)).toBeNull();
  });

  it('names the person by display name, else formatted name, else family and given name', () => {
    const base = { schemas: [USER], userName: 'Hanako.Yamada@Example.COM' };
    expect(parseScimUser({ ...base, displayName: '山田 花子', name: { formatted: 'x' } }).name).toBe('山田 花子');
    expect(parseScimUser({ ...base, name: { formatted: '山田 花子' } }).name).toBe('山田 花子');
    expect(parseScimUser({ ...base, name: { givenName: '花子', familyName: '山田' } }).name).toBe('山田 花子');
    expect(parseScimUser(base)).toMatchObject({ name: 'hanako.yamada', email: 'hanako.yamada@example.com', active: true });
  });

  it('after a PATCH, follows the form of the name the operations changed', () => {
    const before = { displayName: '山田 花子', name: { formatted: '山田 花子', givenName: '花子', familyName: '山田' } };
    const patched = (changes: Record<string, unknown>) =>
      parseScimUser({ schemas: [USER], userName: 'h@example.com', ...before, ...changes }, before).name;
    expect(patched({ name: { ...before.name, familyName: '佐藤' } })).toBe('佐藤 花子');
    expect(patched({ displayName: 'ハナコ' })).toBe('ハナコ');
    expect(patched({ name: { ...before.name, formatted: 'Hanako Yamada' } })).toBe('Hanako Yamada');
    expect(patched({})).toBe('山田 花子');
  });

  it('reads the department, the language and the external id; leaves the department alone when not said', () => {
    const input = parseScimUser({
      schemas: [USER, ENTERPRISE],
      userName: 'k@example.com',
      externalId: '00u1',
      locale: 'en-US',
      active: 'False',
      [ENTERPRISE]: { department: '営業部' },
    });
    expect(input).toMatchObject({ departmentName: '営業部', locale: 'en', externalId: '00u1', active: false });
    expect(parseScimUser({ schemas: [USER], userName: 'k@example.com' }).departmentName).toBeUndefined();
    expect(parseScimUser({ schemas: [USER, ENTERPRISE], userName: 'k@example.com', [ENTERPRISE]: {} }).departmentName).toBeNull();
  });

  it('refuses a userName that is not an email address, and a non-boolean active, as invalidValue', () => {
    for (const body of [{ userName: 'Test_User_1' }, { userName: 'a@example.com', active: 'maybe' }, { displayName: 'no userName' }]) {
      let caught: unknown;
      try {
        parseScimUser(body);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ScimError);
      expect(caught).toMatchObject({ status: 400, scimType: 'invalidValue' });
    }
  });
});
