import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api/client';
import type { Branding } from '../api/types';
import { applyBranding } from '../lib/theme';

/** Public, per-host branding. Product name stays "" until loaded: it is never hard-coded. */
export const useBrandingStore = defineStore('branding', () => {
  const productName = ref('');
  const primaryColor = ref<string | null>(null);
  const logoUrl = ref<string | null>(null);
  const faviconUrl = ref<string | null>(null);
  const signInText = ref<Branding['signInText']>(null);
  const supportEmail = ref<string | null>(null);
  const loaded = ref(false);

  function set(branding: Branding) {
    productName.value = branding.productName ?? '';
    primaryColor.value = branding.primaryColor ?? null;
    logoUrl.value = branding.logoUrl ?? null;
    faviconUrl.value = branding.faviconUrl ?? null;
    signInText.value = branding.signInText ?? null;
    supportEmail.value = branding.supportEmail ?? null;
    loaded.value = true;
    if (typeof document !== 'undefined') applyBranding(branding);
  }

  async function load() {
    try {
      set(await api.get<Branding>('/api/branding', undefined, { auth: false }));
    } catch {
      // Keep the neutral defaults; the app stays usable without branding.
    }
  }

  return {
    productName,
    primaryColor,
    logoUrl,
    faviconUrl,
    signInText,
    supportEmail,
    loaded,
    set,
    load,
  };
});
