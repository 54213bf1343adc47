import { msg, type MessageRef } from '../messages/render.js';
import type { Locale } from '@manabi/core';
import { pickText, type LocalizedText, type Question } from '../model.js';
import { withImagesAsAlt } from './images.js';
import { issue, type ExportIssue, type ExportResult } from './types.js';

export interface GiftExportOptions {
  /** GIFT has one language per file: the text in this locale is written (else the other one). */
  locale: Locale;
}

/**
 * Writes questions as Moodle GIFT (importable by Moodle and by `parseGift`). Skill tags are
 * written as `// [tag:…]` comments. Ordering questions have no GIFT form and are skipped; fields
 * GIFT cannot carry (the other language, level, difficulty, question-level feedback of choice
 * questions, case-sensitivity, all-or-nothing scoring) are listed per question in `warnings`.
 */
export function exportGift(questions: Question[], options: GiftExportOptions): ExportResult {
  const { locale } = options;
  const warnings: ExportIssue[] = [];
  const blocks: string[] = [];
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  questions.forEach((original, i) => {
    const index = i + 1;
    // GIFT carries no files: an image is written as its alt text, and the issue list says so.
    const { question: q, hadImages } = withImagesAsAlt(original);
    if (q.type === 'ordering') {
      warnings.push(issue(index, q.title, 'skipped', msg('export.gift_ordering')));
      return;
    }
    if (q.type === 'cloze') {
      warnings.push(issue(index, q.title, 'skipped', msg('export.gift_cloze')));
      return;
    }
    if (q.type === 'matching' && [...q.prompts, ...q.choices].some((p) => pickText(p.text, locale).includes('->'))) {
      warnings.push(issue(index, q.title, 'skipped', msg('export.gift_arrow')));
      return;
    }
    const lost: MessageRef[] = hadImages ? [msg('lost.images_as_text')] : [];
    const otherText = msg('lost.other_language', { language: msg(`lang.${other}`) });
    const t = (value: LocalizedText): string => {
      if (value[locale] !== undefined && value[other] !== undefined && !lost.includes(otherText)) lost.push(otherText);
      return escape(pickText(value, locale));
    };
    const fb = (value: LocalizedText | undefined): string => (value ? `#${t(value)}` : '');
    // null: a description, which GIFT writes as text with no answer block at all.
    let answers: string[] | null;
    switch (q.type) {
      case 'single_choice':
        answers = q.options.map((o) => `${q.correctOptionIds.includes(o.id) ? '=' : '~'}${t(o.text)}${fb(o.feedback)}`);
        if (q.feedback) lost.push(msg('lost.question_feedback'));
        break;
      case 'multiple_response': {
        const w = weight(100 / q.correctOptionIds.length);
        answers = q.options.map((o) => `~%${q.correctOptionIds.includes(o.id) ? w : `-${w}`}%${t(o.text)}${fb(o.feedback)}`);
        if (q.feedback) lost.push(msg('lost.question_feedback'));
        if (!q.partialCredit) lost.push(msg('lost.all_or_nothing_gift'));
        if (q.correctOptionIds.length === 1) lost.push(msg('lost.multiple_response_type'));
        break;
      }
      case 'true_false': {
        // Moodle: first feedback for a wrong answer, second for a right one.
        const incorrect = q.feedback?.incorrect ? t(q.feedback.incorrect) : '';
        const correct = q.feedback?.correct ? t(q.feedback.correct) : '';
        answers = [`${q.answer ? 'TRUE' : 'FALSE'}${incorrect || correct ? `#${incorrect}` : ''}${correct ? `#${correct}` : ''}`];
        break;
      }
      case 'numeric': {
        const value = `${number(q.answer.value)}:${number(q.answer.tolerance)}`;
        answers = q.feedback
          ? [`#=${value}${fb(q.feedback.correct)}`, ...(q.feedback.incorrect ? [`~${fb(q.feedback.incorrect)}`] : [])]
          : [`#${value}`];
        break;
      }
      case 'matching':
        answers = giftMatchingAnswers(q, t);
        if (q.feedback) lost.push(msg('lost.question_feedback'));
        break;
      case 'short_text':
        // A bare * is a wildcard in a GIFT short answer: an asterisk the answer really contains is \\*.
        answers = q.accepted.map((a, n) => `=${escape(a).replaceAll('*', '\\*')}${n === 0 ? fb(q.feedback?.correct) : ''}`);
        if (q.feedback?.incorrect) answers.push(`=%0%*${fb(q.feedback.incorrect)}`);
        if (q.caseSensitive) lost.push(msg('lost.case_sensitive'));
        break;
      case 'essay':
        // An empty answer block is GIFT's essay; the rubric, limits and graders' notes have no GIFT form.
        answers = [];
        lost.push(...essayLost(q));
        break;
      case 'description':
        answers = null;
        if (q.explanation) lost.push(msg('lost.explanation'));
        break;
    }
    if (answers && q.explanation) answers.push(`####${t(q.explanation)}`);
    if (q.level) lost.push(msg('lost.level'));
    if (q.difficultyPrior !== null) lost.push(msg('lost.difficulty'));
    // Our reader takes [tag:…] up to the first "]"; control characters would break the comment line.
    const tags = q.skillTags.filter(
      (tag) => !tag.includes(']') && ![...tag].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
    );
    if (tags.length < q.skillTags.length) lost.push(msg('lost.skill_tags_gift'));
    const head = `${q.title ? `::${escape(q.title)}::` : ''}${t(q.stem)}`;
    const body = answers === null ? [head] : answers.length === 0 ? [`${head} {}`] : [`${head} {`, ...answers.map((a) => `\t${a}`), '}'];
    const lines = [...(tags.length > 0 ? [`// ${tags.map((tag) => `[tag:${tag}]`).join(' ')}`] : []), ...body];
    if (lost.length > 0) warnings.push(issue(index, q.title, 'dropped', msg('export.not_in_gift', { lost })));
    blocks.push(lines.join('\n'));
  });
  return { text: blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '', exported: blocks.length, warnings };
}

/**
 * `=prompt -> answer` per prompt; a choice no prompt uses is written `= -> answer`, which Moodle
 * (and parseGift) read as an extra answer (a distractor). A choice serving several prompts is written
 * once per prompt: answers with the same text are one choice again on import.
 */
function giftMatchingAnswers(q: Extract<Question, { type: 'matching' }>, t: (value: LocalizedText) => string): string[] {
  const byId = new Map(q.choices.map((c) => [c.id, c]));
  const used = new Set(Object.values(q.key));
  const pairs = q.prompts.map((p) => {
    const choice = byId.get(q.key[p.id] ?? '');
    return `=${t(p.text)} -> ${choice ? t(choice.text) : ''}`;
  });
  const distractors = q.choices.filter((c) => !used.has(c.id)).map((c) => `= -> ${t(c.text)}`);
  return [...pairs, ...distractors];
}

/** GIFT escapes: \ ~ = # { } : and line breaks (\n). */
const escape = (value: string): string => value.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

/** Plain decimal notation (the GIFT grammar has no exponents). */
function number(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

const weight = (w: number): string => String(Math.round(w * 1e5) / 1e5);

/** What an essay loses in GIFT, which knows only "an essay". */
function essayLost(q: Extract<Question, { type: 'essay' }>): MessageRef[] {
  const lost = [msg('lost.rubric')];
  if (q.minWords !== undefined || q.maxWords !== undefined) lost.push(msg('lost.word_limits'));
  if (q.graderNotes) lost.push(msg('lost.grader_notes'));
  if (q.feedback) lost.push(msg('lost.question_feedback'));
  return lost;
}
