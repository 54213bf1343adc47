import { ApiError, api } from './client';
import { putToSignedUrl, type SignedUploadTarget } from './signed-upload';
import type { LessonFile } from '../lib/markdown';

/** An uploaded lesson file as the server lists it; `url` is signed and expires (ask again for a fresh one). */
export interface LessonFileInfo extends LessonFile {
  contentType: string | null;
  size: number;
  status: 'pending' | 'ready';
  uploadedBy: string;
  createdAt: string;
}

interface UploadStart {
  file: LessonFileInfo;
  upload: SignedUploadTarget;
}

/** The most any file may be (MP4); each kind's own limit is checked by the server from the content. */
export const FILE_UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

export const filesApi = {
  list: () => api.get<{ items: LessonFileInfo[] }>('/api/files'),
  /** Fresh signed URLs for files a text refers to (the author's own, and a company's vendor's). */
  links: (ids: string[]) => api.post<{ items: LessonFileInfo[] }>('/api/files/links', { ids }),
  /** Signed URLs for the files the lessons of one of my assigned packages show. */
  ofMyAssignment: (packageId: string) => api.get<{ items: LessonFileInfo[] }>(`/api/me/assignments/${encodeURIComponent(packageId)}/files`),
  remove: (id: string) => api.delete(`/api/files/${encodeURIComponent(id)}`),
  /** Start, send, then let the server check the content; a refused file is an ApiError with its code. */
  async upload(file: File, onProgress: (fraction: number) => void = () => undefined): Promise<LessonFileInfo> {
    if (file.size > FILE_UPLOAD_MAX_BYTES) throw new ApiError({ status: 400, code: 'file_too_large', message: 'Too large' });
    const started = await api.post<UploadStart>('/api/files', { name: file.name || 'file', size: file.size });
    await putToSignedUrl(started.upload, file, onProgress);
    return api.post<LessonFileInfo>(`/api/files/${encodeURIComponent(started.file.id)}/complete`);
  },
};

/** Files by id, as the renderer takes them. */
export const fileMap = (items: LessonFile[]): Map<string, LessonFile> => new Map(items.map((f) => [f.id, f]));
