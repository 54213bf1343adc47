import { api } from './client';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import type { Session } from './types';

/** After the password, when MFA applies: prove a second factor (`verify`) or enrol one first (`enrol`). */
export interface MfaChallenge {
  mfa: 'verify' | 'enrol';
  challengeToken: string;
  expiresIn: number;
  /** The second factors the person has set up. */
  methods: ('totp' | 'passkey' | 'recovery')[];
}

export const isMfaChallenge = (answer: Session | MfaChallenge): answer is MfaChallenge => 'mfa' in answer;

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  /** The otpauth URI as an SVG QR code (a data URL). */
  qrDataUrl: string;
}

export interface MfaStatus {
  enabled: boolean;
  required: boolean;
  totp: boolean;
  passkeys: number;
  recoveryCodesLeft: number;
  enabledAt: string | null;
}

export interface ReinviteResult {
  invited: number;
  alreadySent: number;
  matched: number;
}

const anonymous = { auth: false, retryOnUnauthorized: false } as const;

/** Password reset, MFA and the company's sign-in security settings. */
export const accountSecurityApi = {
  requestPasswordReset: (email: string) => api.post<{ ok: true }>('/api/auth/password-reset/request', { email }, anonymous),
  passwordResetLink: (token: string) => api.get<{ email: string }>('/api/auth/password-reset', { token }, { auth: false }),
  completePasswordReset: (token: string, password: string) =>
    api.post<{ ok: true }>('/api/auth/password-reset/complete', { token, password }, anonymous),

  verifyMfa: (challengeToken: string, code: string) => api.post<Session>('/api/auth/mfa/verify', { challengeToken, code }, anonymous),
  startEnrolmentAtSignIn: (challengeToken: string) => api.post<TotpSetup>('/api/auth/mfa/enrol/start', { challengeToken }, anonymous),
  confirmEnrolmentAtSignIn: (challengeToken: string, code: string) =>
    api.post<Session & { recoveryCodes: string[] }>('/api/auth/mfa/enrol/confirm', { challengeToken, code }, anonymous),

  mfaStatus: () => api.get<MfaStatus>('/api/me/mfa'),
  startEnrolment: () => api.post<TotpSetup>('/api/me/mfa/totp/start'),
  confirmEnrolment: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/me/mfa/totp/confirm', { code }),
  disableMfa: (code: string) => api.post<{ ok: true }>('/api/me/mfa/disable', { code }),

  passkeyOptions: () => api.post<PublicKeyCredentialCreationOptionsJSON>('/api/me/mfa/passkeys/options'),
  addPasskey: (response: RegistrationResponseJSON) => api.post<{ recoveryCodes: string[] | null }>('/api/me/mfa/passkeys', { response }),
  passkeySignInOptions: (challengeToken: string) =>
    api.post<PublicKeyCredentialRequestOptionsJSON>('/api/auth/mfa/passkey/options', { challengeToken }, anonymous),
  verifyPasskey: (challengeToken: string, response: AuthenticationResponseJSON) =>
    api.post<Session>('/api/auth/mfa/passkey/verify', { challengeToken, response }, anonymous),

  securitySettings: () => api.get<{ requireMfaForAdmins: boolean }>('/api/security-settings'),
  saveSecuritySettings: (requireMfaForAdmins: boolean) =>
    api.put<{ requireMfaForAdmins: boolean }>('/api/security-settings', { requireMfaForAdmins }),

  sendPasswordReset: (userId: string) => api.post<{ ok: true }>(`/api/users/${encodeURIComponent(userId)}/password-reset`),
  reinvite: (departmentId: string | null, requestKey: string) =>
    api.post<ReinviteResult>('/api/users/reinvite', { departmentId, requestKey }),
};
