import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import { HEARTBEAT_SECONDS, newViewId } from '../lib/completionRule';

/** No input for this long and the learner is taken to be away: beats stop until they are back. */
const IDLE_MS = 5 * 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll', 'touchstart'] as const;

/**
 * Heartbeats while a lesson is on screen (Page Visibility API) and the learner is not idle: one
 * at once, then every HEARTBEAT_SECONDS, and a last one when the page is hidden. The server
 * measures the time between them; each beat carries this page view's id and a running number so a
 * retried request is counted once.
 */
export function useViewingHeartbeat(active: Ref<boolean>, send: (beat: { view: string; seq: number }) => Promise<unknown>): void {
  const view = newViewId();
  let seq = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  let lastInput = Date.now();

  const beat = () => {
    seq += 1;
    send({ view, seq }).catch(() => {
      // A lost beat only loses its own interval; the next one carries on.
    });
  };
  const running = () => timer !== null;
  const stop = (final: boolean) => {
    if (!timer) return;
    clearInterval(timer);
    timer = null;
    if (final) beat();
  };
  const tick = () => {
    if (Date.now() - lastInput > IDLE_MS) stop(false);
    else beat();
  };
  const start = () => {
    if (running() || !active.value || document.visibilityState !== 'visible') return;
    beat();
    timer = setInterval(tick, HEARTBEAT_SECONDS * 1000);
  };
  const onVisibility = () => (document.visibilityState === 'visible' ? start() : stop(true));
  const onInput = () => {
    lastInput = Date.now();
    start();
  };

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility);
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onInput, { passive: true });
  });
  watch(active, (on) => (on ? start() : stop(false)), { immediate: true });
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onInput);
    stop(true);
  });
}
