import { onBeforeUnmount, onMounted, type Ref } from 'vue';

/** Save a moved position this long after scrolling stops (one small write, not one per scroll event). */
const SAVE_AFTER_MS = 1500;

/** How far down `element` the top of the screen is, 0–1. */
function positionIn(element: Element): number {
  const rect = element.getBoundingClientRect();
  if (rect.height <= 0) return 0;
  return Math.min(1, Math.max(0, -rect.top / rect.height));
}

/**
 * The reading position in a text, remembered on the server: `restore` scrolls back to a saved
 * position; scrolling saves the new one once it settles, and leaving the page saves it too.
 */
export function useReadingPosition(element: Ref<Element | null>, save: (position: number) => Promise<unknown>) {
  let saved: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!element.value) return;
    const position = Math.round(positionIn(element.value) * 1000) / 1000;
    if (saved !== null && Math.abs(position - saved) < 0.01) return;
    saved = position;
    save(position).catch(() => {
      saved = null;
    });
  };
  const onScroll = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, SAVE_AFTER_MS);
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };

  /** Scrolls to a saved position (0 stays at the top) and records that the text is open there. */
  function open(position: number) {
    const el = element.value;
    if (el && position > 0) {
      const top = el.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: top + position * el.getBoundingClientRect().height, behavior: 'instant' });
    }
    saved = null;
    flush();
  }

  /** Drops a save not yet sent (the reader is switching to another module). */
  function cancel() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  onMounted(() => {
    window.addEventListener('scroll', onScroll, { passive: true });
    document.addEventListener('visibilitychange', onVisibility);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('scroll', onScroll);
    document.removeEventListener('visibilitychange', onVisibility);
    if (timer) flush();
  });
  return { open, cancel };
}
