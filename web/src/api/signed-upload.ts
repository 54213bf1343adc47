import { ApiError, toApiError } from './client';

/** Where the server says to send an upload's bytes (a presigned S3 URL, or the local server's signed one). */
export interface SignedUploadTarget {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
}

/**
 * Sends the bytes straight to a signed upload URL, never through the API (whose request limit is
 * 6 MB in the cloud), reporting real progress (0–1) as the browser sends them. XMLHttpRequest,
 * because fetch reports no upload progress.
 */
export function putToSignedUrl(target: SignedUploadTarget, file: Blob, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method, target.url);
    for (const [name, value] of Object.entries(target.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      const headers = new Headers({ 'content-type': xhr.getResponseHeader('content-type') ?? '' });
      void toApiError(new Response(xhr.responseText || null, { status: xhr.status, headers })).then(reject);
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'upload_failed', message: 'Upload failed' }));
    xhr.send(file);
  });
}
