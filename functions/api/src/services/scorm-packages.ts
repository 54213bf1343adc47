import { isId, randomId } from '@manabi/core';
import {
  deleteScormPackage,
  getScormPackage,
  listPackages,
  objectKeys,
  putScormPackage,
  type Owner,
  type ScormPackageRecord,
  type TransactItem,
} from '@manabi/data';
import { checkPackage, ScormPackageError, type ZipLimits, DEFAULT_ZIP_LIMITS } from '@manabi/scorm';
import type { LearningPackage } from '@manabi/upskilling';
import type { AppDeps, AuthClaims } from '../env.js';
import { ApiError, type Detail } from '../errors.js';
import { authorOwner } from './content-owner.js';

/** The file list is stored in one item (DynamoDB's 400 KB item limit, with room to spare). */
const MAX_FILE_LIST_BYTES = 300_000;
const STORE_CONCURRENCY = 8;

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  xml: 'application/xml',
  xsd: 'application/xml',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  ico: 'image/x-icon',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  pdf: 'application/pdf',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
  swf: 'application/x-shockwave-flash',
  vtt: 'text/vtt; charset=utf-8',
};

/** The content type a package file is served with (from its name: the package's own pages decide what they are). */
export const contentTypeOf = (path: string): string =>
  TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';

/** Where an owner's SCORM files live in the object store. */
export const fileOwnerOf = (owner: Owner): { vendorId: string } | { tenantId: string } => {
  if (owner.kind === 'vendor') return { vendorId: owner.vendorId };
  if (owner.kind === 'tenant') return { tenantId: owner.tenantId };
  throw new Error('The catalog has no SCORM packages');
};

/**
 * How a module names a SCORM package: `<id>` (the author's own) or `vendor:<id>` (the company's
 * vendor's; a vendor's packages always name theirs this way, so the company copies mean the same).
 * Null when the caller has no such owner.
 */
export function scormOwnerOf(
  ref: string,
  home: { tenantId: string; vendorId: string | null; role?: string },
): { owner: Owner; id: string } | null {
  if (ref.startsWith('vendor:')) return home.vendorId ? { owner: { kind: 'vendor', vendorId: home.vendorId }, id: ref.slice(7) } : null;
  if (ref.includes(':')) return null;
  if (home.role === 'vendor_admin' && home.vendorId) return { owner: { kind: 'vendor', vendorId: home.vendorId }, id: ref };
  return { owner: { kind: 'tenant', tenantId: home.tenantId }, id: ref };
}

export const refOfScorm = (owner: Owner['kind'], id: string): string => (owner === 'vendor' ? `vendor:${id}` : id);

export async function findScormPackage(deps: AppDeps, ref: string, home: { tenantId: string; vendorId: string | null; role?: string }) {
  const resolved = scormOwnerOf(ref, home);
  if (!resolved || !isId(resolved.id)) return null;
  const record = await getScormPackage(deps.data.platform, resolved.owner, resolved.id);
  return record ? { record, owner: resolved.owner, ref: refOfScorm(resolved.owner.kind, resolved.id) } : null;
}

export const scormSummary = (r: ScormPackageRecord) => ({
  id: r.id,
  ref: refOfScorm(r.owner, r.id),
  owner: r.owner,
  title: r.title,
  version: r.version,
  schemaVersion: r.schemaVersion,
  launchTitle: r.launch.title,
  scoCount: r.scoCount,
  fileCount: r.fileCount,
  totalBytes: r.totalBytes,
  fileName: r.fileName,
  uploadedAt: r.uploadedAt,
});

/** A refused package as the API answers it: 400 `scorm_<reason>`, naming the file when there is one. */
export function packageProblem(error: ScormPackageError): ApiError {
  const code = `scorm_${error.code}` as const;
  const message = { key: code, params: { file: error.path ?? '' } };
  return new ApiError(400, code, message, [{ path: error.path ? `file:${error.path}` : 'file', message }]);
}

/**
 * Imports a package: the whole zip is checked first; then its files go to the object store under
 * the owner's prefix; the record (with its file list) is written last, in one transaction. If
 * anything fails after the first file was stored, the stored files are deleted again, so a failure
 * leaves neither a record nor orphaned files.
 */
export async function importScormPackage(
  deps: AppDeps,
  auth: AuthClaims,
  zip: Uint8Array,
  fileName: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  /** Writes that go in the record's transaction (the upload the zip came from is marked completed). */
  alsoWrite: (scormId: string) => TransactItem[] = () => [],
): Promise<ScormPackageRecord> {
  let checked;
  try {
    checked = checkPackage(zip, limits);
  } catch (error) {
    if (error instanceof ScormPackageError) throw packageProblem(error);
    throw error;
  }
  const files = checked.archive.entries.map((e) => e.path);
  if (Buffer.byteLength(JSON.stringify(files)) > MAX_FILE_LIST_BYTES)
    throw packageProblem(new ScormPackageError('too_many_files', 'The package has too many files (or too long names)'));

  const owner = authorOwner(auth);
  const id = randomId();
  const fileOwner = fileOwnerOf(owner);
  const stored: string[] = [];
  const removeStored = async () => {
    const results = await Promise.allSettled(stored.map((key) => deps.objects.delete(key)));
    const failed = results.filter((r) => r.status === 'rejected').length;
    if (failed) deps.log({ level: 'error', msg: 'scorm import: orphaned objects left', scormId: id, failed });
  };
  const sco = checked.manifest.scos[0]!;
  const now = deps.now().toISOString();
  const record: ScormPackageRecord = {
    id,
    owner: owner.kind,
    title: checked.manifest.title.slice(0, 300),
    version: checked.manifest.version,
    schemaVersion: checked.manifest.schemaVersion,
    launch: {
      itemId: sco.itemId,
      title: sco.title.slice(0, 300),
      path: sco.launchPath,
      query: sco.launchQuery,
      masteryScore: sco.masteryScore,
    },
    scoCount: checked.manifest.scos.length,
    fileCount: files.length,
    totalBytes: checked.totalBytes,
    fileName: fileName.slice(0, 200),
    uploadedAt: now,
    uploadedBy: auth.userId,
  };
  try {
    const entries = [...checked.archive.entries];
    // On the first failure the workers stop taking files, and every put in flight is waited for
    // before cleaning up, so no file lands after the clean-up deleted what was stored.
    let failure: { error: unknown } | null = null;
    const worker = async () => {
      for (let entry = entries.shift(); entry && !failure; entry = entries.shift()) {
        const key = objectKeys.scormFile(fileOwner, id, entry.path);
        stored.push(key);
        try {
          await deps.objects.put(key, { body: checked.archive.read(entry), contentType: contentTypeOf(entry.path) });
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: STORE_CONCURRENCY }, worker));
    if (failure) throw (failure as { error: unknown }).error;
    await putScormPackage(deps.data.platform, owner, record, files, alsoWrite(id));
  } catch (error) {
    await removeStored();
    throw error;
  }
  return record;
}

/** The author's packages that name a SCORM package (deleting it then would break them). */
export async function packagesUsingScorm(deps: AppDeps, owner: Owner, ref: string): Promise<string[]> {
  const packages = await listPackages<LearningPackage>(deps.data.platform, owner);
  return packages
    .filter((p) =>
      p.package.modules.some((m) => m.kind === 'scorm' && (m.scormPackageId === ref || m.scormPackageId === ref.replace(/^vendor:/, ''))),
    )
    .map((p) => p.id);
}

/** Deletes a package the caller owns unless a package of theirs uses it (409). */
export async function removeScormPackage(deps: AppDeps, auth: AuthClaims, id: string): Promise<boolean> {
  const owner = authorOwner(auth);
  const record = await getScormPackage(deps.data.platform, owner, id);
  if (!record) return false;
  const users = await packagesUsingScorm(deps, owner, refOfScorm(owner.kind, id));
  if (users.length)
    throw new ApiError(409, 'scorm_in_use', 'scorm_in_use', [
      { path: 'id', message: { key: 'field.scorm_used_by', params: { count: users.length } } },
    ]);
  const files = await deleteScormPackage(deps.data.platform, owner, id);
  if (files === null) return false;
  const fileOwner = fileOwnerOf(owner);
  const results = await Promise.allSettled(files.map((path) => deps.objects.delete(objectKeys.scormFile(fileOwner, id, path))));
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed) deps.log({ level: 'error', msg: 'scorm delete: orphaned objects left', scormId: id, failed });
  return true;
}

/**
 * Checks the SCORM modules of a package being saved: each must name a package the author may use
 * (its own, or for a company its vendor's). A vendor's own refs are written `vendor:<id>` in place.
 */
export async function scormModuleProblems(deps: AppDeps, auth: AuthClaims, pkg: LearningPackage): Promise<Detail[]> {
  const problems: Detail[] = [];
  for (const [i, m] of pkg.modules.entries()) {
    if (m.kind !== 'scorm') continue;
    const found = await findScormPackage(deps, m.scormPackageId, auth);
    if (!found) problems.push({ path: `modules.${i}.scormPackageId`, message: 'field.not_own_scorm' });
    else m.scormPackageId = found.ref;
  }
  return problems;
}
