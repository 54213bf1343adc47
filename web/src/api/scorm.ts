import { api, ApiError, toApiError } from './client';

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

/**
 * Uploads a zip, reporting progress (0–1). XMLHttpRequest, because fetch reports no upload
 * progress; the token comes from the caller (the auth store), refreshed once on a 401.
 */
export function uploadScormPackage(
  file: File,
  auth: { token: () => string | null; refresh: () => Promise<boolean> },
  onProgress: (fraction: number) => void,
): Promise<ScormPackageSummary> {
  const send = () =>
    new Promise<{ status: number; response: Response }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/scorm-packages');
      const token = auth.token();
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        const headers = new Headers();
        const requestId = xhr.getResponseHeader('x-request-id');
        if (requestId) headers.set('x-request-id', requestId);
        headers.set('content-type', xhr.getResponseHeader('content-type') ?? 'application/json');
        resolve({ status: xhr.status, response: new Response(xhr.responseText, { status: xhr.status, headers }) });
      };
      xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network_error', message: 'Network error' }));
      const form = new FormData();
      form.set('file', file, file.name);
      xhr.send(form);
    });
  return (async () => {
    let result = await send();
    if (result.status === 401 && (await auth.refresh())) result = await send();
    if (result.status < 200 || result.status >= 300) throw await toApiError(result.response);
    return (await result.response.json()) as ScormPackageSummary;
  })();
}
