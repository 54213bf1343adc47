import { isId, randomId } from '@manabi/core';
import {
  claimScormUpload,
  deleteScormUpload,
  getScormPackage,
  getScormUpload,
  objectKeys,
  putScormUpload,
  scormUploadCompletedItem,
  type Owner,
  type ScormPackageRecord,
  type ScormUploadRecord,
  type SignedUpload,
} from '@manabi/data';
import type { ZipLimits } from '@manabi/scorm';
import type { AppDeps, AuthClaims } from '../env.js';
import { ApiError, notFound } from '../errors.js';
import { authorOwner } from './content-owner.js';
import { fileOwnerOf, importScormPackage } from './scorm-packages.js';

/** How long the browser has to send the zip: a maximum-size course on a slow office line. */
export const SCORM_UPLOAD_URL_SECONDS = 60 * 60;
/** An import claimed this long ago died with its Lambda (whose timeout is 29 s) and may be retried. */
const STALE_IMPORT_SECONDS = 5 * 60;

const stagedKey = (owner: Owner, uploadId: string) => objectKeys.scormStagedZip(fileOwnerOf(owner), uploadId);

/**
 * Starts an upload: a pending record for the caller's owner (from the token) and a signed URL that
 * accepts exactly `size` bytes at the staging key. The size is checked here so a zip too large to
 * import is refused before a byte is sent.
 */
export async function startScormUpload(
  deps: AppDeps,
  auth: AuthClaims,
  input: { fileName: string; size: number },
  limits: ZipLimits,
): Promise<{ uploadId: string; maxBytes: number; expiresAt: string; upload: SignedUpload }> {
  if (input.size > limits.maxZipBytes) {
    const message = { key: 'scorm_zip_too_large' as const, params: { max: Math.round(limits.maxZipBytes / 1024 / 1024) } };
    throw new ApiError(400, 'scorm_zip_too_large', message, [{ path: 'size', message: 'field.too_large' }]);
  }
  const owner = authorOwner(auth);
  const now = deps.now();
  const record: ScormUploadRecord = {
    id: randomId(),
    fileName: input.fileName,
    size: input.size,
    status: 'pending',
    scormId: null,
    uploadedBy: auth.userId,
    createdAt: now.toISOString(),
  };
  await putScormUpload(deps.data.platform, owner, record, now);
  const upload = await deps.objects.signedPutUrl(stagedKey(owner, record.id), {
    contentLength: input.size,
    expiresInSeconds: SCORM_UPLOAD_URL_SECONDS,
  });
  const expiresAt = new Date(now.getTime() + SCORM_UPLOAD_URL_SECONDS * 1000).toISOString();
  return { uploadId: record.id, maxBytes: limits.maxZipBytes, expiresAt, upload };
}

/**
 * Imports what arrived at the staging key, exactly as a package is imported (the whole zip checked
 * first, files stored, the record written last, together with the upload marked completed). The
 * staged zip is deleted whatever happens; a refused or failed import also ends the upload (a new
 * one starts afresh). A completed upload answers its package again (`created: false`).
 */
export async function completeScormUpload(
  deps: AppDeps,
  auth: AuthClaims,
  uploadId: string,
  limits: ZipLimits,
): Promise<{ record: ScormPackageRecord; created: boolean }> {
  const db = deps.data.platform;
  const owner = authorOwner(auth);
  const read = () => (isId(uploadId) ? getScormUpload(db, owner, uploadId) : Promise.resolve(null));
  const already = async (upload: ScormUploadRecord) => {
    const record = upload.scormId ? await getScormPackage(db, owner, upload.scormId) : null;
    // The package was deleted since: the upload no longer names anything.
    if (!record) throw notFound('scorm_upload');
    return { record, created: false };
  };

  const upload = await read();
  if (!upload) throw notFound('scorm_upload');
  if (upload.status === 'completed') return already(upload);

  const key = stagedKey(owner, uploadId);
  const size = await deps.objects.size(key);
  if (size === null) {
    // Either nothing was sent yet (the browser may still send it), or another completion just finished.
    const now = await read();
    if (now?.status === 'completed') return already(now);
    if (!now) throw notFound('scorm_upload');
    throw new ApiError(409, 'upload_missing');
  }
  if (!(await claimScormUpload(db, owner, uploadId, deps.now(), STALE_IMPORT_SECONDS))) {
    const now = await read();
    if (now?.status === 'completed') return already(now);
    if (!now) throw notFound('scorm_upload');
    throw new ApiError(409, 'upload_in_progress');
  }

  try {
    // The signed URL takes exactly the declared size; checked again in case a store does not.
    if (size !== upload.size) {
      throw new ApiError(400, 'upload_size_mismatch', 'upload_size_mismatch', [{ path: 'file', message: 'field.wrong_size' }]);
    }
    const staged = await deps.objects.get(key);
    if (!staged) throw new ApiError(409, 'upload_missing');
    const record = await importScormPackage(deps, auth, staged.body, upload.fileName, limits, (scormId) => [
      scormUploadCompletedItem(db, owner, uploadId, scormId),
    ]);
    return { record, created: true };
  } catch (error) {
    await deleteScormUpload(db, owner, uploadId);
    throw error;
  } finally {
    await deps.objects.delete(key).catch((error: unknown) => {
      deps.log({ level: 'error', msg: 'scorm upload: staged zip left behind', uploadId, error: String(error) });
    });
  }
}
