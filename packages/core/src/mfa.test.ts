import { describe, expect, it } from 'vitest';
import { generateRecoveryCodes, mfaRequiredFor, mfaStepFor, normalizeRecoveryCode, normalizeTotpCode, RECOVERY_CODE_COUNT } from './mfa.js';

describe('MFA policy', () => {
  it('always applies to vendor and platform admins, whatever the company says', () => {
    for (const requireMfaForAdmins of [true, false]) {
      expect(mfaRequiredFor('platform_admin', { requireMfaForAdmins })).toBe(true);
      expect(mfaRequiredFor('vendor_admin', { requireMfaForAdmins })).toBe(true);
    }
  });

  it('applies to HR admins and managers only when the company requires it, never to learners', () => {
    expect(mfaRequiredFor('tenant_admin', { requireMfaForAdmins: true })).toBe(true);
    expect(mfaRequiredFor('manager', { requireMfaForAdmins: true })).toBe(true);
    expect(mfaRequiredFor('tenant_admin', { requireMfaForAdmins: false })).toBe(false);
    expect(mfaRequiredFor('learner', { requireMfaForAdmins: true })).toBe(false);
  });

  it('asks an enrolled person for a code, a required one to enrol, anyone else for nothing', () => {
    expect(mfaStepFor('learner', { requireMfaForAdmins: false }, true)).toBe('verify');
    expect(mfaStepFor('vendor_admin', { requireMfaForAdmins: false }, false)).toBe('enrol');
    expect(mfaStepFor('manager', { requireMfaForAdmins: false }, false)).toBe('none');
  });
});

describe('recovery codes', () => {
  let counter = 0;
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => (counter = (counter * 73 + 41) % 256));

  it('makes ten distinct codes in the xxxxx-xxxxx shape without look-alike characters', () => {
    const codes = generateRecoveryCodes(bytes);
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(code).not.toMatch(/[01ilo]/);
    }
  });

  it('reads a typed code however it was written, and refuses what cannot be one', () => {
    expect(normalizeRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
    expect(normalizeRecoveryCode('ＡＢＣＤＥ ＦＧＨＪＫ')).toBe('abcdefghjk');
    expect(normalizeRecoveryCode('abc')).toBeNull();
    expect(normalizeRecoveryCode('abcde-fghjk-x')).toBeNull();
  });
});

describe('TOTP codes as typed', () => {
  it('accepts six digits, with spaces or full-width digits, and nothing else', () => {
    expect(normalizeTotpCode('123 456')).toBe('123456');
    expect(normalizeTotpCode('１２３４５６')).toBe('123456');
    expect(normalizeTotpCode('12345')).toBeNull();
    expect(normalizeTotpCode('12345a')).toBeNull();
  });
});
