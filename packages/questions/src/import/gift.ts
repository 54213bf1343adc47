import { parse as parseGiftText, type GIFTQuestion, type NumericalFormat, type TextFormat } from 'gift-pegjs';
import type { QuestionFeedback } from '../model.js';
import { mapWeightedChoices } from './choices.js';
import { htmlToText, tidy } from './html.js';
import {
  categoryToSkillTag,
  DEFAULT_MAX_ITEMS,
  ImportCollector,
  pct,
  unique,
  type Draft,
  type ImportOptions,
  type ImportResult,
  type ItemContext,
} from './types.js';

/**
 * Moodle GIFT import, on top of the maintained `gift-pegjs` grammar. Like Moodle, the file is cut
 * into items at blank lines and each item is parsed on its own, so one broken question is
 * reported (with its line) without losing the others.
 *
 * Mapped: MC with one 100% answer → single_choice; MC whose answers carry weights (~%50%…) and
 * no 100% answer → multiple_response; TF (with right/wrong feedback); short answer; numerical
 * (exact, value:tolerance, low..high); answer feedback and #### general feedback (→ explanation).
 * `$CATEGORY:` lines and `// [tag:…]` comments become skill tags, `// [id:…]` the source id.
 * Reported, not imported: matching, essay, description, and anything the grammar rejects.
 */
export function parseGift(text: string, options: ImportOptions = {}): ImportResult {
  const out = new ImportCollector('gift', options);
  const blocks = splitBlocks(text);
  const questionBlocks = blocks.filter((b) => b.kind === 'question').length;
  const max = options.maxItems ?? DEFAULT_MAX_ITEMS;
  if (questionBlocks > max) {
    out.fileError(`The file has ${questionBlocks} questions; at most ${max} can be imported at once`);
    return out.result();
  }
  let categoryTag: string | null = null;
  for (const block of blocks) {
    if (block.kind === 'category') {
      categoryTag = categoryToSkillTag(block.text);
      continue;
    }
    const name = /^\s*::((?:\\.|[^:\\]|:(?!:))*)::/.exec(block.text.split('\n').find((l) => !isComment(l)) ?? '')?.[1];
    let parsed: GIFTQuestion[];
    try {
      parsed = parseGiftText(block.text);
    } catch (e) {
      const ctx = out.item({ line: block.questionLine, ...(name ? { name: name.trim() } : {}) });
      const loc = (e as { location?: { start?: { line?: number } } }).location?.start?.line;
      ctx.error('syntax', `GIFT syntax error: ${(e as Error).message}`, {
        line: loc !== undefined ? block.startLine + loc - 1 : block.questionLine,
      });
      continue;
    }
    for (const q of parsed) {
      if (q.type === 'Category') {
        categoryTag = categoryToSkillTag(q.title);
        continue;
      }
      const ctx = out.item({
        line: block.questionLine,
        ...(q.title ? { name: q.title } : {}),
        ...(q.id ? { id: q.id } : {}),
      });
      const input = mapQuestion(ctx, q);
      if (!input) continue;
      const tags = [...(categoryTag ? [categoryTag] : []), ...(q.tags ?? [])];
      ctx.finish({ ...input, ...(q.title ? { title: q.title } : {}), skillTags: unique(tags) });
    }
  }
  return out.result();
}

interface Block {
  kind: 'question' | 'category';
  text: string;
  /** Line of the block's first line (comments included). */
  startLine: number;
  /** Line of the first non-comment line. */
  questionLine: number;
}

const isComment = (line: string): boolean => /^\s*\/\//.test(line);

function splitBlocks(raw: string): Block[] {
  const lines = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const blocks: Block[] = [];
  let current: { lines: string[]; start: number } | null = null;
  const flush = (): void => {
    if (!current) return;
    const { lines: ls, start } = current;
    current = null;
    let i = ls.findIndex((l) => !isComment(l));
    if (i < 0) return; // comments only
    const first = ls[i] ?? '';
    const cat = /^\s*\$CATEGORY:\s*(.*)$/.exec(first);
    if (cat) {
      blocks.push({ kind: 'category', text: (cat[1] ?? '').trim(), startLine: start + i, questionLine: start + i });
      // A question may follow its category line without a blank line in between.
      const rest = ls.slice(i + 1);
      i = rest.findIndex((l) => !isComment(l));
      if (i < 0) return;
      blocks.push({
        kind: 'question',
        text: rest.join('\n'),
        startLine: start + ls.length - rest.length,
        questionLine: start + ls.length - rest.length + i,
      });
      return;
    }
    blocks.push({ kind: 'question', text: ls.join('\n'), startLine: start, questionLine: start + i });
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') flush();
    else if (current) current.lines.push(line);
    else current = { lines: [line], start: index + 1 };
  });
  flush();
  return blocks;
}

/** GIFT text to plain text: [html] is converted (images/links reported), other formats are kept as written. */
function giftText(ctx: ItemContext, value: TextFormat | null | undefined): string | undefined {
  if (!value) return undefined;
  if (value.format !== 'html') return tidy(value.text) || undefined;
  const { text, images, links } = htmlToText(value.text);
  for (const src of images) ctx.warn('dropped', `Image/media "${src}" is not imported (the text is kept)`);
  for (const href of links) ctx.warn('dropped', `Link target "${href}" is not kept (the link text is)`);
  return text || undefined;
}

const FULL = 99.99;
const weightOf = (c: { isCorrect: boolean; weight: number | null }): number => c.weight ?? (c.isCorrect ? 100 : 0);

function mapQuestion(ctx: ItemContext, q: Exclude<GIFTQuestion, { type: 'Category' }>): Draft | null {
  switch (q.type) {
    case 'Description':
      ctx.error('unsupported_type', 'Unsupported type "description" (text without an answer): not imported');
      return null;
    case 'Essay':
      ctx.error('unsupported_type', 'Unsupported type "essay" (needs manual grading): not imported');
      return null;
    case 'Matching':
      ctx.error('unsupported_type', 'Unsupported type "matching": not imported');
      return null;
    default:
      break;
  }
  const stem = ctx.text(giftText(ctx, q.stem));
  const explanation = ctx.text(giftText(ctx, q.globalFeedback));
  const base = { stem: stem ?? {}, ...(explanation ? { explanation } : {}) };

  switch (q.type) {
    case 'TF': {
      // Moodle: the first #feedback is for a wrong answer, the second for a right one.
      const feedback = compactFeedback({
        incorrect: ctx.text(giftText(ctx, q.trueFeedback)),
        correct: ctx.text(giftText(ctx, q.falseFeedback)),
      });
      return { ...base, type: 'true_false', answer: q.isTrue, ...(feedback ? { feedback } : {}) };
    }
    case 'MC': {
      const choices = q.choices.map((c) => ({
        text: giftText(ctx, c.text) ?? '',
        weight: weightOf(c),
        feedback: giftText(ctx, c.feedback),
      }));
      const mapped = mapWeightedChoices(ctx, choices, 'auto');
      return mapped ? { ...base, ...mapped } : null;
    }
    case 'Short': {
      const accepted: string[] = [];
      const feedbacks: string[] = [];
      let incorrect: string | undefined;
      for (const c of q.choices) {
        const answer = giftText(ctx, c.text) ?? '';
        const w = weightOf(c);
        const fb = giftText(ctx, c.feedback);
        if (answer === '*') {
          if (w >= FULL) ctx.error('unsupported_feature', 'A catch-all "*" answer with full marks cannot be scored');
          else if (fb) incorrect = fb;
        } else if (w >= FULL) {
          if (answer.includes('*')) ctx.error('unsupported_feature', `Wildcard "*" in the answer "${answer}" is not supported`);
          accepted.push(answer);
          if (fb) feedbacks.push(fb);
        } else if (w > 0) {
          ctx.warn('dropped', `Partial-credit answer "${answer}" (${pct(w)}) is not kept`);
        } else if (fb) {
          ctx.warn('dropped', `Feedback for the wrong answer "${answer}" is not kept`);
        }
      }
      const feedback = compactFeedback({ correct: ctx.text(sameOrWarn(ctx, feedbacks)), incorrect: ctx.text(incorrect) });
      // Moodle short answers are case-insensitive unless set otherwise; GIFT cannot say so.
      return { ...base, type: 'short_text', accepted, caseSensitive: false, ...(feedback ? { feedback } : {}) };
    }
    case 'Numerical': {
      const choices = Array.isArray(q.choices) ? q.choices : [{ isCorrect: true, weight: null, text: q.choices, feedback: null }];
      const full: { answer: { value: number; tolerance: number }; feedback?: string }[] = [];
      let incorrect: string | undefined;
      for (const c of choices) {
        const w = weightOf(c);
        const fb = giftText(ctx, c.feedback);
        const range = 'type' in c.text ? numericRange(c.text) : null;
        if (!range) {
          if (w >= FULL) ctx.error('unsupported_feature', 'A catch-all numeric answer with full marks cannot be scored');
          else if (fb) incorrect = fb;
        } else if (w >= FULL) {
          full.push({ answer: range, ...(fb ? { feedback: fb } : {}) });
        } else if (w > 0) {
          ctx.warn('dropped', `Partial-credit answer ${range.value}±${range.tolerance} (${pct(w)}) is not kept`);
        } else if (fb) {
          ctx.warn('dropped', `Feedback for the wrong answer ${range.value}±${range.tolerance} is not kept`);
        }
      }
      if (full.length === 0) {
        ctx.error('invalid', 'No numeric answer with full marks');
        return null;
      }
      if (full.length > 1) {
        ctx.error('unsupported_feature', `${full.length} numeric answers give full marks; Manabi keeps one value and tolerance`);
        return null;
      }
      const feedback = compactFeedback({ correct: ctx.text(full[0]?.feedback), incorrect: ctx.text(incorrect) });
      return { ...base, type: 'numeric', answer: full[0]?.answer, ...(feedback ? { feedback } : {}) };
    }
  }
}

function numericRange(n: NumericalFormat): { value: number; tolerance: number } | null {
  if (n.type === 'simple' && n.number !== undefined) return { value: n.number, tolerance: 0 };
  if (n.type === 'range' && n.number !== undefined) return { value: n.number, tolerance: Math.abs(n.range ?? 0) };
  if (n.type === 'high-low' && n.numberHigh !== undefined && n.numberLow !== undefined) {
    // 3.141..3.142 → 3.1415 ± 0.0005 (rounded: the binary midpoint would be 3.1414999999999997).
    return { value: roundSig((n.numberHigh + n.numberLow) / 2), tolerance: roundSig(Math.abs(n.numberHigh - n.numberLow) / 2) };
  }
  return null;
}

const roundSig = (n: number): number => Number(n.toPrecision(12));

/** One feedback for all right answers: kept when they agree, else reported. */
export function sameOrWarn(ctx: ItemContext, feedbacks: string[]): string | undefined {
  const distinct = unique(feedbacks);
  if (distinct.length > 1) {
    ctx.warn('dropped', `Different feedback per accepted answer is not kept (${distinct.length} texts); only the first is used`);
  }
  return distinct[0];
}

export function compactFeedback(f: QuestionFeedback): QuestionFeedback | undefined {
  const out: QuestionFeedback = {};
  if (f.correct) out.correct = f.correct;
  if (f.incorrect) out.incorrect = f.incorrect;
  return out.correct || out.incorrect ? out : undefined;
}
