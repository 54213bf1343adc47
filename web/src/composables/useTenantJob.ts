import { onBeforeUnmount, ref } from 'vue';
import { getTenantJob, isJobFinished, type TenantDataScope, type TenantJob } from '../api/tenantLifecycle';

/**
 * Follows a company export or deletion: polls it until it is done or failed. Leaving the page
 * stops the polling (the job goes on on the server; the company's job list shows it again).
 */
export function useTenantJob(scope: TenantDataScope, intervalMs = 1000) {
  const job = ref<TenantJob | null>(null);
  const pollError = ref<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;
  let onFinished: ((job: TenantJob) => void) | null = null;

  function stop() {
    generation += 1;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function schedule(id: string, mine: number, delay: number) {
    timer = setTimeout(async () => {
      try {
        const next = await getTenantJob(scope, id);
        if (mine !== generation) return;
        job.value = next;
        pollError.value = null;
        if (isJobFinished(next)) onFinished?.(next);
        else schedule(id, mine, intervalMs);
      } catch (error) {
        if (mine !== generation) return;
        // A dropped connection should not end the follow-up: keep trying at a slower pace.
        pollError.value = error;
        schedule(id, mine, intervalMs * 2);
      }
    }, delay);
  }

  function follow(initial: TenantJob, finished?: (job: TenantJob) => void) {
    stop();
    job.value = initial;
    onFinished = finished ?? null;
    if (isJobFinished(initial)) onFinished?.(initial);
    else schedule(initial.id, generation, intervalMs);
  }

  onBeforeUnmount(stop);
  return { job, pollError, follow, stop };
}
