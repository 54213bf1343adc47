import { createHash } from 'node:crypto';
import { isId } from '@manabi/core';
import { getFile, putReadyFileOnce, type FileRecord, type Owner } from '@manabi/data';
import {
  checkQuestionImage,
  questionImageIds,
  resolveImportTokens,
  textParts,
  type ImportedImage,
  type LocalizedText,
  type Question,
} from '@manabi/questions';
import type { AppDeps } from '../env.js';
import { notFound } from '../errors.js';
import { objectKeyOf, presentFile } from './files.js';

/**
 * Images in question texts (see packages/questions/src/images.ts). They are files of the
 * question's owner (a company or a vendor) in the same store and table partition as lesson
 * files, marked `purpose: 'question'`, so they are served the same way (signed, expiring URLs)
 * and never listed among lesson files. Their id is the image's content hash (the first 80 bits
 * of its SHA-256, in the id alphabet): storing the same image again, as a retried import does,
 * finds it already there. Another owner's id is simply not in the caller's partition: 404.
 */
export type ImageOwner = Exclude<Owner, { kind: 'catalog' }>;

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** 16 base32 characters (80 bits) of the bytes' SHA-256: a valid id that names the content. */
export function contentId(bytes: Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === 16) break;
    value &= (1 << bits) - 1;
  }
  return out;
}

/** Stores one checked image (object first, then its record, so a record always has its bytes) and returns its id. */
export async function storeQuestionImage(
  deps: AppDeps,
  owner: ImageOwner,
  image: { bytes: Uint8Array; name: string; contentType: string },
  userId: string,
): Promise<FileRecord> {
  const id = contentId(image.bytes);
  const existing = await getFile(deps.data.platform, owner, id);
  if (existing?.status === 'ready') return existing;
  const checked = checkQuestionImage(image.bytes);
  if (!checked.ok) throw new Error(`storeQuestionImage: unchecked image (${checked.reason})`);
  await deps.objects.put(objectKeyOf(owner, id), { body: image.bytes, contentType: checked.contentType });
  const record: FileRecord = {
    id,
    name: image.name.slice(0, 200) || `image.${checked.kind}`,
    status: 'ready',
    size: image.bytes.length,
    kind: checked.kind,
    contentType: checked.contentType,
    uploadedBy: userId,
    createdAt: deps.now().toISOString(),
    purpose: 'question',
  };
  await putReadyFileOnce(deps.data.platform, owner, record);
  return (await getFile(deps.data.platform, owner, id)) ?? record;
}

/** Stores an import's images; returns import number → stored id (for `resolveImportTokens`). */
export async function storeImportedImages(
  deps: AppDeps,
  owner: ImageOwner,
  images: ImportedImage[],
  userId: string,
): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  for (const image of images) ids.set(image.ref, (await storeQuestionImage(deps, owner, image, userId)).id);
  return ids;
}

/** The caller's own question image, or a 404 (an id of another company is not in its partition). */
export async function ownQuestionImage(deps: AppDeps, owner: ImageOwner, id: string) {
  const record = isId(id) ? await getFile(deps.data.platform, owner, id) : null;
  if (!record || record.status !== 'ready' || record.purpose !== 'question') throw notFound('image');
  return presentImage(deps, owner, record);
}

async function presentImage(deps: AppDeps, owner: ImageOwner, record: FileRecord) {
  const file = await presentFile(deps, owner, record);
  return { id: file.id, url: file.url ?? '', contentType: file.contentType ?? '', size: file.size, name: file.name };
}

/**
 * Signed URLs for the images that questions refer to, looked up in their owner's partition only
 * (a catalog question has no images; an id the owner does not hold is left out, and the player
 * shows its alt text).
 */
export async function imageLinks(deps: AppDeps, owner: Owner, ids: string[]): Promise<{ id: string; url: string }[]> {
  if (owner.kind === 'catalog') return [];
  const out: { id: string; url: string }[] = [];
  for (const id of new Set(ids.filter(isId))) {
    const record = await getFile(deps.data.platform, owner, id);
    if (record?.status === 'ready' && record.kind) out.push({ id, url: (await presentImage(deps, owner, record)).url });
  }
  return out;
}

/** Stored image ids in some localized texts (every language). */
export const textImageIds = (texts: (LocalizedText | null | undefined)[]): string[] =>
  texts.flatMap((t) =>
    Object.values(t ?? {})
      .flatMap((text) => (typeof text === 'string' ? textParts(text) : []))
      .flatMap((p) => (p.kind === 'image' ? [p.id] : [])),
  );

/** The images of some questions, as `imageLinks` gives them. */
export const questionImageLinks = (deps: AppDeps, owner: Owner, questions: (Question | Record<string, unknown>)[]) =>
  imageLinks(
    deps,
    owner,
    questions.flatMap((q) => questionImageIds(q)),
  );

/** The bytes of the images some questions show (for exports), by id; ids the owner does not hold are left out. */
export async function imageBytes(
  deps: AppDeps,
  owner: ImageOwner,
  ids: string[],
): Promise<Map<string, { bytes: Uint8Array; contentType: string; name: string }>> {
  const out = new Map<string, { bytes: Uint8Array; contentType: string; name: string }>();
  for (const id of new Set(ids.filter(isId))) {
    const record = await getFile(deps.data.platform, owner, id);
    if (record?.status !== 'ready' || !record.contentType) continue;
    const object = await deps.objects.get(objectKeyOf(owner, id));
    if (object) out.set(id, { bytes: object.body, contentType: record.contentType, name: record.name });
  }
  return out;
}

/** What the dry run says about an import's images: how many, how large, which item each is first in. */
export function importImagesReport(images: ImportedImage[]) {
  return {
    count: images.length,
    bytes: images.reduce((sum, i) => sum + i.size, 0),
    items: images.map((i) => ({ item: i.item, name: i.name, contentType: i.contentType, size: i.size })),
  };
}

/** Confirm step: stores the images, then gives the questions with their import tokens swapped for the stored ids. */
export async function withStoredImages<Q extends Question>(
  deps: AppDeps,
  owner: Owner,
  result: { questions: Q[]; images: ImportedImage[] },
  userId: string,
): Promise<Q[]> {
  if (result.images.length === 0 || owner.kind === 'catalog') return result.questions;
  const ids = await storeImportedImages(deps, owner, result.images, userId);
  return result.questions.map((q) => resolveImportTokens(q, ids));
}

/** The images some questions show, as the exporters take them (none for the catalog). */
export async function exportImagesOf(
  deps: AppDeps,
  owner: Owner,
  questions: Question[],
): Promise<Map<string, { bytes: Uint8Array; contentType: string }>> {
  if (owner.kind === 'catalog') return new Map();
  return imageBytes(
    deps,
    owner,
    questions.flatMap((q) => questionImageIds(q)),
  );
}
