import { describe, expect, it } from 'vitest';
import { checkUploadedFile, FILE_MAX_BYTES, referencedFileIds, sniffFileHead } from './files.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((ch) => ch.charCodeAt(0)) : p)));
const PNG_HEAD = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

/** A minimal zip (stored entries, no data) with the given names: local headers, directory, end record. */
function zipWith(names: string[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 255, (n >> 8) & 255];
  const u32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
  for (const name of names) {
    const n = [...enc.encode(name)];
    const offset = locals.length;
    locals.push(
      ...u32(0x04034b50),
      ...u16(20),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(0),
      ...u32(0),
      ...u16(n.length),
      ...u16(0),
      ...n,
    );
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(0));
    central.push(...u16(n.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...n);
  }
  const end = [
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(names.length),
    ...u16(names.length),
    ...u32(central.length),
    ...u32(locals.length),
    ...u16(0),
  ];
  return Uint8Array.from([...locals, ...central, ...end]);
}

const check = (data: Uint8Array, size = data.length) => checkUploadedFile(size, async (s, e) => data.subarray(s, e));

describe('uploaded file kinds are decided by content', () => {
  it('recognises each allowed kind by its signature or structure', async () => {
    expect(sniffFileHead(PNG_HEAD)).toBe('png');
    expect(sniffFileHead(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffFileHead(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
    expect(sniffFileHead(bytes('GIF89a'))).toBe('gif');
    expect(sniffFileHead(bytes([0, 0, 0, 24], 'ftypisom', [0, 0, 2, 0], 'isomiso2'))).toBe('mp4');
    expect(await check(bytes('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'))).toMatchObject({
      ok: true,
      kind: 'pdf',
      contentType: 'application/pdf',
    });
    expect(await check(zipWith(['[Content_Types].xml', 'ppt/presentation.xml', 'ppt/slides/slide1.xml']))).toMatchObject({
      ok: true,
      kind: 'pptx',
    });
  });

  it('refuses look-alikes: a plain zip, a Word file, a QuickTime movie, a PDF without its end, HTML, SVG', async () => {
    for (const data of [
      zipWith(['a.txt']),
      zipWith(['[Content_Types].xml', 'word/document.xml']),
      bytes([0, 0, 0, 20], 'ftypqt  ', [0, 0, 0, 0], 'qt  '),
      bytes('%PDF-1.4\n<script>'),
      bytes('<html><script>alert(1)</script>'),
      bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      new Uint8Array(),
    ]) {
      expect(await check(data)).toMatchObject({ ok: false, code: 'file_type_not_allowed' });
    }
  });

  it('applies the limit of the kind found', async () => {
    expect(await check(PNG_HEAD, FILE_MAX_BYTES.png + 1)).toMatchObject({ ok: false, code: 'file_too_large' });
    expect(await check(PNG_HEAD, FILE_MAX_BYTES.png)).toMatchObject({ ok: true, kind: 'png' });
  });

  it('finds the files a lesson text refers to', () => {
    expect(
      referencedFileIds('![図](file:0123456789abcdef) and [資料](file:zyxwvtsrqpnmkjhg "slides") ![x](file:0123456789abcdef)'),
    ).toEqual(['0123456789abcdef', 'zyxwvtsrqpnmkjhg']);
    expect(referencedFileIds('file:0123456789abcdef without brackets')).toEqual([]);
  });
});
