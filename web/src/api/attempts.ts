import { api } from './client';
import type { AttemptView } from './types';

/** The learner's own attempts. */
export const attemptsApi = {
  get: (id: string) => api.get<AttemptView>(`/api/attempts/${encodeURIComponent(id)}`),
};
