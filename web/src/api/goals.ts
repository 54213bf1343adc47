import type { Infer, Input, goalInputSchema, goalsOverviewSchema, goalViewSchema } from '@manabi/contract';
import { api } from './client';

/* Types of the goal endpoints, inferred from the API's own schemas (types only: no zod in the bundle). */
export type Goal = Infer<typeof goalViewSchema>;
export type GoalInput = Input<typeof goalInputSchema>;
export type GoalsOverview = Infer<typeof goalsOverviewSchema>;
export type GoalOverviewItem = GoalsOverview['items'][number];
export type GoalStatus = Goal['status'];

const path = (id: string) => `/api/goals/${encodeURIComponent(id)}`;

/** SMART goals: set, list, and the steps from draft to achieved or missed. */
export const goalsApi = {
  /** A person's goals (default: mine). */
  list: (userId?: string) => api.get<{ items: Goal[] }>('/api/goals', userId ? { userId } : undefined),
  create: (body: GoalInput) => api.post<Goal>('/api/goals', body),
  overview: () => api.get<GoalsOverview>('/api/goals/overview'),
  /** Agree (manager or HR), start (the owner) or evaluate (manager or HR). */
  step: (goalId: string, step: 'agree' | 'start' | 'evaluate') => api.post<Goal>(`${path(goalId)}/${step}`),
  /** Send a draft back to its owner with a comment (once); the owner is told. */
  returnGoal: (goalId: string, note: string) => api.post<Goal>(`${path(goalId)}/return`, { note }),
};
