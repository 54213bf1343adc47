import { ref } from 'vue';

/** Phones: the sidebar is hidden behind the header's menu button at this width and below. */
export const COMPACT_NAV_QUERY = '(max-width: 640px)';

const open = ref(false);
/** Where focus goes back to when the menu closes with Esc. */
let returnFocusTo: HTMLElement | null = null;

/** The phone menu's state, shared by the header's button and the sidebar. */
export function useNavMenu() {
  function openMenu(from: HTMLElement | null) {
    returnFocusTo = from;
    open.value = true;
  }
  function closeMenu(restoreFocus = false) {
    if (!open.value) return;
    open.value = false;
    if (restoreFocus) returnFocusTo?.focus();
  }
  return { open, openMenu, closeMenu };
}
