import { ref } from 'vue';
import { useRouter } from 'vue-router';
import { attemptsApi } from '../api/attempts';
import { useFormErrors } from './useFormErrors';

/** Starts (or resumes: the API returns the unfinished attempt) a quiz module's assessment and opens the player. */
export function useStartQuiz() {
  const router = useRouter();
  const errors = useFormErrors();
  const starting = ref<string | null>(null);

  async function start(assessmentId: string, key: string = assessmentId) {
    errors.clear();
    starting.value = key;
    try {
      const attempt = await attemptsApi.start(assessmentId);
      await router.push(`/attempts/${encodeURIComponent(attempt.id)}`);
    } catch (error) {
      errors.handle(error);
    } finally {
      starting.value = null;
    }
  }

  return { starting, start, alert: errors.alert };
}
