import { checkUploadedFile, FILE_UPLOAD_MAX_BYTES, isId, isInlineKind, randomId, referencedFileIds } from '@manabi/core';
import type { LearningPackage } from '@manabi/upskilling';
import { deleteFile, getFile, listFiles, markFileReady, objectKeys, putPendingFile, type FileRecord, type Owner } from '@manabi/data';
import type { AppDeps, AuthClaims } from '../env.js';
import { ApiError, notFound, type Message } from '../errors.js';

/** How long a handed-out file URL works: long enough to read a lesson, short enough not to be shared for good. */
export const FILE_URL_SECONDS = 3600;
/** How long the browser has to send an upload's bytes. */
export const UPLOAD_URL_SECONDS = 15 * 60;

type FileOwner = Exclude<Owner, { kind: 'catalog' }>;

export const objectKeyOf = (owner: FileOwner, id: string) =>
  objectKeys.lessonFile(owner.kind === 'vendor' ? { vendorId: owner.vendorId } : { tenantId: owner.tenantId }, id);

/** A ready file as the SPA sees it, with a signed URL that serves it. */
export async function presentFile(deps: AppDeps, owner: FileOwner, f: FileRecord) {
  const url =
    f.status === 'ready' && f.kind && f.contentType
      ? await deps.objects.signedGetUrl(objectKeyOf(owner, f.id), {
          expiresInSeconds: FILE_URL_SECONDS,
          contentType: f.contentType,
          disposition: isInlineKind(f.kind) ? 'inline' : 'attachment',
          fileName: f.name,
        })
      : null;
  return {
    id: f.id,
    name: f.name,
    kind: f.kind,
    contentType: f.contentType,
    size: f.size,
    status: f.status,
    uploadedBy: f.uploadedBy,
    createdAt: f.createdAt,
    url,
  };
}

export async function startUpload(deps: AppDeps, owner: FileOwner, auth: AuthClaims, input: { name: string; size: number }) {
  if (input.size > FILE_UPLOAD_MAX_BYTES) {
    throw new ApiError(400, 'file_too_large', { key: 'file_too_large', params: { max: FILE_UPLOAD_MAX_BYTES / 1024 / 1024 } }, [
      { path: 'size', message: 'field.too_large' },
    ]);
  }
  const record: FileRecord = {
    id: randomId(),
    name: input.name,
    status: 'pending',
    size: input.size,
    kind: null,
    contentType: null,
    uploadedBy: auth.userId,
    createdAt: deps.now().toISOString(),
  };
  await putPendingFile(deps.data.platform, owner, record, deps.now());
  const upload = await deps.objects.signedPutUrl(objectKeyOf(owner, record.id), {
    contentLength: input.size,
    expiresInSeconds: UPLOAD_URL_SECONDS,
  });
  return { file: await presentFile(deps, owner, record), upload };
}

/**
 * Checks what arrived at the upload URL: its size as declared, then its kind by content (a ranged
 * read of the head, and for a zip its directory) and the kind's size limit. A refused upload is
 * removed (object and record), so nothing half-accepted stays behind.
 */
export async function completeUpload(deps: AppDeps, owner: FileOwner, id: string) {
  const record = isId(id) ? await getFile(deps.data.platform, owner, id) : null;
  if (!record) throw notFound('file');
  if (record.status === 'ready') return presentFile(deps, owner, record);
  const key = objectKeyOf(owner, id);
  const size = await deps.objects.size(key);
  if (size === null) throw new ApiError(409, 'upload_missing');
  const refuse = async (code: 'upload_size_mismatch' | 'file_type_not_allowed' | 'file_too_large', message: Message = code) => {
    await deps.objects.delete(key);
    await deleteFile(deps.data.platform, owner, id);
    return new ApiError(400, code, message, [{ path: 'file', message }]);
  };
  if (size !== record.size) throw await refuse('upload_size_mismatch');
  const checked = await checkUploadedFile(size, (start, end) => deps.objects.getRange(key, start, end));
  if (!checked.ok)
    throw await refuse(
      checked.code,
      checked.code === 'file_too_large'
        ? { key: 'file_too_large', params: { max: checked.maxMegabytes ?? FILE_UPLOAD_MAX_BYTES / 1024 / 1024 } }
        : checked.code,
    );
  await markFileReady(deps.data.platform, owner, id, { kind: checked.kind, contentType: checked.contentType, size });
  return presentFile(deps, owner, (await getFile(deps.data.platform, owner, id))!);
}

export async function listOwnFiles(deps: AppDeps, owner: FileOwner) {
  // Question images live beside lesson files but belong to their questions: not listed (nor removable) here.
  const files = (await listFiles(deps.data.platform, owner)).filter((f) => f.status === 'ready' && f.purpose !== 'question');
  files.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return Promise.all(files.map((f) => presentFile(deps, owner, f)));
}

export async function removeFile(deps: AppDeps, owner: FileOwner, id: string) {
  const record = isId(id) ? await getFile(deps.data.platform, owner, id) : null;
  if (!record) throw notFound('file');
  await deleteFile(deps.data.platform, owner, id);
  await deps.objects.delete(objectKeyOf(owner, id));
}

/**
 * Where a company's lessons may take files from: its own, and its vendor's (a package the vendor
 * wrote and the company copied still points at the vendor's files). A vendor reads only its own.
 */
export function readableFileOwners(auth: AuthClaims): FileOwner[] {
  if (auth.role === 'vendor_admin' && auth.vendorId) return [{ kind: 'vendor', vendorId: auth.vendorId }];
  const own: FileOwner = { kind: 'tenant', tenantId: auth.tenantId };
  return auth.vendorId ? [own, { kind: 'vendor', vendorId: auth.vendorId }] : [own];
}

/** Signed URLs for the ready files among `ids` that the caller's owners hold; others are left out. */
export async function linksFor(deps: AppDeps, owners: FileOwner[], ids: string[]) {
  const out = [];
  for (const id of new Set(ids.filter(isId))) {
    for (const owner of owners) {
      const f = await getFile(deps.data.platform, owner, id);
      if (f?.status === 'ready') {
        out.push(await presentFile(deps, owner, f));
        break;
      }
    }
  }
  return out;
}

/** The file ids a package's texts (lessons, OJT instructions, in every language) refer to. */
export function filesOfPackage(pkg: LearningPackage): string[] {
  const texts = pkg.modules.flatMap((m) => {
    const localized = m.kind === 'lesson' ? m.body : m.kind === 'ojt' ? m.instructions : null;
    return localized ? Object.values(localized as Record<string, string | undefined>) : [];
  });
  return [...new Set(texts.flatMap((t) => (t ? referencedFileIds(t) : [])))];
}
