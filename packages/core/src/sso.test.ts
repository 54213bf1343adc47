import { describe, expect, it } from 'vitest';
import { emailDomain, emailDomainSchema, mapSsoIdentity, ssoConfigInputSchema } from './sso.js';

describe('SSO domains', () => {
  it('reads the domain of an address, folded, and refuses what is not one', () => {
    expect(emailDomain(' Taro@Example.CO.JP ')).toBe('example.co.jp');
    expect(emailDomain('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('example.jp');
    expect(emailDomain('no-at-sign')).toBeNull();
    expect(emailDomain('x@localhost')).toBeNull();
    expect(emailDomainSchema.safeParse('*.example.com').success).toBe(false);
    expect(emailDomainSchema.safeParse('exa_mple.com').success).toBe(false);
  });
});

describe('attribute mapping', () => {
  it('takes the mapped attributes (first of a list), and a level by any of its names', () => {
    const mapping = { name: 'displayName', department: 'dept', level: 'grade' };
    expect(mapSsoIdentity('A@x.jp', { displayName: ['佐藤 花子', 'other'], dept: '営業部', grade: '若手' }, mapping)).toEqual({
      email: 'a@x.jp',
      name: '佐藤 花子',
      department: '営業部',
      level: 'junior',
    });
    expect(mapSsoIdentity('a@x.jp', { grade: 'unknown level', displayName: '  ' }, mapping)).toMatchObject({ name: null, level: null });
    expect(mapSsoIdentity('a@x.jp', { displayName: 'x' }, { name: '', department: '', level: '' }).name).toBeNull();
  });
});

describe('configuration input', () => {
  it('needs a domain and one way to know the IdP', () => {
    const base = { domains: ['example.jp'], jit: { enabled: false } };
    expect(ssoConfigInputSchema.safeParse({ ...base, protocol: 'saml', saml: { metadataUrl: 'https://idp.example.jp/m' } }).success).toBe(
      true,
    );
    expect(ssoConfigInputSchema.safeParse({ ...base, protocol: 'saml', saml: {} }).success).toBe(false);
    expect(
      ssoConfigInputSchema.safeParse({ ...base, domains: [], protocol: 'oidc', oidc: { issuer: 'https://i', clientId: 'c' } }).success,
    ).toBe(false);
    expect(ssoConfigInputSchema.safeParse({ ...base, protocol: 'oidc', oidc: { issuer: 'ftp://i', clientId: 'c' } }).success).toBe(false);
  });
});
