import { msg, renderMessage, type MessageRef } from '../messages/render.js';
/**
 * Reads GIFT the way Moodle's own importer does, so a file that imports into Moodle reads the
 * same here. The rules, as Moodle applies them to one item (a run of lines without a blank line):
 *
 * - Lines starting with `//` are comments. `\\` `\:` `\#` `\=` `\{` `\}` `\~` are escaped
 *   characters and `\n` a line break; every other backslash stays as written (so a short answer's
 *   `\*` reaches the answer as the literal-asterisk escape).
 * - `$CATEGORY: path` switches the category. `::name::` at the start names the question.
 * - The answer block runs from the first `{` to the first `}`. No braces at all: a description.
 *   Text follows the block: the block becomes a `_____` blank ("missing word"); otherwise it is cut.
 * - `####` (the last one) starts the general feedback inside the block.
 * - The block's content decides the type, in this order: empty → essay; starts with `#` →
 *   numerical; contains `~` → multiple choice; contains `=` and `->` → matching; `T`, `TRUE`,
 *   `F`, `FALSE` (before any `#`) → true/false; anything else → short answer.
 * - `:` and `=` in the question text before the block are plain text, as in Moodle's own example
 *   `1+1=2 {T}`; `~=` in a choice list is a correct answer.
 * - `[html]`, `[moodle]`, `[plain]`, `[markdown]` at the start of a text give its format.
 *
 * This module only reads; mapping to Manabi's question types (and reporting what cannot be kept)
 * is `gift.ts`'s job.
 */

export type GiftFormat = 'moodle' | 'html' | 'plain' | 'markdown';

export interface GiftText {
  text: string;
  format: GiftFormat;
}

export interface GiftAnswer {
  text: GiftText;
  /** Moodle fraction in percent: 100 full marks, 0 wrong, negative a penalty. */
  weight: number;
  feedback: GiftText | null;
}

export interface GiftNumericAnswer {
  /** The answer as written: `1822`, `1822:5`, `3.141..3.142`, or `*` for "any other". */
  raw: string;
  value: number | null;
  tolerance: number | null;
  weight: number;
  feedback: GiftText | null;
}

interface GiftCommon {
  name: string | null;
  stem: GiftText;
  generalFeedback: GiftText | null;
  /** Where Moodle's reading was more lenient than the GIFT documentation (for a warning). */
  lenient: MessageRef[];
}

export type GiftItem =
  | { type: 'category'; path: string }
  | (GiftCommon & { type: 'description' })
  | (GiftCommon & { type: 'essay' })
  | (GiftCommon & { type: 'true_false'; answer: boolean; wrongFeedback: GiftText | null; rightFeedback: GiftText | null })
  | (GiftCommon & { type: 'multiple_choice'; answers: GiftAnswer[]; single: boolean })
  | (GiftCommon & { type: 'short_answer'; answers: GiftAnswer[] })
  | (GiftCommon & { type: 'numerical'; answers: GiftNumericAnswer[]; otherFeedback: GiftText | null })
  | (GiftCommon & { type: 'matching'; pairs: { question: GiftText; answer: string }[] });

/** Why an item cannot be read (Moodle refuses the same items). */
export class GiftReadError extends Error {
  constructor(
    readonly reason: 'braces' | 'too_few_answers' | 'matching_pair' | 'not_a_number' | 'no_numeric_answer',
    readonly text: MessageRef,
  ) {
    super(renderMessage(text, 'en'));
  }
}

// Escaped characters are parked in the Private Use Area while the item is cut up, then restored.
const ESCAPES: Record<string, string> = { ':': '\uE001', '#': '\uE002', '=': '\uE003', '{': '\uE004', '}': '\uE005', '~': '\uE006' };
const NEWLINE = '\uE007';
const BACKSLASH = '\uE008';
const RESTORE: Record<string, string> = Object.fromEntries([
  ...Object.entries(ESCAPES).map(([char, mark]) => [mark, char]),
  [NEWLINE, '\n'],
  [BACKSLASH, '\\'],
]);

function park(text: string): string {
  return text
    .replaceAll('\\\\', BACKSLASH)
    .replace(/\\([:#={}~])/g, (_, char: string) => ESCAPES[char] ?? char)
    .replaceAll('\\n', NEWLINE);
}

const restore = (text: string): string => text.replace(/[\uE001-\uE008]/g, (mark) => RESTORE[mark] ?? mark);

const FORMATS: readonly GiftFormat[] = ['moodle', 'html', 'plain', 'markdown'];

/** A text with its optional `[format]` prefix (an unknown name stays part of the text, as in Moodle). */
function formatted(raw: string, fallback: GiftFormat = 'moodle'): GiftText {
  const trimmed = raw.trim();
  const prefix = /^\[([a-z]+)\]/.exec(trimmed);
  if (prefix && (FORMATS as readonly string[]).includes(prefix[1] ?? '')) {
    return { format: prefix[1] as GiftFormat, text: restore(trimmed.slice(prefix[0].length)).trim() };
  }
  return { format: fallback, text: restore(trimmed).trim() };
}

/** `text#feedback` → both parts (the first `#` splits). */
function withFeedback(raw: string, format: GiftFormat): { text: GiftText; feedback: GiftText | null } {
  const at = raw.indexOf('#');
  if (at < 0) return { text: formatted(raw, format), feedback: null };
  const feedback = formatted(raw.slice(at + 1), format);
  return { text: formatted(raw.slice(0, at), format), feedback: feedback.text ? feedback : null };
}

/** A leading `%50%` / `%-100%` / `%33.333%` weight, as Moodle accepts it. */
function leadingWeight(raw: string): { weight: number; rest: string } | null {
  const m = /^%(-*[0-9]{1,2}\.?[0-9]*)%/.exec(raw);
  if (!m) return null;
  return { weight: Number.parseFloat(m[1] ?? '0'), rest: raw.slice(m[0].length) };
}

/** Splits on a separator and drops an empty first piece (text before the first marker). */
function pieces(text: string, separator: string): string[] {
  const parts = text.split(separator);
  if ((parts[0] ?? '').trim() === '') parts.shift();
  return parts;
}

/**
 * Reads one item (its lines, comments included). Returns null for an item of comments only.
 * Throws GiftReadError where Moodle reports the item as broken.
 */
export function readGiftItem(lines: readonly string[]): GiftItem | null {
  const text = park(
    lines
      .map((line) => (line.trim().startsWith('//') ? ' ' : line))
      .join('\n')
      .trim(),
  );
  if (text === '') return null;
  if (text.startsWith('$CATEGORY:')) return { type: 'category', path: restore(text.slice('$CATEGORY:'.length)).trim() };

  let body = text;
  let name: string | null = null;
  if (body.startsWith('::')) {
    const end = body.indexOf('::', 2);
    if (end >= 0) {
      name = restore(body.slice(2, end)).trim() || null;
      body = body.slice(end + 2).trim();
    } else body = body.slice(2);
  }

  const open = body.indexOf('{');
  const close = body.indexOf('}');
  const lenient: MessageRef[] = [];
  if (open < 0 && close < 0) {
    return { type: 'description', name, stem: formatted(body), generalFeedback: null, lenient };
  }
  if (open < 0 || close < 0 || close < open) {
    throw new GiftReadError('braces', msg('gift.braces'));
  }
  let answerText = body.slice(open + 1, close).trim();
  const after = body.slice(close + 1);
  const stemRaw = after.trim() === '' ? body.slice(0, open) : `${body.slice(0, open)}_____${after}`;
  const stem = formatted(stemRaw);

  let generalFeedback: GiftText | null = null;
  const gf = answerText.lastIndexOf('####');
  if (gf >= 0) {
    const parsed = formatted(answerText.slice(gf + 4), stem.format);
    generalFeedback = parsed.text ? parsed : null;
    answerText = answerText.slice(0, gf).trim();
  }
  const common = { name, stem, generalFeedback, lenient };

  if (answerText === '') return { ...common, type: 'essay' };
  if (answerText.startsWith('#')) return { ...common, ...readNumerical(answerText.slice(1), stem.format) };
  if (answerText.includes('~')) {
    if (/~\s*=/.test(answerText)) lenient.push(msg('gift.tilde_equals'));
    return { ...common, ...readChoices(answerText, stem.format) };
  }
  if (answerText.includes('=') && answerText.includes('->')) return { ...common, ...readMatching(answerText, stem.format) };
  const hash = answerText.indexOf('#');
  const tf = (hash > 0 ? answerText.slice(0, hash) : answerText).trim();
  if (['T', 'TRUE', 'F', 'FALSE'].includes(tf)) {
    // TRUE#feedback for a wrong answer#feedback for a right one
    const [, wrong = '', ...right] = answerText.split('#');
    const wrongFeedback = formatted(wrong, stem.format);
    const rightFeedback = formatted(right.join('#'), stem.format);
    return {
      ...common,
      type: 'true_false',
      answer: tf.startsWith('T'),
      wrongFeedback: wrongFeedback.text ? wrongFeedback : null,
      rightFeedback: rightFeedback.text ? rightFeedback : null,
    };
  }
  return { ...common, ...readShortAnswers(answerText, stem.format) };
}

function readChoices(answerText: string, format: GiftFormat): { type: 'multiple_choice'; answers: GiftAnswer[]; single: boolean } {
  // An "=" anywhere means one right answer; without it the weights make a multiple-response item.
  const single = answerText.includes('=');
  const answers = pieces(answerText.replaceAll('=', '~='), '~')
    .map((piece) => piece.trim())
    // "~=" leaves an empty piece between the two markers; Moodle ignores answers without text.
    .filter((piece) => piece !== '')
    .map((piece): GiftAnswer => {
      if (piece.startsWith('=')) return { weight: 100, ...withFeedback(piece.slice(1), format) };
      const weighted = leadingWeight(piece);
      if (weighted) return { weight: weighted.weight, ...withFeedback(weighted.rest, format) };
      return { weight: 0, ...withFeedback(piece, format) };
    })
    .filter((answer) => answer.text.text !== '');
  if (answers.length < 2) throw new GiftReadError('too_few_answers', msg('gift.mc_two_answers'));
  return { type: 'multiple_choice', answers, single };
}

function readShortAnswers(answerText: string, format: GiftFormat): { type: 'short_answer'; answers: GiftAnswer[] } {
  const answers = pieces(answerText, '=')
    .map((piece) => piece.trim())
    .map((piece): GiftAnswer => {
      const weighted = leadingWeight(piece);
      return weighted
        ? { weight: weighted.weight, ...withFeedback(weighted.rest, format) }
        : { weight: 100, ...withFeedback(piece, format) };
    });
  if (answers.length < 1) throw new GiftReadError('too_few_answers', msg('gift.short_one_answer'));
  return { type: 'short_answer', answers };
}

function readMatching(answerText: string, format: GiftFormat): { type: 'matching'; pairs: { question: GiftText; answer: string }[] } {
  const pairs = pieces(answerText, '=').map((piece) => {
    const arrow = piece.indexOf('->');
    if (arrow < 0) throw new GiftReadError('matching_pair', msg('gift.matching_arrow', { pair: restore(piece.trim()) }));
    return { question: formatted(piece.slice(0, arrow), format), answer: restore(piece.slice(arrow + 2)).trim() };
  });
  if (pairs.length < 2) throw new GiftReadError('too_few_answers', msg('gift.matching_two_pairs'));
  return { type: 'matching', pairs };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function readNumerical(
  answerText: string,
  format: GiftFormat,
): { type: 'numerical'; answers: GiftNumericAnswer[]; otherFeedback: GiftText | null } {
  // A "~" starts the feedback for any other answer.
  const tilde = answerText.indexOf('~');
  const otherFeedback = tilde >= 0 ? withFeedback(answerText.slice(tilde + 1), format).feedback : null;
  const main = tilde >= 0 ? answerText.slice(0, tilde) : answerText;
  const parts = pieces(main, '=');
  if (parts.length === 0) throw new GiftReadError('no_numeric_answer', msg('gift.numeric_no_answer'));
  const answers = parts.map((piece): GiftNumericAnswer => {
    const weighted = leadingWeight(piece.trim());
    const { text, feedback } = withFeedback(weighted ? weighted.rest : piece, format);
    const raw = text.text;
    const weight = weighted ? weighted.weight : 100;
    if (raw === '*') return { raw, value: null, tolerance: null, weight, feedback };
    const range = raw.indexOf('..');
    const colon = raw.indexOf(':');
    let value: string;
    let tolerance: string;
    if (range > 0) {
      const [low, high] = [raw.slice(0, range).trim(), raw.slice(range + 2).trim()];
      if (!NUMBER.test(low) || !NUMBER.test(high)) throw notANumber(raw);
      const mid = (Number(low) + Number(high)) / 2;
      return { raw, value: round(mid), tolerance: round(Math.abs(Number(high) - mid)), weight, feedback };
    } else if (colon > 0) {
      value = raw.slice(0, colon).trim();
      tolerance = raw.slice(colon + 1).trim();
    } else {
      value = raw;
      tolerance = '0';
    }
    if (!NUMBER.test(value) || !NUMBER.test(tolerance)) throw notANumber(raw);
    return { raw, value: Number(value), tolerance: Math.abs(Number(tolerance)), weight, feedback };
  });
  return { type: 'numerical', answers, otherFeedback };
}

const notANumber = (raw: string) => new GiftReadError('not_a_number', msg('gift.not_a_number', { value: raw }));

/** 3.141..3.142 → 3.1415 ± 0.0005, not the binary midpoint 3.1414999999999997. */
const round = (n: number): number => Number(n.toPrecision(12));

/** A GIFT file cut into items at blank lines, with the line each item starts on. */
export interface GiftChunk {
  lines: string[];
  /** 1-based line of the chunk's first line. */
  startLine: number;
}

export function splitGiftItems(raw: string): GiftChunk[] {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const chunks: GiftChunk[] = [];
  let current: GiftChunk | null = null;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (current) chunks.push(current);
      current = null;
    } else if (current) current.lines.push(line);
    else current = { lines: [line], startLine: index + 1 };
  });
  if (current) chunks.push(current);
  return chunks;
}
