import { api } from './client';
import type { LearningPlan } from './types';

/** The learner's own learning plan (weeks, late work, recommendations with reasons). */
export const planApi = {
  mine: () => api.get<LearningPlan>('/api/me/plan'),
};
