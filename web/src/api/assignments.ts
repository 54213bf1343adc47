import { api } from './client';
import type { HeartbeatResult, MyAssignment } from './types';

/** The learner's own assignments and what their reader reports (completion rules are the server's). */
const base = (packageId: string) => `/api/me/assignments/${encodeURIComponent(packageId)}`;
const modulePath = (packageId: string, moduleId: string, action: string) =>
  `${base(packageId)}/modules/${encodeURIComponent(moduleId)}/${action}`;

export const myAssignmentsApi = {
  list: () => api.get<{ items: MyAssignment[] }>('/api/me/assignments'),
  /** "Done" by the learner: only for lessons whose author chose self-declared completion. */
  markDone: (packageId: string, moduleId: string) => api.post<MyAssignment>(modulePath(packageId, moduleId, 'complete')),
  /** The reader saw the end of a read-to-the-end lesson. */
  endReached: (packageId: string, moduleId: string) => api.post<MyAssignment>(modulePath(packageId, moduleId, 'end-reached')),
  /** The lesson is on screen: the server counts the time since the last beat. */
  heartbeat: (packageId: string, moduleId: string, beat: { view: string; seq: number }) =>
    api.post<HeartbeatResult>(modulePath(packageId, moduleId, 'heartbeat'), beat),
  /** Where the learner is: the module open and how far down its text (0–1). */
  saveResume: (packageId: string, moduleId: string, position: number) => api.put<void>(`${base(packageId)}/resume`, { moduleId, position }),
};
