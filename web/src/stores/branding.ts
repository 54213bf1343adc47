import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api/client';
import type { Branding, PublicBranding } from '../api/types';
import { applyBranding } from '../lib/theme';

/**
 * The brand shown in the header, the title, the colours and the favicon. Product name stays ""
 * until loaded: it is never hard-coded.
 *
 * Before sign-in it is the host's brand (`/api/branding`); once signed in, the brand of the
 * person's company (`/api/branding/mine`: its vendor's, with the company's own overrides).
 */
export const useBrandingStore = defineStore('branding', () => {
  const productName = ref('');
  const primaryColor = ref<string | null>(null);
  /** The second brand colour; null: the primary colour is used for it. */
  const accentColor = ref<string | null>(null);
  const logoUrl = ref<string | null>(null);
  const faviconUrl = ref<string | null>(null);
  const signInText = ref<Branding['signInText']>(null);
  const supportEmail = ref<string | null>(null);
  /** Companies may sign up by themselves on this host (false until the host's branding says so). */
  const selfSignup = ref(false);
  const loaded = ref(false);
  /** The host's branding has been asked for (answered or not): sign-up knows whether it is open. */
  const ready = ref(false);
  /** Whose brand is shown: the host's, or the signed-in person's company's. */
  const scope = ref<'host' | 'mine'>('host');
  let hostBranding: PublicBranding | null = null;
  /** Bumped when the session ends, so a late answer for the previous person is dropped. */
  let generation = 0;

  function set(branding: Branding & { selfSignup?: boolean }) {
    productName.value = branding.productName ?? '';
    primaryColor.value = branding.primaryColor ?? null;
    accentColor.value = branding.accentColor ?? null;
    logoUrl.value = branding.logoUrl ?? null;
    faviconUrl.value = branding.faviconUrl ?? null;
    signInText.value = branding.signInText ?? null;
    supportEmail.value = branding.supportEmail ?? null;
    if (typeof branding.selfSignup === 'boolean') selfSignup.value = branding.selfSignup;
    loaded.value = true;
    if (typeof document !== 'undefined') applyBranding(branding);
  }

  /** The host's brand (public). Once a company brand is shown, only `selfSignup` follows it. */
  async function load() {
    try {
      const branding = await api.get<PublicBranding>('/api/branding', undefined, { auth: false });
      hostBranding = branding;
      selfSignup.value = branding.selfSignup === true;
      if (scope.value === 'host') set(branding);
    } catch {
      // Keep the neutral defaults; the app stays usable without branding.
    } finally {
      ready.value = true;
    }
  }

  /** The signed-in person's brand; called after sign-in, at start with a session, and after brand changes. */
  async function loadMine() {
    const asked = generation;
    try {
      const branding = await api.get<Branding>('/api/branding/mine');
      if (asked !== generation) return;
      scope.value = 'mine';
      set(branding);
    } catch {
      // Keep what is shown; the host's brand is still a sensible one.
    }
  }

  /** The session ended: back to the host's brand. */
  function resetToHost() {
    generation++;
    if (scope.value !== 'mine') return;
    scope.value = 'host';
    if (hostBranding) set(hostBranding);
    else void load();
  }

  return {
    productName,
    primaryColor,
    accentColor,
    logoUrl,
    faviconUrl,
    signInText,
    supportEmail,
    selfSignup,
    loaded,
    ready,
    scope,
    set,
    load,
    loadMine,
    resetToHost,
  };
});
