import { onBeforeUnmount, ref } from 'vue';
import { getUserImportJob, isFinished, type ImportJob } from '../api/importJobs';

/**
 * Follows a background import: polls it every `intervalMs` until it is completed or failed.
 * Leaving the page stops the polling (the job itself goes on on the server).
 */
export function useImportJob(intervalMs = 1000) {
  const job = ref<ImportJob | null>(null);
  const pollError = ref<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let generation = 0;

  function stop() {
    generation += 1;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function schedule(id: string, mine: number) {
    timer = setTimeout(async () => {
      try {
        const next = await getUserImportJob(id);
        if (mine !== generation) return;
        job.value = next;
        pollError.value = null;
        if (!isFinished(next)) schedule(id, mine);
      } catch (error) {
        if (mine !== generation) return;
        // A dropped connection should not end the follow-up: keep trying at a slower pace.
        pollError.value = error;
        timer = setTimeout(() => schedule(id, mine), intervalMs * 2);
      }
    }, intervalMs);
  }

  function follow(initial: ImportJob) {
    stop();
    job.value = initial;
    if (!isFinished(initial)) schedule(initial.id, generation);
  }

  onBeforeUnmount(stop);
  return { job, pollError, follow, stop };
}
