import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface Notice {
  key: string;
  params?: Record<string, string | number>;
}

/** A one-off success notice (stored as a message key so it follows language switches). */
export const useNoticeStore = defineStore('notice', () => {
  const notice = ref<Notice | null>(null);
  let survivesNavigation = false;

  /** Show a notice; with `afterNavigation` it survives the next route change. */
  function show(key: string, params?: Record<string, string | number>, afterNavigation = false) {
    notice.value = params ? { key, params } : { key };
    survivesNavigation = afterNavigation;
  }

  function dismiss() {
    notice.value = null;
  }

  function onNavigate() {
    if (survivesNavigation) survivesNavigation = false;
    else notice.value = null;
  }

  return { notice, show, dismiss, onNavigate };
});
