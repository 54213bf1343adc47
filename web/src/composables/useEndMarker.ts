import { onBeforeUnmount, watch, type Ref } from 'vue';

/**
 * Calls `onSeen` once when `marker` (an element after the last line of a text) comes into view —
 * at once for a text shorter than the screen. Watches only while `active` is true.
 */
export function useEndMarker(marker: Ref<Element | null>, active: Ref<boolean>, onSeen: () => void): void {
  let observer: IntersectionObserver | null = null;
  const stop = () => {
    observer?.disconnect();
    observer = null;
  };
  watch(
    [marker, active],
    ([element, on]) => {
      stop();
      if (!element || !on || typeof IntersectionObserver === 'undefined') return;
      observer = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        stop();
        onSeen();
      });
      observer.observe(element);
    },
    { immediate: true, flush: 'post' },
  );
  onBeforeUnmount(stop);
}
