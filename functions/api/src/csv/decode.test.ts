import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv } from './decode.js';

const text = '氏名,メールアドレス\n髙橋 ①子,"a@example.jp"\n';

describe('decodeCsv', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = new TextEncoder().encode(text);
    expect(decodeCsv(plain)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toEqual({ text, encoding: 'utf-8-bom' });
  });
  it('reads Shift_JIS as Excel writes it (CP932 characters included)', () => {
    expect(decodeCsv(iconv.encode(text, 'cp932'))).toEqual({ text, encoding: 'shift_jis' });
  });
});

describe('parseCsv', () => {
  it('keeps quoted commas and newlines inside a field', () => {
    expect(parseCsv('a,b\n"x, y","line1\nline2"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'line1\nline2'],
    ]);
  });
  it('reports unreadable CSV', () => {
    expect(() => parseCsv('a,b\n"unterminated,1\n')).toThrow();
  });
});
