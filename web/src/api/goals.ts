import { api } from './client';
import type { Goal } from './types';

/** Goal steps taken by the manager or HR that carry more than the step itself. */
export const goalsApi = {
  /** Send a draft back to its owner with a comment (once); the owner is told. */
  returnGoal: (goalId: string, note: string) => api.post<Goal>(`/api/goals/${encodeURIComponent(goalId)}/return`, { note }),
};
