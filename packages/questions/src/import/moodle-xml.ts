import { msg } from '../messages/render.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { mapWeightedChoices } from './choices.js';
import { compactFeedback, sameOrWarn } from './gift.js';
import { htmlToText, mediaName, tidy } from './html.js';
import { importedEssay } from '../types/essay-import.js';
import { pairsToMatching } from './matching-pairs.js';
import { readEmbeddedAnswers } from './moodle-cloze.js';
import { moodleFiles, moodleImageFinder } from './moodle-files.js';
import { imageResolver } from './media.js';
import {
  categoryToSkillTag,
  DEFAULT_MAX_ITEMS,
  ImportCollector,
  lineIndex,
  optionIdAt,
  pct,
  unique,
  type Draft,
  type ImportOptions,
  type ImportResult,
  type ItemContext,
} from './types.js';

/**
 * Moodle XML import (parsed with `fast-xml-parser`; no DTD or external entity is fetched).
 *
 * Mapped: multichoice (single → single_choice, multiple → multiple_response with partial credit),
 * truefalse, shortanswer (usecase → caseSensitive), numerical (first 100% answer + tolerance),
 * ordering (selecttype ALL); name → title, idnumber → source id, answer feedback, correct /
 * incorrect feedback, generalfeedback → explanation; `<question type="category">` paths and
 * `<tags>` → skill tags.
 * Text in the "html" format (the default for question text) is converted to plain text (see
 * html.ts). Images and other files (@@PLUGINFILE@@, <file>, Moodle 1.9 <image>) are NOT
 * imported: each is reported as a warning on its question.
 * matching (subquestions; an empty subquestion's answer is a distractor) → matching;
 * cloze / multianswer (embedded answers, see moodle-cloze.ts) → cloze;
 * essay (graderinfo → graders' notes, min/max word limits, default grade → the one rubric
 * criterion's points; a response template is not kept, with a warning) and description.
 * Reported, not imported: every other type (calculated*, ddwtos, gapselect, randomsamatch, …).
 */
export function parseMoodleXml(text: string, options: ImportOptions = {}): ImportResult {
  const out = new ImportCollector('moodle_xml', options);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    out.fileError(msg('file.xml_not_well_formed'), valid.err.line);
    return out.result();
  }
  let doc: { quiz?: { question?: XmlNode[] } | string };
  try {
    doc = new XMLParser(PARSER_OPTIONS).parse(text) as typeof doc;
  } catch {
    out.fileError(msg('file.xml_unreadable'));
    return out.result();
  }
  if (doc.quiz === undefined) {
    out.fileError(msg('file.not_moodle_xml'));
    return out.result();
  }
  const questions = typeof doc.quiz === 'object' ? (doc.quiz.question ?? []) : [];
  const items = questions.filter((q) => attr(q, 'type') !== 'category').length;
  const max = options.maxItems ?? DEFAULT_MAX_ITEMS;
  if (items > max) {
    out.fileError(msg('file.too_many_items', { count: items, max }));
    return out.result();
  }
  const lineOf = lineIndex(text);
  const meta = XMLParser.getMetaDataSymbol();
  let categoryTag: string | null = null;

  for (const q of questions) {
    const type = attr(q, 'type') ?? '';
    if (type === 'category') {
      categoryTag = categoryToSkillTag(textOf(child(q, 'category')));
      continue;
    }
    const start = (q as Record<symbol, { startIndex?: number } | undefined>)[meta as symbol]?.startIndex;
    const name = plainName(textOf(child(q, 'name')));
    const idnumber = textOf(child(q, 'idnumber')).trim();
    const ctx = out.item({
      ...(start !== undefined ? { line: lineOf(start) } : {}),
      ...(name ? { name } : {}),
      ...(idnumber ? { id: idnumber } : {}),
    });
    const item = new MoodleItem(ctx, moodleFiles(q));
    const input = item.map(type, q);
    item.reportMedia(q);
    if (!input || ctx.hasFailed) continue;
    const tags = [...(categoryTag ? [categoryTag] : []), ...children(child(q, 'tags'), 'tag').map((t) => textOf(t).trim())].filter(Boolean);
    ctx.finish({ ...input, ...(name ? { title: name } : {}), skillTags: unique(tags) });
  }
  return out.result();
}

type XmlNode = Record<string, unknown> | string;

const ARRAYS = new Set(['question', 'answer', 'tag', 'file', 'hint', 'subquestion', 'unit', 'dataset_definition']);
const PARSER_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  captureMetaData: true,
  // XML character references (&#233;) and the HTML names some exporters write are text.
  htmlEntities: true,
  isArray: (name: string) => ARRAYS.has(name),
};

const attr = (node: XmlNode | undefined, name: string): string | undefined =>
  typeof node === 'object' && typeof node[`@${name}`] === 'string' ? (node[`@${name}`] as string) : undefined;
const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => {
  if (typeof node !== 'object') return undefined;
  const v = node[name];
  return Array.isArray(v) ? (v[0] as XmlNode | undefined) : (v as XmlNode | undefined);
};
const children = (node: XmlNode | undefined, name: string): XmlNode[] => {
  if (typeof node !== 'object') return [];
  const v = node[name];
  return v === undefined ? [] : Array.isArray(v) ? (v as XmlNode[]) : [v as XmlNode];
};
/** The element's own text, or its <text> child's (Moodle wraps most texts in <text>). */
function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  const t = node['text'];
  if (t !== undefined) return textOf(Array.isArray(t) ? (t[0] as XmlNode) : (t as XmlNode));
  return typeof node['#text'] === 'string' ? node['#text'] : '';
}
const plainName = (value: string): string => (/<\/?[a-z][^>]*>/i.test(value) ? htmlToText(value).text : tidy(value));
const num = (value: string): number | null => {
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(n) ? n : null;
};
const FULL = 99.99;

class MoodleItem {
  private readonly media = new Set<string>();
  private readonly image: (src: string, alt: string) => string;

  constructor(
    readonly ctx: ItemContext,
    private readonly files: Map<string, string>,
  ) {
    this.image = imageResolver(ctx, moodleImageFinder(files, this.usedFiles));
  }

  private readonly usedFiles = new Set<string>();

  /** A Moodle text element as plain text, in its declared format (default: html). */
  text(node: XmlNode | undefined, defaultFormat = 'html'): string {
    const raw = textOf(node);
    const format = attr(node, 'format') ?? defaultFormat;
    // Moodle shows moodle_auto_format and markdown text as HTML too: markup and character
    // references in them are meant ("O ( n<sup>2</sup> )", "&radic;"). Only plain_text is literal.
    if (format === 'plain_text' || (format !== 'html' && !/<\/?[a-z][^>]*>|&(#x?[0-9a-f]+|[a-z][a-z0-9]*);/i.test(raw))) return tidy(raw);
    const { text, images, links } = htmlToText(raw, { image: this.image });
    for (const src of images) this.addMedia(src);
    for (const href of links) {
      if (href.includes('@@PLUGINFILE@@')) this.addMedia(href);
      else this.ctx.warn('dropped', msg('media.link_dropped', { href }));
    }
    return text;
  }

  private addMedia(src: string): void {
    this.media.add(mediaName(src));
  }

  /**
   * What was not imported: media other than images (audio, video, linked files), <file>s no text
   * shows, the Moodle 1.9 <image> field. One warning each. (Images in the texts are imported.)
   */
  reportMedia(q: XmlNode): void {
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'image' && typeof value === 'string' && value.trim()) this.media.add(value.trim());
        else if (key !== 'file') walk(value);
      }
    };
    walk(q);
    for (const name of this.files.keys()) if (!this.usedFiles.has(name)) this.media.add(name);
    for (const name of this.media) this.ctx.warn('dropped', msg('xml.file_dropped', { name }));
  }

  private base(q: XmlNode): { stem: unknown; explanation?: unknown } {
    const stem = this.ctx.text(this.text(child(q, 'questiontext')));
    const explanation = this.ctx.text(this.text(child(q, 'generalfeedback')));
    return { stem: stem ?? {}, ...(explanation ? { explanation } : {}) };
  }

  private hints(q: XmlNode): void {
    const hints = children(q, 'hint').filter((h) => textOf(h).trim() !== '');
    if (hints.length > 0) this.ctx.warn('dropped', msg('xml.hints_dropped', { count: hints.length }));
  }

  map(type: string, q: XmlNode): Draft | null {
    switch (type) {
      case 'multichoice':
        return this.multichoice(q);
      case 'truefalse':
        return this.truefalse(q);
      case 'shortanswer':
        return this.shortanswer(q);
      case 'numerical':
        return this.numerical(q);
      case 'ordering':
        return this.ordering(q);
      case 'matching':
        return this.matching(q);
      // Moodle XML names the embedded-answers type "cloze"; "multianswer" is its name inside Moodle.
      case 'cloze':
      case 'multianswer':
        return this.multianswer(q);
      case 'match':
        this.ctx.error('unsupported_type', msg('xml.type_match'));
        return null;
      case 'essay':
        return this.essay(q);
      case 'description':
        return { ...this.base(q), type: 'description' };
      default:
        this.ctx.error('unsupported_type', msg('xml.type_unsupported', { type: type || msg('xml.type_none') }));
        return null;
    }
  }

  private multichoice(q: XmlNode): Draft | null {
    const single = !['false', '0'].includes(textOf(child(q, 'single')).trim().toLowerCase());
    const base = this.base(q);
    const choices = children(q, 'answer').map((a) => ({
      text: this.text(a, 'moodle_auto_format'),
      weight: num(attr(a, 'fraction') ?? '0') ?? 0,
      feedback: this.text(child(a, 'feedback')),
    }));
    const mapped = mapWeightedChoices(this.ctx, choices, single ? 'single' : 'multiple');
    if (!mapped) return null;
    if (!single && this.text(child(q, 'partiallycorrectfeedback'))) this.ctx.warn('dropped', msg('xml.partially_correct_dropped'));
    this.hints(q);
    const feedback = compactFeedback({
      correct: this.ctx.text(this.text(child(q, 'correctfeedback'))),
      incorrect: this.ctx.text(this.text(child(q, 'incorrectfeedback'))),
    });
    return { ...base, ...mapped, ...(feedback ? { feedback } : {}) };
  }

  private essay(q: XmlNode): Draft {
    const base = this.base(q);
    if (this.text(child(q, 'responsetemplate'))) this.ctx.warn('dropped', msg('xml.response_template_dropped'));
    const attachments = num(textOf(child(q, 'attachments'))) ?? 0;
    if (attachments !== 0) this.ctx.warn('dropped', msg('xml.attachments_dropped'));
    return {
      ...base,
      ...importedEssay(this.ctx, {
        markOutOf: num(textOf(child(q, 'defaultgrade'))),
        minWords: num(textOf(child(q, 'minwordlimit'))),
        maxWords: num(textOf(child(q, 'maxwordlimit'))),
        graderNotes: this.text(child(q, 'graderinfo')),
      }),
    };
  }

  private truefalse(q: XmlNode): Draft | null {
    const answers = children(q, 'answer').map((a) => ({
      value: textOf(a).trim().toLowerCase(),
      full: (num(attr(a, 'fraction') ?? '0') ?? 0) >= FULL,
      feedback: this.text(child(a, 'feedback')),
    }));
    const right = answers.filter((a) => a.full && (a.value === 'true' || a.value === 'false'));
    if (right.length !== 1) {
      this.ctx.error('invalid', msg('xml.true_false'));
      return null;
    }
    const wrong = answers.find((a) => !a.full);
    const feedback = compactFeedback({ correct: this.ctx.text(right[0]?.feedback), incorrect: this.ctx.text(wrong?.feedback) });
    return { ...this.base(q), type: 'true_false', answer: right[0]?.value === 'true', ...(feedback ? { feedback } : {}) };
  }

  private shortanswer(q: XmlNode): Draft | null {
    const accepted: string[] = [];
    const feedbacks: string[] = [];
    let incorrect: string | undefined;
    for (const a of children(q, 'answer')) {
      const answer = this.text(a, 'moodle_auto_format');
      const w = num(attr(a, 'fraction') ?? '0') ?? 0;
      const fb = this.text(child(a, 'feedback'));
      if (answer === '*') {
        if (w >= FULL) this.ctx.error('unsupported_feature', msg('answer.catch_all_full'));
        else if (fb) incorrect = fb;
      } else if (w >= FULL) {
        if (answer.includes('*')) this.ctx.error('unsupported_feature', msg('answer.wildcard', { answer }));
        accepted.push(answer);
        if (fb) feedbacks.push(fb);
      } else if (w > 0) {
        this.ctx.warn('dropped', msg('answer.partial_dropped', { answer, weight: pct(w) }));
      } else if (fb) {
        this.ctx.warn('dropped', msg('answer.wrong_feedback_dropped', { answer }));
      }
    }
    this.hints(q);
    const caseSensitive = textOf(child(q, 'usecase')).trim() === '1';
    const feedback = compactFeedback({ correct: this.ctx.text(sameOrWarn(this.ctx, feedbacks)), incorrect: this.ctx.text(incorrect) });
    return { ...this.base(q), type: 'short_text', accepted, caseSensitive, ...(feedback ? { feedback } : {}) };
  }

  private numerical(q: XmlNode): Draft | null {
    const full: { value: number; tolerance: number; feedback: string }[] = [];
    let incorrect: string | undefined;
    for (const a of children(q, 'answer')) {
      const raw = textOf(a).trim();
      const w = num(attr(a, 'fraction') ?? '0') ?? 0;
      const fb = this.text(child(a, 'feedback'));
      const value = num(raw);
      const tolerance = Math.abs(num(textOf(child(a, 'tolerance'))) ?? 0);
      if (raw === '*') {
        if (w >= FULL) this.ctx.error('unsupported_feature', msg('answer.catch_all_full'));
        else if (fb) incorrect = fb;
      } else if (value === null) {
        this.ctx.error('invalid', msg('numeric.not_a_number', { value: raw }));
      } else if (w >= FULL) {
        full.push({ value, tolerance, feedback: fb });
      } else if (w > 0) {
        this.ctx.warn('dropped', msg('numeric.partial_dropped', { value, tolerance, weight: pct(w) }));
      } else if (fb) {
        this.ctx.warn('dropped', msg('numeric.wrong_feedback_dropped', { value, tolerance }));
      }
    }
    if (full.length === 0) {
      this.ctx.error('invalid', msg('numeric.no_full'));
      return null;
    }
    if (full.length > 1) {
      this.ctx.error('unsupported_feature', msg('numeric.several_full', { count: full.length }));
      return null;
    }
    const units = children(child(q, 'units'), 'unit')
      .map((u) => textOf(child(u, 'unit_name')).trim())
      .filter(Boolean);
    if (units.length > 0) this.ctx.warn('dropped', msg('xml.units_dropped', { units: units.join(', ') }));
    this.hints(q);
    const [answer] = full;
    const feedback = compactFeedback({ correct: this.ctx.text(answer?.feedback), incorrect: this.ctx.text(incorrect) });
    return {
      ...this.base(q),
      type: 'numeric',
      answer: { value: answer?.value, tolerance: answer?.tolerance },
      ...(feedback ? { feedback } : {}),
    };
  }

  private matching(q: XmlNode): Draft | null {
    const pairs = children(q, 'subquestion').map((s) => ({
      prompt: this.text(s),
      answer: this.text(child(s, 'answer'), 'plain_text'),
    }));
    const mapped = pairsToMatching(this.ctx, pairs);
    if (!mapped) return null;
    if (['false', '0'].includes(textOf(child(q, 'shuffleanswers')).trim().toLowerCase())) {
      this.ctx.warn('dropped', msg('xml.fixed_order_dropped'));
    }
    this.hints(q);
    if (this.text(child(q, 'partiallycorrectfeedback'))) this.ctx.warn('dropped', msg('xml.partially_correct_dropped'));
    const feedback = compactFeedback({
      correct: this.ctx.text(this.text(child(q, 'correctfeedback'))),
      incorrect: this.ctx.text(this.text(child(q, 'incorrectfeedback'))),
    });
    return { ...this.base(q), type: 'matching', ...mapped, ...(feedback ? { feedback } : {}) };
  }

  private multianswer(q: XmlNode): Draft | null {
    const cloze = readEmbeddedAnswers(this.ctx, textOf(child(q, 'questiontext')), this.image);
    if (!cloze) return null;
    this.hints(q);
    const explanation = this.ctx.text(this.text(child(q, 'generalfeedback')));
    return { stem: this.ctx.text(cloze.stem) ?? {}, ...(explanation ? { explanation } : {}), type: 'cloze', blanks: cloze.blanks };
  }

  private ordering(q: XmlNode): Draft | null {
    const select = textOf(child(q, 'selecttype')).trim().toUpperCase();
    if (select !== '' && select !== 'ALL' && select !== '0') {
      const count = textOf(child(q, 'selectcount')).trim();
      this.ctx.error('unsupported_feature', msg('xml.ordering_subset', { select, count }));
      return null;
    }
    const grading = textOf(child(q, 'gradingtype')).trim().toUpperCase();
    if (grading !== '' && grading !== 'ALL_OR_NOTHING' && grading !== '-1') {
      this.ctx.warn('dropped', msg('xml.ordering_grading_dropped', { grading }));
    }
    const answers = children(q, 'answer').map((a, i) => ({
      id: optionIdAt(i),
      text: this.text(a, 'moodle_auto_format'),
      position: num(attr(a, 'fraction') ?? '') ?? i + 1,
    }));
    const options = answers.map((a) => ({ id: a.id, text: this.ctx.text(a.text) ?? {} }));
    const order = [...answers].sort((x, y) => x.position - y.position).map((a) => a.id);
    this.hints(q);
    const feedback = compactFeedback({
      correct: this.ctx.text(this.text(child(q, 'correctfeedback'))),
      incorrect: this.ctx.text(this.text(child(q, 'incorrectfeedback'))),
    });
    if (this.text(child(q, 'partiallycorrectfeedback')) && grading !== 'ALL_OR_NOTHING') {
      this.ctx.warn('dropped', msg('xml.partially_correct_dropped'));
    }
    return { ...this.base(q), type: 'ordering', options, order, ...(feedback ? { feedback } : {}) };
  }
}
