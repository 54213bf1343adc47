import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { ScormPackageError } from './errors.js';
import { DEFAULT_ZIP_LIMITS, crc32, openZip, safeZipPath } from './zip.js';
import { zipOf } from './test-zip.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScormPackageError) return error.code;
    throw error;
  }
  return null;
};

/** Rewrites bytes of a zip's central directory entry for the first file (offsets per the ZIP spec). */
function patchCentral(zip: Uint8Array, patch: (view: DataView, entry: number) => void): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let i = copy.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      patch(view, view.getUint32(i + 16, true));
      return copy;
    }
  }
  throw new Error('no end of central directory');
}

describe('safeZipPath', () => {
  it.each([
    ['index.html', 'index.html'],
    ['./a/./b.js', 'a/b.js'],
    ['dir\\file.js', 'dir/file.js'],
    ['../evil.html', null],
    ['a/../../evil.html', null],
    ['/etc/passwd', null],
    ['C:/Windows/x.dll', null],
    ['\\\\server\\share', null],
    ['a\0b', null],
  ])('%s → %s', (name, expected) => expect(safeZipPath(name)).toBe(expected));
});

describe('openZip', () => {
  it('lists files with their sizes and reads them back, checking the CRC', () => {
    const zip = openZip(zipOf({ 'a/b.txt': 'hello', 'c.txt': 'x'.repeat(5000) }));
    expect(zip.entries.map((e) => [e.path, e.size])).toEqual([
      ['a/b.txt', 5],
      ['c.txt', 5000],
    ]);
    expect(new TextDecoder().decode(zip.read(zip.byPath.get('a/b.txt')!))).toBe('hello');
  });

  it('refuses what is not a zip, and zip slip', () => {
    expect(codeOf(() => openZip(new TextEncoder().encode('plain text')))).toBe('not_a_zip');
    expect(codeOf(() => openZip(zipOf({ '../../escape.html': 'x' })))).toBe('unsafe_path');
    expect(codeOf(() => openZip(zipOf({ '/abs.html': 'x' })))).toBe('unsafe_path');
  });

  it('refuses symbolic links (a Unix mode of S_IFLNK in the external attributes)', () => {
    const zip = patchCentral(zipOf({ 'link.html': '/etc/passwd' }), (view, entry) => {
      view.setUint16(entry + 4, (3 << 8) | 20, true);
      view.setUint32(entry + 38, (0o120777 << 16) >>> 0, true);
    });
    expect(codeOf(() => openZip(zip))).toBe('symlink');
  });

  it('refuses too many files, too much uncompressed data and bomb-like ratios before inflating', () => {
    const small = { ...DEFAULT_ZIP_LIMITS, maxFiles: 2 };
    expect(codeOf(() => openZip(zipOf({ a: '1', b: '2', c: '3' }), small))).toBe('too_many_files');
    expect(codeOf(() => openZip(zipOf({ a: 'x'.repeat(2000) }), { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: 1000 }))).toBe(
      'too_large_uncompressed',
    );
    const bomb = zipSync({ zeros: new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    expect(codeOf(() => openZip(bomb, { ...DEFAULT_ZIP_LIMITS, maxRatio: 100 }))).toBe('too_large_uncompressed');
    expect(codeOf(() => openZip(zipOf({ a: '1' }), { ...DEFAULT_ZIP_LIMITS, maxZipBytes: 10 }))).toBe('zip_too_large');
  });

  it('finds an entry whose declared size lies (it cannot grow past it, and fails its checksum)', () => {
    const zip = patchCentral(zipSync({ a: new Uint8Array(10_000) }), (view, entry) => view.setUint32(entry + 24, 100, true));
    const archive = openZip(zip);
    expect(codeOf(() => archive.read(archive.entries[0]!))).toBe('corrupt_zip');
  });

  it('computes the standard CRC-32', () => expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926));
});
