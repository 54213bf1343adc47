/**
 * Kana rules for people's furigana (フリガナ): validation, one stored form (full-width katakana),
 * folding for search (hiragana and katakana match each other), and a 五十音 sort key.
 */

const HIRAGANA_START = 0x3041; // ぁ
const HIRAGANA_END = 0x3096; // ゖ
const KATAKANA_OFFSET = 0x60; // ァ (0x30A1) − ぁ (0x3041)

/** Hiragana → katakana; everything else unchanged (ゝゞ become ヽヾ as well). */
export function toKatakana(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if ((code >= HIRAGANA_START && code <= HIRAGANA_END) || code === 0x309d || code === 0x309e) {
      out += String.fromCodePoint(code + KATAKANA_OFFSET);
    } else out += ch;
  }
  return out;
}

// Katakana letters, the long vowel mark ー, the middle dot ・ (foreign names), iteration marks, spaces.
const FURIGANA_PATTERN = /^[\u30A1-\u30FA\u30FC\u30FB\u30FD\u30FE ]+$/;
export const FURIGANA_MAX_LENGTH = 100;

/**
 * The stored furigana: NFKC (half-width katakana and full-width spaces become standard), hiragana
 * turned into katakana, spaces collapsed. `null` for an empty value, `undefined` when it is not kana.
 */
export function normalizeFurigana(raw: string): string | null | undefined {
  const value = toKatakana(raw.normalize('NFKC')).replace(/\s+/g, ' ').trim();
  if (value === '') return null;
  if (value.length > FURIGANA_MAX_LENGTH || !FURIGANA_PATTERN.test(value)) return undefined;
  return value;
}

/**
 * Folds text for matching: width (NFKC), case, kana type (hiragana = katakana) and spaces (removed,
 * so 鈴木太郎 finds 鈴木 太郎 and スズキタロウ finds スズキ タロウ).
 */
export function foldForMatch(value: string): string {
  return toKatakana(value.normalize('NFKC').toLowerCase()).replace(/\s+/g, '');
}

const SMALL_TO_LARGE: Record<string, string> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
};

const VOWEL_ROWS = [
  'アカサタナハマヤラワ',
  'イキシチニヒミ\u0000リヰ',
  'ウクスツヌフムユル\u0000',
  'エケセテネヘメ\u0000レヱ',
  'オコソトノホモヨロヲ',
];
const VOWEL_OF = new Map<string, string>();
VOWEL_ROWS.forEach((row, i) => {
  for (const ch of row) if (ch !== '\u0000') VOWEL_OF.set(ch, 'アイウエオ'[i]!);
});

/**
 * A key whose plain string order is 五十音順 for katakana: first compared without voicing marks,
 * small kana as large ones and ー as the vowel it lengthens (カード ≈ カアド), then, on a tie, as
 * written (so カ before ガ). A space (between family and given name) sorts before every kana.
 */
export function gojuonKey(katakana: string): string {
  let primary = '';
  let previous = '';
  for (const ch of katakana) {
    let base = ch.normalize('NFD').replace(/[\u3099\u309A]/g, '');
    base = SMALL_TO_LARGE[base] ?? base;
    if (base === 'ー') base = VOWEL_OF.get(previous) ?? base;
    if (base === '・') continue;
    primary += base;
    previous = base;
  }
  return `${primary}\u0001${katakana}`;
}
