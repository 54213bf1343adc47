import { describe, expect, it } from 'vitest';
import { decodeText, textPreview } from './decode.js';

// Bytes written out by hand from each encoding's code tables (so the test needs no encoder).
const hex = (h: string): Uint8Array => Uint8Array.from(h.match(/../g)!.map((b) => Number.parseInt(b, 16)));
const GIFT_JA = '::敬語::「言う」の謙譲語は？{=申す ~おっしゃる}';
const SJIS = hex('3a3a8c688cea3a3a81758cbe82a4817682cc8caa8ff78cea82cd81487b3d905c82b7207e82a882c182b582e182e97d');
const EUC_JP = hex('3a3ab7c9b8ec3a3aa1d6b8c0a4a6a1d7a4ceb8acbef9b8eca4cfa1a97b3dbfbda4b9207ea4aaa4c3a4b7a4e3a4eb7d');
const CP1252 = hex('3a3a47656f67726166ed613a3abf44f36e646520657374e1204de16c6167613f7b3d45737061f161207e4672616e6369617d');
const LATIN1_XML = hex(
  '3c3f786d6c2076657273696f6e3d22312e302220656e636f64696e673d2249534f2d383835392d31223f3e3c7175697a3e64657373696ee93c2f7175697a3e',
);

const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Uint8Array => {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const unit of Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))) {
    const [hi, lo] = [unit >> 8, unit & 0xff];
    out.push(...(order === 'le' ? [lo, hi] : [hi, lo]));
  }
  return Uint8Array.from(out);
};

describe('decodeText', () => {
  it('reads UTF-8, with or without a BOM, without calling it a guess', () => {
    const bytes = new TextEncoder().encode(GIFT_JA);
    expect(decodeText(bytes)).toEqual({ text: GIFT_JA, encoding: 'utf-8', source: 'utf8', guessed: false });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toMatchObject({ text: GIFT_JA, source: 'bom' });
  });

  it('honours UTF-16 byte-order marks, and reads unmarked UTF-16 XML from its first "<"', () => {
    expect(decodeText(utf16(GIFT_JA, 'le', true))).toMatchObject({ text: GIFT_JA, encoding: 'utf-16le', source: 'bom', guessed: false });
    expect(decodeText(utf16(GIFT_JA, 'be', true))).toMatchObject({ text: GIFT_JA, encoding: 'utf-16be', source: 'bom' });
    expect(decodeText(utf16('<quiz>é</quiz>', 'le', false))).toMatchObject({ text: '<quiz>é</quiz>', encoding: 'utf-16le', guessed: true });
  });

  it('honours the XML declaration (ISO-8859-1 is read as its superset Windows-1252)', () => {
    expect(decodeText(LATIN1_XML)).toMatchObject({
      text: expect.stringContaining('<quiz>dessiné</quiz>'),
      encoding: 'windows-1252',
      source: 'declaration',
      guessed: false,
    });
  });

  it('an unknown or unfitting declaration is reported, and the bytes decide', () => {
    const unknown = new TextEncoder().encode('<?xml version="1.0" encoding="x-klingon"?><quiz>é</quiz>');
    expect(decodeText(unknown)).toMatchObject({
      text: expect.stringContaining('<quiz>é</quiz>'),
      encoding: 'utf-8',
      declarationIgnored: 'x-klingon',
    });
    // Declared UTF-16 but written in one byte per character: read by the bytes.
    const wrong = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-16"?><quiz>ok</quiz>');
    expect(decodeText(wrong)).toMatchObject({ encoding: 'utf-8', declarationIgnored: 'UTF-16' });
  });

  it('detects Shift_JIS (Windows-31J, with ① ㈱ 髙) and EUC-JP, flagged as a guess', () => {
    expect(decodeText(SJIS)).toEqual({ text: GIFT_JA, encoding: 'shift_jis', source: 'detected', guessed: true });
    expect(decodeText(hex('8740878afbfc8bb482b382f1'))).toMatchObject({ text: '①㈱髙橋さん', encoding: 'shift_jis' });
    expect(decodeText(EUC_JP)).toEqual({ text: GIFT_JA, encoding: 'euc-jp', source: 'detected', guessed: true });
  });

  it('falls back to Windows-1252 only when the bytes fit it and do not read as Japanese', () => {
    const latin = decodeText(CP1252);
    expect(latin).toMatchObject({ encoding: 'windows-1252', guessed: true });
    expect(latin.text).toBe('::Geografía::¿Dónde está Málaga?{=España ~Francia}');
    // 0x81 is undefined in Windows-1252: such a file stays Japanese.
    expect(decodeText(SJIS).encoding).toBe('shift_jis');
  });

  it('decodes with the encoding the person chose', () => {
    expect(decodeText(CP1252, 'shift_jis')).toMatchObject({ encoding: 'shift_jis', source: 'chosen', guessed: false });
    expect(decodeText(SJIS, 'shift_jis').text).toBe(GIFT_JA);
  });
});

describe('textPreview', () => {
  it('cuts at a line end near the limit', () => {
    const text = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const preview = textPreview(text, 40);
    expect(preview.endsWith('\n')).toBe(false);
    expect(text.startsWith(preview)).toBe(true);
    expect(preview.length).toBeLessThanOrEqual(40);
    expect(textPreview('short')).toBe('short');
  });
});
