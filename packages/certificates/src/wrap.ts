/** Measures a string's width at a font size (pdf-lib's PDFFont.widthOfTextAtSize). */
export type Measure = (text: string, size: number) => number;

// Latin words (with their trailing spaces) break only at spaces; Japanese may break between any
// two characters, except that closing punctuation never starts a line (it hangs instead).
const TOKEN = /[\p{Script=Latin}\p{N}'’.,:;!?()“”"/@&%+#_-]+\s*|\s+|./gu;
const NO_LINE_START = /^[、。，．・：；？！」』）〕】ー々ゝゞ]/;

/** Greedy line breaking within `maxWidth`; `\n` starts a new paragraph. */
export function wrapText(text: string, measure: Measure, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const token of paragraph.match(TOKEN) ?? []) {
      const candidate = line + token;
      if (line === '' || measure(candidate.trimEnd(), size) <= maxWidth || NO_LINE_START.test(token)) {
        line = candidate;
        continue;
      }
      lines.push(line.trimEnd());
      line = token.trimStart();
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** The largest size (down to `min`) at which a one-line text fits `maxWidth`. */
export function fitSize(text: string, measure: Measure, size: number, min: number, maxWidth: number): number {
  let s = size;
  while (s > min && measure(text, s) > maxWidth) s -= 1;
  return s;
}
