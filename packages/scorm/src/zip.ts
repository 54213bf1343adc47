import { inflateSync } from 'fflate';
import { ScormPackageError } from './errors.js';

/** What a package may be: checked from the zip's central directory before anything is inflated. */
export interface ZipLimits {
  /** The zip file itself. */
  maxZipBytes: number;
  maxFiles: number;
  /** Sum of the declared uncompressed sizes (a zip bomb declares a lot, or lies and fails its CRC). */
  maxUncompressedBytes: number;
  /** Uncompressed / compressed of one entry, above which it is treated as a bomb (deflate rarely exceeds ~20 on real content). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  // Real courses are 20–200 MB. The API reads the whole zip into memory to check and store it; this
  // cap is what its Lambda's memory is sized for (see infra/lib/manabi-stack.ts and docs/architecture.md).
  maxZipBytes: 250 * 1024 * 1024,
  maxFiles: 5000,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxRatio: 1000,
};

export interface ZipEntry {
  /** Normalised path inside the package (`/` separated, no leading `/`, no `.` or `..`). */
  path: string;
  size: number;
  compressedSize: number;
  method: number;
  crc: number;
  localOffset: number;
}

export interface ZipArchive {
  /** Files only (directories are implied by paths). */
  entries: ZipEntry[];
  byPath: Map<string, ZipEntry>;
  read(entry: ZipEntry): Uint8Array;
}

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX_HOST = 3;

/**
 * Zip names written without the UTF-8 flag are, in Japan, usually Shift_JIS (Windows' own zip and
 * many authoring tools); ASCII and valid UTF-8 read the same either way.
 */
function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder('latin1').decode(bytes);
    }
  }
}

/**
 * The name as a path inside the package, or null if it could write outside it (zip slip):
 * absolute paths, drive letters, `..` segments, NUL bytes.
 */
export function safeZipPath(name: string): string | null {
  const unified = name.replaceAll('\\', '/');
  if (unified.includes('\0') || unified.startsWith('/') || /^[a-zA-Z]:/.test(unified)) return null;
  const segments = unified.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  return segments.join('/');
}

/** Opens a zip from its bytes, checking every entry's path, type and size before any is inflated. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  if (bytes.length > limits.maxZipBytes)
    throw new ScormPackageError('zip_too_large', `The zip is larger than ${Math.round(limits.maxZipBytes / 1024 / 1024)} MB`);
  const eocd = findEndOfCentralDirectory(bytes);
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ScormPackageError('too_large_uncompressed', 'ZIP64 archives are not accepted');
  if (cdOffset + cdSize > bytes.length) throw new ScormPackageError('corrupt_zip', 'The zip file is damaged');
  if (count > limits.maxFiles) throw new ScormPackageError('too_many_files', `The package has more than ${limits.maxFiles} files`);

  const entries: ZipEntry[] = [];
  const byPath = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ScormPackageError('corrupt_zip', 'The zip file is damaged');
    const madeBy = u16(bytes, p + 4);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const external = u32(bytes, p + 38);
    const localOffset = u32(bytes, p + 42);
    const rawName = decodeName(bytes.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0);
    p += 46 + nameLength + extraLength + commentLength;

    const path = safeZipPath(rawName);
    if (path === null) throw new ScormPackageError('unsafe_path', `"${rawName}" points outside the package`, rawName);
    if (madeBy >> 8 === UNIX_HOST && ((external >>> 16) & S_IFMT) === S_IFLNK)
      throw new ScormPackageError('symlink', `"${rawName}" is a symbolic link`, rawName);
    if (rawName.endsWith('/') || rawName.endsWith('\\')) continue;
    if (flags & 0x1) throw new ScormPackageError('encrypted', `"${rawName}" is encrypted`, rawName);
    if (method !== 0 && method !== 8)
      throw new ScormPackageError('unsupported_compression', `"${rawName}" uses a compression other than deflate`, rawName);
    if (size === 0xffffffff || compressedSize === 0xffffffff)
      throw new ScormPackageError('too_large_uncompressed', 'ZIP64 archives are not accepted', rawName);
    if (size > Math.max(compressedSize, 1024) * limits.maxRatio)
      throw new ScormPackageError('too_large_uncompressed', `"${rawName}" expands suspiciously (zip bomb)`, rawName);
    total += size;
    if (total > limits.maxUncompressedBytes)
      throw new ScormPackageError(
        'too_large_uncompressed',
        `The package expands to more than ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB`,
      );
    if (byPath.has(path)) throw new ScormPackageError('corrupt_zip', `"${rawName}" appears twice`, rawName);
    const entry = { path, size, compressedSize, method, crc, localOffset };
    entries.push(entry);
    byPath.set(path, entry);
  }
  return { entries, byPath, read: (entry) => readEntry(bytes, entry) };
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (u32(bytes, i) === 0x06054b50) return i;
  throw new ScormPackageError('not_a_zip', 'The file is not a zip archive');
}

function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const o = entry.localOffset;
  if (o + 30 > bytes.length || u32(bytes, o) !== 0x04034b50)
    throw new ScormPackageError('corrupt_zip', 'The zip file is damaged', entry.path);
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ScormPackageError('corrupt_zip', 'The zip file is damaged', entry.path);
  let out: Uint8Array;
  try {
    // Inflated into a buffer of the declared size: an entry that lies about its size cannot grow past it.
    out = entry.method === 0 ? data.slice() : inflateSync(data, { out: new Uint8Array(entry.size) });
  } catch {
    throw new ScormPackageError('corrupt_zip', `"${entry.path}" cannot be decompressed`, entry.path);
  }
  if (out.length !== entry.size || crc32(out) !== entry.crc)
    throw new ScormPackageError('corrupt_zip', `"${entry.path}" does not match its checksum`, entry.path);
  return out;
}

let table: Uint32Array | null = null;
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
