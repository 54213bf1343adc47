import { api } from './client';
import type { EssayGradeInput, EssayGrading, EssayQueue } from './types';

const path = (attemptId: string, questionId: string) =>
  `/api/essay-grading/${encodeURIComponent(attemptId)}/${encodeURIComponent(questionId)}`;

/** The grading queue and grading of essays (HR: the company; a manager: their people). */
export const essayGradingApi = {
  queue: (cursor?: string | null) => api.get<EssayQueue>('/api/essay-grading', { cursor: cursor ?? undefined }),
  get: (attemptId: string, questionId: string) => api.get<EssayGrading>(path(attemptId, questionId)),
  grade: (attemptId: string, questionId: string, input: EssayGradeInput) =>
    api.post<EssayGrading>(`${path(attemptId, questionId)}/grade`, input),
  regrade: (attemptId: string, questionId: string, input: EssayGradeInput) =>
    api.post<EssayGrading>(`${path(attemptId, questionId)}/regrade`, input),
};
