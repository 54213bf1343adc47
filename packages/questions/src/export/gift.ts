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
      warnings.push(issue(index, q.title, 'skipped', 'GIFT has no ordering question type'));
      return;
    }
    const lost: string[] = hadImages ? ['images (written as "[image: alt text]")'] : [];
    const t = (value: LocalizedText): string => {
      if (value[locale] !== undefined && value[other] !== undefined && !lost.includes(`${other} text`)) lost.push(`${other} text`);
      return escape(pickText(value, locale));
    };
    const fb = (value: LocalizedText | undefined): string => (value ? `#${t(value)}` : '');
    let answers: string[];
    switch (q.type) {
      case 'single_choice':
        answers = q.options.map((o) => `${q.correctOptionIds.includes(o.id) ? '=' : '~'}${t(o.text)}${fb(o.feedback)}`);
        if (q.feedback) lost.push('question feedback');
        break;
      case 'multiple_response': {
        const w = weight(100 / q.correctOptionIds.length);
        answers = q.options.map((o) => `~%${q.correctOptionIds.includes(o.id) ? w : `-${w}`}%${t(o.text)}${fb(o.feedback)}`);
        if (q.feedback) lost.push('question feedback');
        if (!q.partialCredit) lost.push('all-or-nothing scoring (GIFT multiple answers give partial credit)');
        if (q.correctOptionIds.length === 1) lost.push('multiple-response type (one correct option at 100% reads back as single choice)');
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
      case 'short_text':
        // A bare * is a wildcard in a GIFT short answer: an asterisk the answer really contains is \\*.
        answers = q.accepted.map((a, n) => `=${escape(a).replaceAll('*', '\\*')}${n === 0 ? fb(q.feedback?.correct) : ''}`);
        if (q.feedback?.incorrect) answers.push(`=%0%*${fb(q.feedback.incorrect)}`);
        if (q.caseSensitive) lost.push('case-sensitive matching');
        break;
    }
    if (q.explanation) answers.push(`####${t(q.explanation)}`);
    if (q.level) lost.push('level');
    if (q.difficultyPrior !== null) lost.push('difficulty');
    // Our reader takes [tag:…] up to the first "]"; control characters would break the comment line.
    const tags = q.skillTags.filter(
      (tag) => !tag.includes(']') && ![...tag].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
    );
    if (tags.length < q.skillTags.length) lost.push('skill tags containing "]" or control characters');
    const lines = [
      ...(tags.length > 0 ? [`// ${tags.map((tag) => `[tag:${tag}]`).join(' ')}`] : []),
      `${q.title ? `::${escape(q.title)}::` : ''}${t(q.stem)} {`,
      ...answers.map((a) => `\t${a}`),
      '}',
    ];
    if (lost.length > 0) warnings.push(issue(index, q.title, 'dropped', `Not in GIFT: ${lost.join(', ')}`));
    blocks.push(lines.join('\n'));
  });
  return { text: blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '', exported: blocks.length, warnings };
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
