/**
 * Bytes of an uploaded question file → text, without guessing silently.
 *
 * Order: an encoding the person chose; a byte-order mark (UTF-8, UTF-16 LE/BE); UTF-16 without
 * a mark when the file starts with `<` as two bytes; the XML declaration's `encoding`; valid
 * UTF-8. Only then detection among the legacy encodings Japanese and European files come in:
 * Shift_JIS (as Windows-31J, the variant Excel and Windows write: ①, ㈱, 髙), EUC-JP, and
 * Windows-1252 — the last only where every byte is defined in it and the text reads as Latin
 * rather than Japanese. Whatever was detected rather than declared is flagged `guessed`, so the
 * dry run can say so and offer another choice.
 *
 * The WHATWG decoders built into the runtime do the decoding (Node's `TextDecoder` with full ICU).
 */

export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'shift_jis', 'euc-jp', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** How the encoding was found. */
  source: 'chosen' | 'bom' | 'declaration' | 'utf8' | 'detected';
  /** True when the encoding is a guess (detected among several that fit the bytes). */
  guessed: boolean;
  /** The XML declaration named an encoding the bytes do not fit, or one not supported. */
  declarationIgnored?: string;
}

const strict = (encoding: string, bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
};

const lenient = (encoding: string, bytes: Uint8Array): string => new TextDecoder(encoding).decode(bytes);

/** Windows-1252 leaves five bytes undefined; a file containing one is not Windows-1252. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Maps a declared label to one of ours (the WHATWG aliases: Latin-1 and ASCII mean Windows-1252). */
function normalizeLabel(label: string): TextEncoding | null {
  const name = label.trim().toLowerCase();
  let canonical: string;
  try {
    canonical = new TextDecoder(name).encoding;
  } catch {
    return null;
  }
  return (TEXT_ENCODINGS as readonly string[]).includes(canonical) ? (canonical as TextEncoding) : null;
}

function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  // The declaration is ASCII in every encoding we read as bytes here (UTF-16 was handled before).
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const m = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1] ?? null;
}

const KANA = /[\u3041-\u3096\u30a1-\u30fa\u30fc]/gu;
const KANJI = /[\u4e00-\u9fff]/gu;
const JA_PUNCTUATION = /[\u3001\u3002\u300c\u300d\u30fb\uff08\uff09]/gu;
const HALFWIDTH_KANA = /[\uff61-\uff9f]/gu;
const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** How Japanese a decoding reads: kana and Japanese punctuation count most; half-width kana runs are the mark of a wrong guess. */
function japaneseScore(text: string): number {
  return 2 * count(text, KANA) + count(text, KANJI) + 2 * count(text, JA_PUNCTUATION) - 2 * count(text, HALFWIDTH_KANA);
}

export function decodeText(bytes: Uint8Array, chosen?: TextEncoding): DecodedText {
  if (chosen) return { text: stripBom(lenient(chosen, bytes)), encoding: chosen, source: 'chosen', guessed: false };

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: lenient('utf-8', bytes.subarray(3)), encoding: 'utf-8', source: 'bom', guessed: false };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: lenient('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', source: 'bom', guessed: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: lenient('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', source: 'bom', guessed: false };
  // "<" written in two bytes: UTF-16 without a mark (XML 1.0 appendix F).
  if (bytes[0] === 0x3c && bytes[1] === 0x00)
    return { text: lenient('utf-16le', bytes), encoding: 'utf-16le', source: 'detected', guessed: true };
  if (bytes[0] === 0x00 && bytes[1] === 0x3c)
    return { text: lenient('utf-16be', bytes), encoding: 'utf-16be', source: 'detected', guessed: true };

  let declarationIgnored: string | undefined;
  const declared = xmlDeclaredEncoding(bytes);
  if (declared) {
    const encoding = normalizeLabel(declared);
    const text = encoding && !encoding.startsWith('utf-16') ? strict(encoding, bytes) : null;
    if (encoding && text !== null && !(encoding === 'windows-1252' && bytes.some((b) => UNDEFINED_IN_1252.has(b)))) {
      return { text, encoding, source: 'declaration', guessed: false };
    }
    declarationIgnored = declared;
  }

  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null)
    return { text: utf8, encoding: 'utf-8', source: 'utf8', guessed: false, ...(declarationIgnored ? { declarationIgnored } : {}) };

  const candidates: { encoding: TextEncoding; text: string; score: number }[] = [];
  for (const encoding of ['shift_jis', 'euc-jp'] as const) {
    const text = strict(encoding, bytes);
    if (text !== null) candidates.push({ encoding, text, score: japaneseScore(text) });
  }
  const japanese = candidates.sort((a, b) => b.score - a.score)[0];
  const fits1252 = !bytes.some((b) => UNDEFINED_IN_1252.has(b));
  // Japanese text has kana or Japanese punctuation; a Latin file misread as Shift_JIS shows at most
  // a stray kanji between Latin letters ("Geograf僘a"), which is what tips it to Windows-1252.
  const readsJapanese = japanese && count(japanese.text, KANA) + count(japanese.text, JA_PUNCTUATION) > 0 && japanese.score > 0;
  const pick =
    japanese && (readsJapanese || !fits1252)
      ? { encoding: japanese.encoding, text: japanese.text }
      : { encoding: 'windows-1252' as const, text: lenient('windows-1252', bytes) };
  return { ...pick, source: 'detected', guessed: true, ...(declarationIgnored ? { declarationIgnored } : {}) };
}

const stripBom = (text: string): string => text.replace(/^\uFEFF/, '');

/** The first lines of the decoded text, for the dry run to show ("does this read right?"). */
export function textPreview(text: string, maxChars = 400): string {
  const head = text.slice(0, maxChars);
  const cut = head.lastIndexOf('\n');
  return text.length > maxChars && cut > maxChars / 2 ? head.slice(0, cut) : head;
}
