import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Locale } from '../api/types';
import { ensureLocaleMessages, isLocale, storeLocale } from '../i18n';
import { useAuthStore } from '../stores/auth';

export function applyDocumentLocale(locale: Locale) {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** Counts switches, so that a slow download of one language cannot undo a later choice. */
let latestSwitch = 0;

/** Current UI language, and switching it (remembered locally and, when signed in, on the server). */
export function useLocale() {
  const i18n = useI18n();
  const auth = useAuthStore();
  const locale = computed<Locale>(() => (isLocale(i18n.locale.value) ? i18n.locale.value : 'ja'));

  async function setLocale(next: Locale, options: { remember?: boolean } = {}) {
    const switchId = ++latestSwitch;
    // The page keeps its language until the next one's messages are here: never a raw key on screen.
    try {
      await ensureLocaleMessages(i18n, next);
    } catch {
      // Offline or a failed download: stay in the current language rather than show raw keys.
      return;
    }
    if (switchId !== latestSwitch) return;
    i18n.locale.value = next;
    applyDocumentLocale(next);
    if (options.remember === false) return;
    storeLocale(next);
    if (auth.isSignedIn) {
      try {
        await auth.saveLocale(next);
      } catch {
        // The local choice still applies; the server copy only affects emails.
      }
    }
  }

  return { locale, setLocale };
}
