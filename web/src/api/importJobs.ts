import { api } from './client';
import type { ImportError, Locale } from './types';

/** A background user import (mirrors the API's ImportJob). */
export interface ImportJob {
  id: string;
  kind: 'users';
  status: 'queued' | 'running' | 'completed' | 'failed';
  fileName: string;
  createdAt: string;
  finishedAt: string | null;
  /** Data rows in the file; 0 until the worker has read it. */
  total: number;
  done: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  /** The first 1,000 rows not imported; `errorCount` counts them all. */
  errors: ImportError[];
  errorCount: number;
  newDepartments: string[];
  failure: { code: string; message: string } | null;
}

export const isFinished = (job: ImportJob): boolean => job.status === 'completed' || job.status === 'failed';

/**
 * Starts the import of a previewed file. The same `idempotencyKey` (one per chosen file) makes a
 * retried click or a lost answer return the same job instead of importing twice.
 */
export function startUserImportJob(file: File, options: { sendInvites: boolean; locale: Locale; idempotencyKey: string }) {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('sendInvites', options.sendInvites ? 'true' : 'false');
  return api.request<ImportJob>('/api/import-jobs/users', {
    method: 'POST',
    query: { locale: options.locale },
    form,
    headers: { 'Idempotency-Key': options.idempotencyKey },
  });
}

export const getUserImportJob = (id: string) => api.get<ImportJob>(`/api/import-jobs/users/${encodeURIComponent(id)}`);

/** The company's latest user import, or null when there has been none (in the last 30 days). */
export async function latestUserImportJob(): Promise<ImportJob | null> {
  const { items } = await api.get<{ items: ImportJob[] }>('/api/import-jobs/users', { limit: 1 });
  return items[0] ?? null;
}
