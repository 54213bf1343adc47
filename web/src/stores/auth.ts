import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ApiError, api } from '../api/client';
import type { Locale, MeResponse, MeTenant, PlanFeatures, Role, SeatUsage, Session, SignUpResponse, TenantRef, User } from '../api/types';
import { useBrandingStore } from './branding';
import type { MfaChallenge } from '../api/accountSecurity';

export interface SignUpInput {
  companyName: string;
  adminName: string;
  email: string;
  password: string;
  locale: Locale;
}

/** Where each role lands after signing in (and when opening `/`). */
export function homePathFor(role: Role | null | undefined): string {
  switch (role) {
    case 'tenant_admin':
      return '/admin/home';
    case 'vendor_admin':
      return '/vendor/tenants';
    case 'platform_admin':
      return '/platform/vendors';
    default:
      return '/me';
  }
}

/** The second-factor API, loaded only when a sign-in asks for a second factor (not on every page). */
const secondFactorApi = async () => (await import('../api/accountSecurity')).accountSecurityApi;

/** The password was right and a second factor is asked for (the API's answer carries `mfa`). */
const asksSecondFactor = (answer: Session | MfaChallenge): answer is MfaChallenge => 'mfa' in answer;

/**
 * Session state. The access token lives in memory only; the refresh token is an
 * httpOnly cookie (path /api/auth) that only the server can read.
 */
export const useAuthStore = defineStore('auth', () => {
  const accessToken = ref<string | null>(null);
  const user = ref<User | null>(null);
  /** The person's company; with its plan's features and seats once `/api/me` has told them. */
  const tenant = ref<TenantRef | MeTenant | null>(null);
  const initialized = ref(false);
  /** True when the last session ended by the user signing out (not by expiry). */
  const endedByUser = ref(false);
  /** A sign-in waiting for its second factor (or for MFA enrolment): held in memory only. */
  const pendingMfa = ref<MfaChallenge | null>(null);
  let initializing: Promise<void> | null = null;
  let loadingPlan: Promise<MeTenant | null> | null = null;
  const branding = useBrandingStore();

  const isSignedIn = computed(() => accessToken.value !== null && user.value !== null);
  const role = computed<Role | null>(() => user.value?.role ?? null);
  const homePath = computed(() => homePathFor(role.value));
  /** What the company's plan includes; null until known (see `loadPlan`). */
  const features = computed<PlanFeatures | null>(() => (tenant.value && 'features' in tenant.value ? tenant.value.features : null));
  /** The company's seats in use and their limit; null until known. */
  const seats = computed<SeatUsage | null>(() => (tenant.value && 'seats' in tenant.value ? tenant.value.seats : null));

  /**
   * Whether the plan includes a feature. Unknown counts as included: the page then offers it and
   * the API, which decides, answers `feature_not_in_plan` with a reason.
   */
  function planIncludes(feature: keyof PlanFeatures): boolean {
    return features.value?.[feature] !== false;
  }

  /** Awaited before a session shows (main.ts: the signed-in pages' messages); nothing by default. */
  let prepareSession: () => Promise<unknown> = () => Promise.resolve();

  /**
   * What a session needs before it shows: the signed-in frame (navigation, banners) renders as
   * soon as `isSignedIn` turns true, so it waits for this instead of painting missing texts.
   */
  function beforeSessionStart(prepare: () => Promise<unknown>) {
    prepareSession = prepare;
  }

  /** Starts `prepareSession` now, alongside a sign-in request (shared with the later wait). */
  function prepareEarly() {
    prepareSession().catch(() => undefined);
  }

  async function startSession(session: Session) {
    try {
      await prepareSession();
    } catch {
      // A failed download: the session is valid all the same; the router's guard asks again and
      // a failure there surfaces in the navigation.
    }
    endedByUser.value = false;
    accessToken.value = session.accessToken;
    user.value = session.user;
  }

  /** Signed in just now (or found signed in at start): show the brand of the person's company. */
  function applyOwnBranding() {
    void branding.loadMine();
  }

  function clear() {
    accessToken.value = null;
    user.value = null;
    tenant.value = null;
    branding.resetToHost();
  }

  /**
   * Exchange the refresh cookie for an access token. Resolves true when signed in. `started` is
   * that exchange already under way (index.html starts it at boot, while the code downloads).
   */
  async function refresh(started?: Promise<Response | null>): Promise<boolean> {
    try {
      const early = started ? await started : null;
      const session = early
        ? await api.read<Session | undefined>(early)
        : await api.post<Session | undefined>('/api/auth/refresh', undefined, {
            auth: false,
            retryOnUnauthorized: false,
          });
      // No content: this browser holds no session (an anonymous visit), which is no error.
      if (!session) {
        clear();
        return false;
      }
      await startSession(session);
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) clear();
      return false;
    }
  }

  api.configure({ getAccessToken: () => accessToken.value, refresh: () => refresh() });

  /**
   * Restore the session once at boot; later calls wait for the same attempt. `started`: the
   * refresh request index.html already sent (when it could not be sent, it resolves null and the
   * store asks itself).
   */
  function init(started?: Promise<Response | null>): Promise<void> {
    initializing ??= refresh(started).then((signedIn) => {
      if (signedIn) applyOwnBranding();
      initialized.value = true;
    });
    return initializing;
  }

  /** A session started, or MFA's next step noted in `pendingMfa`: answers which. */
  async function afterPassword(answer: Session | MfaChallenge): Promise<'signed-in' | 'mfa'> {
    initialized.value = true;
    if (asksSecondFactor(answer)) {
      pendingMfa.value = answer;
      return 'mfa';
    }
    pendingMfa.value = null;
    await startSession(answer);
    applyOwnBranding();
    return 'signed-in';
  }

  async function signIn(email: string, password: string): Promise<'signed-in' | 'mfa'> {
    prepareEarly();
    return afterPassword(
      await api.post<Session | MfaChallenge>('/api/auth/signin', { email, password }, { auth: false, retryOnUnauthorized: false }),
    );
  }

  /** The end of a company-account (SSO) sign-in: the one-time hand-off the IdP's callback left, for a session. */
  async function completeSso(token: string): Promise<void> {
    prepareEarly();
    const { ssoApi } = await import('../api/sso');
    await afterPassword(await ssoApi.complete(token));
  }

  /** The second step: a code from the authenticator app or a recovery code. */
  async function verifyMfa(code: string) {
    if (!pendingMfa.value) throw new Error('No sign-in is waiting for a code');
    const challengeToken = pendingMfa.value.challengeToken;
    await afterPassword(await (await secondFactorApi()).verifyMfa(challengeToken, code));
  }

  /** The second step with a passkey: the browser signs the server's challenge. */
  async function verifyWithPasskey() {
    const challenge = pendingMfa.value;
    if (!challenge) throw new Error('No sign-in is waiting for a passkey');
    // The WebAuthn helper loads only when a passkey is used.
    const [{ startAuthentication }, accountSecurityApi] = await Promise.all([import('@simplewebauthn/browser'), secondFactorApi()]);
    const optionsJSON = await accountSecurityApi.passkeySignInOptions(challenge.challengeToken);
    await afterPassword(await accountSecurityApi.verifyPasskey(challenge.challengeToken, await startAuthentication({ optionsJSON })));
  }

  /** Enrolment required at sign-in, confirmed with a code: signed in; answers the recovery codes. */
  async function confirmMfaEnrolment(code: string): Promise<string[]> {
    if (!pendingMfa.value) throw new Error('No sign-in is waiting for enrolment');
    const challengeToken = pendingMfa.value.challengeToken;
    const { recoveryCodes, ...session } = await (await secondFactorApi()).confirmEnrolmentAtSignIn(challengeToken, code);
    await afterPassword(session);
    return recoveryCodes;
  }

  /** Sends the sign-up; the company's HR admin is signed in by the link it emails (`signedUp`). */
  async function signUp(input: SignUpInput): Promise<void> {
    await api.post<{ status: 'verification_sent' }>('/api/signup', input, { auth: false, retryOnUnauthorized: false });
  }

  /** The session the sign-up's verification link answers with: the new company's HR admin. */
  async function signedUp(response: SignUpResponse) {
    await startSession(response);
    tenant.value = response.tenant;
    initialized.value = true;
    applyOwnBranding();
  }

  async function acceptInvitation(token: string, password: string): Promise<'signed-in' | 'mfa'> {
    prepareEarly();
    return afterPassword(
      await api.post<Session | MfaChallenge>('/api/auth/set-password', { token, password }, { auth: false, retryOnUnauthorized: false }),
    );
  }

  async function signOut() {
    endedByUser.value = true;
    try {
      await api.post('/api/auth/signout', undefined, {
        retryOnUnauthorized: false,
      });
    } catch {
      // Signing out locally still matters when the server cannot be reached.
    } finally {
      clear();
    }
  }

  async function loadMe(): Promise<MeResponse> {
    const me = await api.get<MeResponse>('/api/me');
    user.value = me.user;
    tenant.value = me.tenant;
    return me;
  }

  /**
   * The company's plan features and seats, asked again on each call (the vendor may change the plan
   * and seats follow the people added), while the last answer stays shown. Calls made while one is
   * under way share it. Resolves null when they cannot be had.
   */
  function loadPlan(): Promise<MeTenant | null> {
    loadingPlan ??= loadMe()
      .then((me) => me.tenant)
      .catch(() => null)
      .finally(() => {
        loadingPlan = null;
      });
    return loadingPlan;
  }

  /** Remember the UI language on the server too (used for emails). */
  async function saveLocale(locale: Locale) {
    if (!isSignedIn.value || user.value?.locale === locale) return;
    await api.patch('/api/me', { locale });
    if (user.value) user.value = { ...user.value, locale };
  }

  function markEmailVerified() {
    if (user.value) user.value = { ...user.value, emailVerified: true };
  }

  return {
    accessToken,
    user,
    tenant,
    initialized,
    endedByUser,
    pendingMfa,
    isSignedIn,
    role,
    homePath,
    features,
    seats,
    planIncludes,
    beforeSessionStart,
    init,
    refresh,
    signIn,
    completeSso,
    verifyMfa,
    verifyWithPasskey,
    confirmMfaEnrolment,
    signUp,
    signedUp,
    acceptInvitation,
    signOut,
    loadMe,
    loadPlan,
    saveLocale,
    markEmailVerified,
    clear,
  };
});
