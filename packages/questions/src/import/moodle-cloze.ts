import { msg } from '../messages/render.js';
import { decodeEntities, htmlToText } from './html.js';
import { optionIdAt, pct, type Draft, type ItemContext } from './types.js';

/**
 * Moodle "embedded answers" (multianswer / cloze) question text → a cloze question.
 *
 * Each gap is written `{weight:TYPE:answers}` in the question text (Moodle's documentation of the
 * syntax): the weight is an optional whole number (default 1); answers are separated by `~`, each
 * `=answer` (full marks) or `%n%answer` (n percent), with `#feedback` after it; `\}`, `\~`, `\#`,
 * `\/`, `\"` and `\\` escape those characters. Types read here:
 * - SHORTANSWER / SA / MW → text blank (case-insensitive); SHORTANSWER_C / SAC / MWC → case-sensitive;
 * - MULTICHOICE / MC and its display variants (MULTICHOICE_V / MCV vertical, _H / MCH horizontal,
 *   _S / MCS shuffled, _VS / MCVS, _HS / MCHS) → choice blank (the display does not change the answer);
 * - NUMERICAL / NM → numeric blank (`value:tolerance`).
 * Refused with a reason: MULTIRESPONSE / MR (and its variants: several right options in one gap, which a
 * choice blank cannot score), a gap with no full-marks answer, several full-marks options or numbers,
 * and a `*` wildcard in a short answer. Kept as warnings: different weights per gap (Manabi weighs
 * blanks equally), partial-credit answers and per-answer feedback.
 */
const GAP = /\{(\d*):([A-Za-z_]+):((?:\\.|[^\\}])*)\}/g;

const TEXT_TYPES: Record<string, boolean> = { SHORTANSWER: false, SA: false, MW: false, SHORTANSWER_C: true, SAC: true, MWC: true };
const CHOICE_TYPES = new Set(['MULTICHOICE', 'MC', 'MULTICHOICE_V', 'MCV', 'MULTICHOICE_H', 'MCH']);
const SHUFFLED_CHOICE = new Set(['MULTICHOICE_S', 'MCS', 'MULTICHOICE_VS', 'MCVS', 'MULTICHOICE_HS', 'MCHS']);
const MULTI_RESPONSE = new Set(['MULTIRESPONSE', 'MR', 'MULTIRESPONSE_H', 'MRH', 'MULTIRESPONSE_S', 'MRS', 'MULTIRESPONSE_HS', 'MRHS']);
const NUMERIC_TYPES = new Set(['NUMERICAL', 'NM']);
const FULL = 99.99;

interface EmbeddedAnswer {
  text: string;
  weight: number;
  feedback: string;
}

/** True when the text holds at least one embedded-answer gap. */
export const hasEmbeddedGaps = (html: string): boolean => new RegExp(GAP.source).test(html);

/**
 * The question text (HTML, as Moodle stores it) with each gap replaced by `{{n}}`, and the blanks.
 * Returns null after reporting errors on `ctx`.
 */
export function readEmbeddedAnswers(
  ctx: ItemContext,
  html: string,
  /** Turns an <img> of the text into an image token (see media.ts). */
  image?: (src: string, alt: string) => string,
): { stem: string; blanks: Draft[] } | null {
  const blanks: Draft[] = [];
  const weights = new Set<number>();
  let n = 0;
  const marked = html.replace(GAP, (_all, weight: string, rawType: string, body: string) => {
    n += 1;
    const type = rawType.toUpperCase();
    weights.add(weight === '' ? 1 : Number(weight));
    const blank = readGap(ctx, n, type, splitAnswers(body));
    if (blank) blanks.push(blank);
    return `{{${n}}}`;
  });
  if (n === 0) {
    ctx.error('invalid', msg('cloze.no_gaps'));
    return null;
  }
  if (weights.size > 1) ctx.warn('dropped', msg('cloze.weights_dropped', { weights: [...weights].join(', ') }));
  if (ctx.hasFailed) return null;
  return { stem: htmlToText(marked, { image }).text, blanks };
}

function readGap(ctx: ItemContext, n: number, type: string, answers: EmbeddedAnswer[]): Draft | null {
  const gap = msg('part.gap', { number: n });
  if (MULTI_RESPONSE.has(type)) {
    ctx.error('unsupported_feature', msg('cloze.multi_response', { gap, type }));
    return null;
  }
  const full = answers.filter((a) => a.weight >= FULL && a.text !== '*');
  const partial = answers.filter((a) => a.weight > 0 && a.weight < FULL && a.text !== '*');
  for (const a of partial) ctx.warn('dropped', msg('cloze.partial_dropped', { gap, answer: a.text, weight: pct(a.weight) }));
  if (answers.some((a) => a.feedback !== '')) ctx.warn('dropped', msg('cloze.feedback_dropped', { gap }));
  if (full.length === 0) {
    ctx.error('invalid', msg('cloze.no_full', { gap }));
    return null;
  }
  const id = String(n);
  if (type in TEXT_TYPES) {
    const wildcard = full.find((a) => a.text.includes('*'));
    if (wildcard) {
      ctx.error('unsupported_feature', msg('cloze.wildcard', { gap, answer: wildcard.text }));
      return null;
    }
    return { id, kind: 'text', accepted: full.map((a) => a.text), caseSensitive: TEXT_TYPES[type] };
  }
  if (CHOICE_TYPES.has(type) || SHUFFLED_CHOICE.has(type)) {
    if (full.length > 1) {
      ctx.error('unsupported_feature', msg('cloze.several_full_options', { gap, count: full.length }));
      return null;
    }
    const options = answers.map((a, i) => ({ id: optionIdAt(i), text: ctx.text(a.text) ?? {}, right: a === full[0] }));
    return {
      id,
      kind: 'choice',
      options: options.map(({ id: optionId, text }) => ({ id: optionId, text })),
      correctOptionId: options.find((o) => o.right)?.id,
    };
  }
  if (NUMERIC_TYPES.has(type)) {
    if (full.length > 1) {
      ctx.error('unsupported_feature', msg('cloze.several_full_numbers', { gap, count: full.length }));
      return null;
    }
    const [value, tolerance = '0'] = (full[0]?.text ?? '').split(':').map((s) => s.trim());
    const v = Number(value);
    const t = Math.abs(Number(tolerance));
    if (value === '' || !Number.isFinite(v) || !Number.isFinite(t)) {
      ctx.error('invalid', msg('cloze.not_a_number', { gap, value: full[0]?.text ?? '' }));
      return null;
    }
    return { id, kind: 'numeric', value: v, tolerance: t };
  }
  ctx.error('unsupported_type', msg('cloze.gap_type', { gap, type }));
  return null;
}

/** `=a#fb~%50%b~c` → answers; escapes resolved, HTML entities and tags in answers read as text. */
function splitAnswers(body: string): EmbeddedAnswer[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '\\' && i + 1 < body.length) {
      current += c + body[i + 1];
      i += 1;
    } else if (c === '~') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts
    .filter((p) => p.trim() !== '')
    .map((part) => {
      let rest = part.trim();
      let weight = 0;
      if (rest.startsWith('=')) {
        weight = 100;
        rest = rest.slice(1);
      } else {
        const m = /^%(-?\d+(?:\.\d+)?)%/.exec(rest);
        if (m) {
          weight = Number(m[1]);
          rest = rest.slice(m[0].length);
        }
      }
      const hash = unescapedHash(rest);
      const text = hash >= 0 ? rest.slice(0, hash) : rest;
      const feedback = hash >= 0 ? rest.slice(hash + 1) : '';
      return { text: clean(text), weight, feedback: clean(feedback) };
    });
}

function unescapedHash(s: string): number {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i += 1;
    else if (s[i] === '#') return i;
  }
  return -1;
}

const clean = (s: string): string => {
  const unescaped = s.replace(/\\(.)/g, '$1');
  return /<\/?[a-z][^>]*>/i.test(unescaped) ? htmlToText(unescaped).text : decodeEntities(unescaped).trim();
};
