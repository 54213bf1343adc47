import { computed, onBeforeUnmount, ref } from 'vue';

/** Server clock minus browser clock, in ms (positive when the browser is behind). */
export function serverOffset(serverNow: string, clientNow: number = Date.now()): number {
  const server = Date.parse(serverNow);
  return Number.isNaN(server) ? 0 : server - clientNow;
}

/** Milliseconds left until `deadline` on the server's clock (never negative). */
export function remainingMs(deadline: string, offset: number, clientNow: number = Date.now()): number {
  const end = Date.parse(deadline);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, end - (clientNow + offset));
}

/** "9:05", "59:59", "1:02:03" — whole seconds rounded up, so "0:00" means the time is over. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/**
 * A countdown to a server deadline. The server is the judge of time: every AttemptView carries
 * `serverNow`, and the offset to the browser clock is re-measured on each `sync`.
 */
export function useCountdown(onExpire: () => void, tickMs = 250) {
  const deadline = ref<string | null>(null);
  const offset = ref(0);
  const remaining = ref<number | null>(null);
  let timer: ReturnType<typeof setInterval> | null = null;
  let expired = false;

  function tick() {
    if (!deadline.value) {
      remaining.value = null;
      return;
    }
    remaining.value = remainingMs(deadline.value, offset.value);
    if (remaining.value <= 0 && !expired) {
      expired = true;
      stop();
      onExpire();
    }
  }

  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
  }

  function sync(nextDeadline: string | null, serverNow: string) {
    deadline.value = nextDeadline;
    offset.value = serverOffset(serverNow);
    if (expired) return;
    tick();
    if (nextDeadline && !expired && timer === null) timer = setInterval(tick, tickMs);
    if (!nextDeadline) stop();
  }

  onBeforeUnmount(stop);

  const display = computed(() => (remaining.value === null ? '' : formatCountdown(remaining.value)));
  return { deadline, offset, remaining, display, sync, stop };
}
