/**
 * Uploaded lesson files (PDF, slides, images, video): what kinds exist, how large each may be, and
 * how a kind is recognised. The kind is decided by the bytes only (signatures and container
 * structure), never by the file's name or the type the browser declared.
 */

export const FILE_KINDS = ['pdf', 'pptx', 'png', 'jpeg', 'webp', 'gif', 'mp4'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const MB = 1024 * 1024;

/** Per-kind size limits: images stay small enough for a page; video is what needs room. */
export const FILE_MAX_BYTES: Record<FileKind, number> = {
  pdf: 50 * MB,
  pptx: 50 * MB,
  png: 10 * MB,
  jpeg: 10 * MB,
  webp: 10 * MB,
  gif: 10 * MB,
  mp4: 200 * MB,
};

/** The most any upload may declare (the largest kind); the kind's own limit is checked on completion. */
export const FILE_UPLOAD_MAX_BYTES = Math.max(...Object.values(FILE_MAX_BYTES));

export const FILE_CONTENT_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
};

export const isImageKind = (kind: FileKind): boolean => kind === 'png' || kind === 'jpeg' || kind === 'webp' || kind === 'gif';

/** Shown in place by the browser (media and PDF); anything else is downloaded. */
export const isInlineKind = (kind: FileKind): boolean => kind !== 'pptx';

/** How many leading bytes detection needs (then, for a zip, its central directory from the end). */
export const FILE_HEAD_BYTES = 64;
/** The end of a zip: its end-of-central-directory record sits within the last 64 KiB + 22 bytes. */
export const ZIP_TAIL_BYTES = 65_557;

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** ISO base media brands of MP4 video a browser's <video> plays (QuickTime `qt  ` is not MP4). */
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'dash', 'mmp4', 'msnv']);

/**
 * The kind the first bytes announce, or null. A zip is only a candidate here (`zip`): whether it
 * is a presentation is decided from its central directory (see `zipIsPresentation`).
 */
export function sniffFileHead(head: Uint8Array): FileKind | 'zip' | null {
  if (head.length >= 5 && ascii(head, 0, 5) === '%PDF-') return 'pdf';
  // PNG: the signature, then the IHDR chunk of length 13 first.
  if (head.length >= 16 && startsWith(head, PNG) && ascii(head, 12, 4) === 'IHDR') return 'png';
  if (head.length >= 3 && startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')) return 'gif';
  if (head.length >= 12 && ascii(head, 4, 4) === 'ftyp') {
    const boxSize = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
    if (boxSize >= 16 && boxSize <= 4096 && MP4_BRANDS.has(ascii(head, 8, 4))) return 'mp4';
    return null;
  }
  if (head.length >= 4 && startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return null;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** Where a zip's central directory is, from its tail (the last ZIP_TAIL_BYTES or the whole file). */
export function zipDirectoryOf(tail: Uint8Array, fileSize: number): { offset: number; size: number } | null {
  for (let at = tail.length - 22; at >= 0; at--) {
    if (u32(tail, at) !== 0x06054b50) continue;
    const size = u32(tail, at + 12);
    const offset = u32(tail, at + 16);
    if (offset + size > fileSize || size === 0) return null;
    return { offset, size };
  }
  return null;
}

/** The entry names of a zip's central directory. */
export function zipEntryNames(directory: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  while (at + 46 <= directory.length && u32(directory, at) === 0x02014b50) {
    const nameLength = u16(directory, at + 28);
    const extraLength = u16(directory, at + 30);
    const commentLength = u16(directory, at + 32);
    names.push(new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** An Office Open XML presentation: a zip holding its content types and `ppt/presentation.xml`. */
export function zipIsPresentation(names: string[]): boolean {
  const set = new Set(names);
  return set.has('[Content_Types].xml') && set.has('ppt/presentation.xml');
}

/** Largest central directory read when checking a presentation (a deck has a few hundred entries). */
export const ZIP_DIRECTORY_MAX_BYTES = 4 * 1024 * 1024;

export type FileCheck =
  | { ok: true; kind: FileKind; contentType: string }
  | { ok: false; code: 'file_type_not_allowed' | 'file_too_large'; message: string; maxMegabytes?: number };

/**
 * Decides a stored upload's kind from its bytes: `read(start, end)` returns bytes [start, end)
 * (a ranged GET in the cloud), so only the head, and for a zip its tail and directory, are read.
 */
export async function checkUploadedFile(size: number, read: (start: number, end: number) => Promise<Uint8Array>): Promise<FileCheck> {
  const refused = {
    ok: false,
    code: 'file_type_not_allowed',
    message: 'Only PDF, PowerPoint (pptx), PNG, JPEG, WebP, GIF and MP4 files can be uploaded',
  } as const;
  if (size === 0) return refused;
  const head = await read(0, Math.min(size, FILE_HEAD_BYTES));
  let kind = sniffFileHead(head);
  if (kind === 'zip') {
    const tailStart = Math.max(0, size - ZIP_TAIL_BYTES);
    const dir = zipDirectoryOf(await read(tailStart, size), size);
    if (!dir || dir.size > ZIP_DIRECTORY_MAX_BYTES) return refused;
    kind = zipIsPresentation(zipEntryNames(await read(dir.offset, dir.offset + dir.size))) ? 'pptx' : null;
  }
  if (kind === 'pdf') {
    // A PDF ends with its trailer's %%EOF (a little trailing whitespace or junk is tolerated).
    const tail = new TextDecoder('latin1').decode(await read(Math.max(0, size - 1024), size));
    if (!tail.includes('%%EOF')) kind = null;
  }
  if (!kind) return refused;
  if (size > FILE_MAX_BYTES[kind]) {
    return {
      ok: false,
      code: 'file_too_large',
      message: `A ${kind.toUpperCase()} file may be at most ${FILE_MAX_BYTES[kind] / MB} MB`,
      maxMegabytes: FILE_MAX_BYTES[kind] / MB,
    };
  }
  return { ok: true, kind, contentType: FILE_CONTENT_TYPES[kind] };
}

/** File ids a lesson text refers to (`file:<id>` in a link or image target). */
export function referencedFileIds(text: string): string[] {
  return [...new Set([...text.matchAll(/\(\s*file:([0-9a-z]{16})\s*(?:"[^"]*")?\s*\)/g)].map((m) => m[1]!))];
}
