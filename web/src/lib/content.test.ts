import { describe, expect, it } from 'vitest';
import type { QuestionBank } from '../api/types';
import { authorOwner, bankSource, contentSource, matchBankRef, ownsPackage, sourceRank, type ContentSource } from './content';

const bank = (overrides: Partial<QuestionBank>): QuestionBank => ({
  id: 'b1',
  name: 'Bank',
  owner: 'tenant',
  editable: true,
  ref: 'b1',
  questionCount: 0,
  ...overrides,
});

describe('content sources', () => {
  it('knows whose content each role writes', () => {
    expect(authorOwner('tenant_admin')).toBe('tenant');
    expect(authorOwner('vendor_admin')).toBe('vendor');
    expect(ownsPackage('tenant', 'tenant_admin')).toBe(true);
    expect(ownsPackage('vendor', 'tenant_admin')).toBe(false);
    expect(ownsPackage('vendor', 'vendor_admin')).toBe(true);
    expect(ownsPackage('catalog', 'vendor_admin')).toBe(false);
  });

  it("labels a vendor's own banks as own for its admin, and as the provider's for HR", () => {
    expect(bankSource(bank({ owner: 'vendor', editable: true }))).toBe('own');
    expect(bankSource(bank({ owner: 'vendor', editable: false }))).toBe('provider');
    expect(bankSource(bank({ owner: 'catalog', editable: false }))).toBe('catalog');
    expect(contentSource('tenant', true)).toBe('own');
    const sources: ContentSource[] = ['catalog', 'own', 'provider'];
    expect(sources.sort((a, b) => sourceRank(a) - sourceRank(b))).toEqual(['own', 'provider', 'catalog']);
  });

  it('matches stored bank references to the API refs', () => {
    const banks = [
      bank({ id: 'v1', owner: 'vendor', editable: true, ref: 'vendor:v1' }),
      bank({ id: 'c1', owner: 'catalog', editable: false, ref: 'catalog:c1' }),
      bank({ id: 'b1', owner: 'tenant', editable: true, ref: 'b1' }),
    ];
    expect(matchBankRef('catalog:c1', banks)).toBe('catalog:c1');
    expect(matchBankRef('b1', banks)).toBe('b1');
    expect(matchBankRef('vendor:v1', banks)).toBe('vendor:v1');
    // A bare id of one's own vendor bank (as a vendor admin may have saved it) names its ref.
    expect(matchBankRef('v1', banks)).toBe('vendor:v1');
    // Never someone else's bank by bare id; unknown values are kept.
    expect(matchBankRef('c1', banks)).toBe('c1');
    expect(matchBankRef('gone', banks)).toBe('gone');
    expect(matchBankRef('', banks)).toBe('');
  });
});
