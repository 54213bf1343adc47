import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

/**
 * Decodes an uploaded CSV: UTF-8 with a BOM, plain UTF-8, or else Shift_JIS — read as Windows-31J
 * (CP932), the variant Excel in Japan writes, which also has ①, ㈱ and NEC/IBM kanji such as 髙.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'cp932'), encoding: 'shift_jis' };
  }
}

export class CsvSyntaxError extends Error {}

/** Parses CSV text into records (arrays of fields); quoted fields may hold commas and newlines. */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false, bom: false }) as string[][];
  } catch (error) {
    throw new CsvSyntaxError(error instanceof Error ? error.message : String(error));
  }
}
