import type { Role } from './roles.js';

/** A TOTP code is 6 digits over a 30 s step; one step either side is accepted for clock drift. */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DRIFT_STEPS = 1;
/** Codes an MFA challenge accepts before it dies (the person then signs in again). */
export const MFA_CHALLENGE_MAX_ATTEMPTS = 5;
/** How long the step between password and code may take. */
export const MFA_CHALLENGE_SECONDS = 300;
export const RECOVERY_CODE_COUNT = 10;

/**
 * Whether MFA applies to a role: vendor and platform admins always (they reach many companies);
 * HR admins and managers when their company requires it; learners never.
 */
export function mfaRequiredFor(role: Role, settings: { requireMfaForAdmins: boolean }): boolean {
  if (role === 'platform_admin' || role === 'vendor_admin') return true;
  if (role === 'tenant_admin' || role === 'manager') return settings.requireMfaForAdmins;
  return false;
}

/** What a sign-in needs after the password: nothing, a code, or enrolment first. */
export function mfaStepFor(role: Role, settings: { requireMfaForAdmins: boolean }, enrolled: boolean): 'none' | 'verify' | 'enrol' {
  if (enrolled) return 'verify';
  return mfaRequiredFor(role, settings) ? 'enrol' : 'none';
}

// No 0/O or 1/I/L: codes are read off paper and typed by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * Recovery codes, `xxxxx-xxxxx` from an unambiguous alphabet (about 49 bits each). `randomBytes`
 * comes from the caller (crypto in the runtime, fixed bytes in tests).
 */
export function generateRecoveryCodes(randomBytes: (n: number) => Uint8Array, count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const chars: string[] = [];
    while (chars.length < 10) {
      for (const byte of randomBytes(16)) {
        // Rejection sampling keeps every letter equally likely (256 is not a multiple of 31).
        if (byte < 248 && chars.length < 10) chars.push(RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]!);
      }
    }
    codes.add(`${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`);
  }
  return [...codes];
}

/** A typed recovery code as stored: lower case, without spaces or dashes; null if it cannot be one. */
export function normalizeRecoveryCode(input: string): string | null {
  const folded = input.normalize('NFKC').toLowerCase().replace(/[\s-]/g, '');
  return /^[a-z0-9]{10}$/.test(folded) ? folded : null;
}

/** A typed TOTP code: digits only (spaces allowed, full-width folded); null if not 6 digits. */
export function normalizeTotpCode(input: string): string | null {
  const folded = input.normalize('NFKC').replace(/\s/g, '');
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(folded) ? folded : null;
}
