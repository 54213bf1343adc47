import type {
  Infer,
  Input,
  answerBodySchema,
  answerOutcomeSchema,
  answerResponseSchema,
  attemptResultSchema,
  attemptViewSchema,
  myAttemptSchema,
  reviewItemSchema,
  servedItemSchema,
  skillResultSchema,
} from '@manabi/contract';
import { api } from './client';

/* Types of the attempt endpoints, inferred from the API's own schemas (types only: no zod in the bundle). */
export type AttemptView = Infer<typeof attemptViewSchema>;
export type AttemptResult = Infer<typeof attemptResultSchema>;
export type ServedItem = Infer<typeof servedItemSchema>;
export type ReviewItem = Infer<typeof reviewItemSchema>;
export type SkillResult = Infer<typeof skillResultSchema>;
export type AnswerOutcome = Infer<typeof answerOutcomeSchema>;
export type AnswerResponse = Infer<typeof answerResponseSchema>;
export type AnswerBody = Input<typeof answerBodySchema>;
export type MyAttempt = Infer<typeof myAttemptSchema>;
export type AttemptStatus = AttemptView['status'];

const path = (id: string) => `/api/attempts/${encodeURIComponent(id)}`;

/** The learner's own attempts. */
export const attemptsApi = {
  get: (id: string) => api.get<AttemptView>(path(id)),
  /** Starts an attempt of an assessment, or answers the unfinished one. */
  start: (assessmentId: string) => api.post<AttemptView>(`/api/assessments/${encodeURIComponent(assessmentId)}/attempts`),
  answerItem: (attemptId: string, body: AnswerBody) => api.post<AnswerResponse>(`${path(attemptId)}/answers`, body),
  finish: (attemptId: string) => api.post<AttemptView>(`${path(attemptId)}/finish`),
  mine: () => api.get<{ items: MyAttempt[] }>('/api/me/attempts'),
};
