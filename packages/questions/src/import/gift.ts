import { msg } from '../messages/render.js';
import type { QuestionFeedback } from '../model.js';
import { mapWeightedChoices } from './choices.js';
import { GiftReadError, readGiftItem, splitGiftItems, type GiftItem, type GiftText } from './gift-reader.js';
import { htmlToText, mediaName, tidy } from './html.js';
import { importedEssay } from '../types/essay-import.js';
import { imageResolver } from './media.js';
import { pairsToMatching } from './matching-pairs.js';
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
 * Moodle GIFT import. The file is read as Moodle's own importer reads it (see gift-reader.ts):
 * cut into items at blank lines, each item read on its own, so one broken question is reported
 * (with its line) without losing the others.
 *
 * Mapped: MC with one 100% answer → single_choice; MC whose answers carry weights (~%50%…) and
 * no 100% answer → multiple_response; TF (with right/wrong feedback); short answer; numerical
 * (exact, value:tolerance, low..high); answer feedback and #### general feedback (→ explanation).
 * `$CATEGORY:` lines and `// [tag:…]` comments become skill tags, `// [id:…]` the source id.
 * Matching (`=prompt -> answer`; `= -> answer` adds a distractor) → matching, read as Moodle's
 * importer reads it: at least 2 pairs (Moodle's GIFT documentation asks for 3, its importer checks
 * for 2 and so do we), no weights or feedback per pair (Moodle has none to keep).
 * An empty answer block `{}` is an essay (one rubric criterion, see essay-import.ts); text with no
 * answer block at all is a description (an information block).
 */
export function parseGift(text: string, options: ImportOptions = {}): ImportResult {
  const out = new ImportCollector('gift', options);
  const blocks = splitBlocks(text);
  const questionBlocks = blocks.filter((b) => b.kind === 'question').length;
  const max = options.maxItems ?? DEFAULT_MAX_ITEMS;
  if (questionBlocks > max) {
    out.fileError(msg('file.too_many_items', { count: questionBlocks, max }));
    return out.result();
  }
  let categoryTag: string | null = null;
  for (const block of blocks) {
    if (block.kind === 'category') {
      categoryTag = categoryToSkillTag(block.text);
      continue;
    }
    const name = /^\s*::((?:\\.|[^:\\]|:(?!:))*)::/.exec(block.lines.find((l) => !isComment(l)) ?? '')?.[1];
    let item: GiftItem | null;
    try {
      item = readGiftItem(block.lines);
    } catch (e) {
      if (!(e instanceof GiftReadError)) throw e;
      const ctx = out.item({ line: block.questionLine, ...(name ? { name: name.trim() } : {}) });
      ctx.error(e.reason === 'braces' ? 'syntax' : 'invalid', e.text);
      continue;
    }
    if (!item) continue;
    if (item.type === 'category') {
      categoryTag = categoryToSkillTag(item.path);
      continue;
    }
    const marks = commentMarks(block.lines);
    const ctx = out.item({
      line: block.questionLine,
      ...(item.name ? { name: item.name } : {}),
      ...(marks.id ? { id: marks.id } : {}),
    });
    for (const note of item.lenient) ctx.warn('suspicious', note);
    const input = mapQuestion(ctx, item);
    if (!input) continue;
    const tags = [...(categoryTag ? [categoryTag] : []), ...marks.tags];
    ctx.finish({ ...input, ...(item.name ? { title: item.name } : {}), skillTags: unique(tags) });
  }
  return out.result();
}

interface Block {
  kind: 'question' | 'category';
  /** The category path (category blocks). */
  text: string;
  /** The item's lines, comments included (question blocks). */
  lines: string[];
  /** Line of the first non-comment line. */
  questionLine: number;
}

const isComment = (line: string): boolean => /^\s*\/\//.test(line);

/** `// [id:BM-1] [tag:敬語]` comments above a question: its source id and extra skill tags. */
function commentMarks(lines: readonly string[]): { id: string | null; tags: string[] } {
  let id: string | null = null;
  const tags: string[] = [];
  for (const line of lines.filter(isComment)) {
    for (const m of line.matchAll(/\[(id|tag):([^\]]+)\]/g)) {
      const value = (m[2] ?? '').trim();
      if (!value) continue;
      if (m[1] === 'id') id ??= value;
      else tags.push(value);
    }
  }
  return { id, tags };
}

function splitBlocks(raw: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of splitGiftItems(raw)) {
    let first = chunk.lines.findIndex((l) => !isComment(l));
    if (first < 0) continue; // comments only
    const cat = /^\s*\$CATEGORY:\s*(.*)$/.exec(chunk.lines[first] ?? '');
    if (!cat) {
      blocks.push({ kind: 'question', text: '', lines: chunk.lines, questionLine: chunk.startLine + first });
      continue;
    }
    blocks.push({ kind: 'category', text: (cat[1] ?? '').trim(), lines: [], questionLine: chunk.startLine + first });
    // Moodle wants a blank line after $CATEGORY; a question written right under it is still read.
    const rest = chunk.lines.slice(first + 1);
    first = rest.findIndex((l) => !isComment(l));
    if (first < 0) continue;
    blocks.push({ kind: 'question', text: '', lines: rest, questionLine: chunk.startLine + chunk.lines.length - rest.length + first });
  }
  return blocks;
}

/** GIFT text to plain text: [html] is converted (images/links reported), other formats are kept as written. */
function giftText(ctx: ItemContext, value: GiftText | null | undefined): string | undefined {
  if (!value) return undefined;
  if (value.format !== 'html') return tidy(value.text) || undefined;
  // A GIFT file is text only: an image comes in a data: URI or not at all (a web address is not fetched).
  const image = imageResolver(ctx, (src) => ({
    missing: msg('image.gift_outside', { name: mediaName(src) }),
  }));
  const { text, images, links } = htmlToText(value.text, { image });
  for (const src of images) ctx.warn('dropped', msg('media.dropped', { src }));
  for (const href of links) ctx.warn('dropped', msg('media.link_dropped', { href }));
  return text || undefined;
}

const FULL = 99.99;

/** GIFT's two types without answers: an essay (`{}`, graded by a person) and a description (no braces). */
function essayOrDescription(ctx: ItemContext, q: Extract<GiftItem, { type: 'essay' | 'description' }>): Draft {
  const stem = ctx.text(giftText(ctx, q.stem));
  const explanation = ctx.text(giftText(ctx, q.generalFeedback));
  const base = { stem: stem ?? {}, ...(explanation ? { explanation } : {}) };
  return q.type === 'description' ? { ...base, type: 'description' } : { ...base, ...importedEssay(ctx, {}) };
}

/** A short answer as Moodle compares it: `\*` is a literal asterisk, a bare `*` a wildcard. */
function shortAnswer(raw: string): { text: string; wildcard: boolean } {
  const wildcard = /(^|[^\\])\*/.test(raw);
  return { text: raw.replaceAll('\\*', '*'), wildcard };
}

function mapQuestion(ctx: ItemContext, q: Exclude<GiftItem, { type: 'category' }>): Draft | null {
  switch (q.type) {
    case 'description':
    case 'essay':
      return essayOrDescription(ctx, q);
    case 'matching':
      return giftMatching(ctx, q);
    default:
      break;
  }
  const stem = ctx.text(giftText(ctx, q.stem));
  const explanation = ctx.text(giftText(ctx, q.generalFeedback));
  const base = { stem: stem ?? {}, ...(explanation ? { explanation } : {}) };

  switch (q.type) {
    case 'true_false': {
      const feedback = compactFeedback({
        incorrect: ctx.text(giftText(ctx, q.wrongFeedback)),
        correct: ctx.text(giftText(ctx, q.rightFeedback)),
      });
      return { ...base, type: 'true_false', answer: q.answer, ...(feedback ? { feedback } : {}) };
    }
    case 'multiple_choice': {
      const choices = q.answers.map((c) => ({ text: giftText(ctx, c.text) ?? '', weight: c.weight, feedback: giftText(ctx, c.feedback) }));
      const mapped = mapWeightedChoices(ctx, choices, q.single ? 'single' : 'multiple');
      return mapped ? { ...base, ...mapped } : null;
    }
    case 'short_answer': {
      const accepted: string[] = [];
      const feedbacks: string[] = [];
      let incorrect: string | undefined;
      for (const c of q.answers) {
        const raw = giftText(ctx, c.text) ?? '';
        const fb = giftText(ctx, c.feedback);
        if (raw === '*') {
          if (c.weight >= FULL) ctx.error('unsupported_feature', msg('answer.catch_all_full'));
          else if (fb) incorrect = fb;
          continue;
        }
        const answer = shortAnswer(raw);
        if (c.weight >= FULL) {
          if (answer.wildcard) {
            ctx.error('unsupported_feature', msg('answer.wildcard_gift', { answer: raw }));
          }
          accepted.push(answer.text);
          if (fb) feedbacks.push(fb);
        } else if (c.weight > 0) {
          ctx.warn('dropped', msg('answer.partial_dropped', { answer: answer.text, weight: pct(c.weight) }));
        } else if (fb) {
          ctx.warn('dropped', msg('answer.wrong_feedback_dropped', { answer: answer.text }));
        }
      }
      const feedback = compactFeedback({ correct: ctx.text(sameOrWarn(ctx, feedbacks)), incorrect: ctx.text(incorrect) });
      // Moodle short answers are case-insensitive unless set otherwise; GIFT cannot say so.
      return { ...base, type: 'short_text', accepted, caseSensitive: false, ...(feedback ? { feedback } : {}) };
    }
    case 'numerical': {
      const full: { answer: { value: number; tolerance: number }; feedback?: string }[] = [];
      let incorrect = giftText(ctx, q.otherFeedback);
      for (const c of q.answers) {
        const fb = giftText(ctx, c.feedback);
        if (c.value === null || c.tolerance === null) {
          if (c.weight >= FULL) ctx.error('unsupported_feature', msg('numeric.any_number_full'));
          else if (fb) incorrect ??= fb;
          continue;
        }
        const range = { value: c.value, tolerance: c.tolerance };
        if (c.weight >= FULL) full.push({ answer: range, ...(fb ? { feedback: fb } : {}) });
        else if (c.weight > 0)
          ctx.warn('dropped', msg('numeric.partial_dropped', { value: range.value, tolerance: range.tolerance, weight: pct(c.weight) }));
        else if (fb) ctx.warn('dropped', msg('numeric.wrong_feedback_dropped', { value: range.value, tolerance: range.tolerance }));
      }
      if (full.length === 0) {
        ctx.error('invalid', msg('numeric.no_full'));
        return null;
      }
      if (full.length > 1) {
        ctx.error('unsupported_feature', msg('numeric.several_full', { count: full.length }));
        return null;
      }
      const feedback = compactFeedback({ correct: ctx.text(full[0]?.feedback), incorrect: ctx.text(incorrect) });
      return { ...base, type: 'numeric', answer: full[0]?.answer, ...(feedback ? { feedback } : {}) };
    }
  }
}

function giftMatching(ctx: ItemContext, q: Extract<GiftItem, { type: 'matching' }>): Draft | null {
  const stem = ctx.text(giftText(ctx, q.stem));
  const explanation = ctx.text(giftText(ctx, q.generalFeedback));
  const mapped = pairsToMatching(
    ctx,
    q.pairs.map((p) => ({ prompt: giftText(ctx, p.question) ?? '', answer: p.answer })),
  );
  return mapped ? { stem: stem ?? {}, ...(explanation ? { explanation } : {}), type: 'matching', ...mapped } : null;
}

/** One feedback for all right answers: kept when they agree, else reported. */
export function sameOrWarn(ctx: ItemContext, feedbacks: string[]): string | undefined {
  const distinct = unique(feedbacks);
  if (distinct.length > 1) {
    ctx.warn('dropped', msg('answer.feedback_per_answer', { count: distinct.length }));
  }
  return distinct[0];
}

export function compactFeedback(f: QuestionFeedback): QuestionFeedback | undefined {
  const out: QuestionFeedback = {};
  if (f.correct) out.correct = f.correct;
  if (f.incorrect) out.incorrect = f.incorrect;
  return out.correct || out.incorrect ? out : undefined;
}
