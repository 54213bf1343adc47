import { api, ApiError } from './client';
import { putToSignedUrl, type SignedUploadTarget } from './signed-upload';

/** An uploaded SCORM package (the API's ScormPackage). */
export interface ScormPackageSummary {
  id: string;
  /** What a module names: `<id>`, or `vendor:<id>` for the vendor's. */
  ref: string;
  owner: 'tenant' | 'vendor' | 'catalog';
  title: string;
  version: '1.2' | '2004';
  schemaVersion: string;
  launchTitle: string;
  scoCount: number;
  fileCount: number;
  totalBytes: number;
  fileName: string;
  uploadedAt: string;
}

/** A learner's result in a SCORM module so far. */
export interface ScormRegistration {
  completion: 'not_attempted' | 'unknown' | 'incomplete' | 'completed';
  success: 'unknown' | 'failed' | 'passed';
  scorePercent: number | null;
  totalSeconds: number;
  sessions: number;
  resumable: boolean;
  completedAt: string | null;
  updatedAt: string;
}

export interface ScormLaunch {
  url: string;
  contentOrigin: string;
  expiresAt: string;
}

const moduleBase = (packageId: string, moduleId: string) =>
  `/api/me/assignments/${encodeURIComponent(packageId)}/modules/${encodeURIComponent(moduleId)}/scorm`;

export const listScormPackages = async () => (await api.get<{ items: ScormPackageSummary[] }>('/api/scorm-packages')).items;

export const deleteScormPackage = (id: string) => api.delete(`/api/scorm-packages/${encodeURIComponent(id)}`);

export const launchScorm = (packageId: string, moduleId: string) => api.post<ScormLaunch>(`${moduleBase(packageId, moduleId)}/launch`);

export const myScormResult = async (packageId: string, moduleId: string) =>
  (await api.get<{ registration: ScormRegistration | null }>(moduleBase(packageId, moduleId))).registration;

/** The largest zip the server imports (its `DEFAULT_ZIP_LIMITS.maxZipBytes`); checked here before a byte is sent. */
export const SCORM_UPLOAD_MAX_BYTES = 250 * 1024 * 1024;

interface ScormUploadStart {
  uploadId: string;
  maxBytes: number;
  expiresAt: string;
  upload: SignedUploadTarget;
}

/**
 * Uploads a zip the way every SCORM upload goes: the server hands out a signed URL for exactly its
 * size, the browser sends the zip straight to storage (progress 0–1 as it goes), then the server
 * checks and imports it. A refused zip is an ApiError with its `scorm_<reason>` code.
 */
export async function uploadScormPackage(file: File, onProgress: (fraction: number) => void): Promise<ScormPackageSummary> {
  if (file.size > SCORM_UPLOAD_MAX_BYTES) throw new ApiError({ status: 400, code: 'scorm_zip_too_large', message: 'Too large' });
  const started = await api.post<ScormUploadStart>('/api/scorm-packages/uploads', {
    fileName: file.name || 'package.zip',
    size: file.size,
  });
  await putToSignedUrl(started.upload, file, onProgress);
  onProgress(1);
  return api.post<ScormPackageSummary>(`/api/scorm-packages/uploads/${encodeURIComponent(started.uploadId)}/complete`);
}
