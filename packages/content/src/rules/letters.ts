/**
 * Quizzes shuffle the options, so an explanation that names an option by its letter or position
 * ("option B", 「選択肢A」, "(c)") points at the wrong option for most learners. These patterns
 * catch such references in both languages; a letter that names something else (a shortcut such as
 * Ctrl+A, person A in a logic puzzle) is reworded in the content rather than allowed here.
 */
const LETTER = '[A-Fa-fＡ-Ｆａ-ｆ]';
const NOT_WORD_BEFORE = '(?<![A-Za-zＡ-Ｚａ-ｚ0-9０-９_$+＋])(?<![+＋]\\s)';

const JA_PATTERNS: RegExp[] = [
  // 選択肢A, 選択肢（b）, 選択肢3, 1番目の選択肢
  new RegExp(`選択肢\\s*[(（「]?\\s*(?:${LETTER}|[1-9１-９])`),
  /[1-9１-９一二三四五]\s*(?:番目|つ目)の選択肢/,
  // （a）, (A), 「B」 standing alone
  new RegExp(`[(（「]\\s*${LETTER}\\s*[)）」]`),
  // Aは, b・cは, aが正解
  new RegExp(`${NOT_WORD_BEFORE}${LETTER}\\s*(?:は|が正解|が誤り|も正しい|も誤り)`),
  new RegExp(`${NOT_WORD_BEFORE}${LETTER}\\s*[・、と]\\s*${LETTER}\\s*(?:は|が|も)`),
  /正解は\s*[A-Fa-fＡ-Ｆａ-ｆ1-9１-９]/,
];

const EN_PATTERNS: RegExp[] = [
  // option A, options B and C, choice (c), answer D
  /\b(?:[Oo]ptions?|[Cc]hoices?|[Aa]nswers?|[Aa]lternatives?)\s+(?:[A-F]\b|\([A-Fa-f]\))/,
  // (a), (B)
  /\([A-Fa-f]\)/,
  // A is, B was, C and D are
  /(?<![\w+$-]\s?)\b[A-F] (?:is|was)\b/,
  /\b[A-F],? (?:and|or) [A-F] (?:are|were|is)\b/,
  /\b(?:first|second|third|fourth|last) (?:option|choice)\b/i,
];

/** The offending fragments in a Japanese or English text (empty when it is clean). */
export function letterReferences(text: string, locale: 'ja' | 'en'): string[] {
  const patterns = locale === 'ja' ? JA_PATTERNS : EN_PATTERNS;
  const found: string[] = [];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) found.push(m[0]);
  }
  return found;
}
