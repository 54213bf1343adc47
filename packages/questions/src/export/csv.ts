import { msg, typeName } from '../messages/render.js';
import { neutraliseFormula } from '@manabi/core';
import { CSV_COLUMNS, CSV_MAX_OPTIONS, type CsvColumn } from '../csv-columns.js';
import type { LocalizedText, Question } from '../model.js';
import { withImagesAsAlt } from './images.js';
import { issue, type ExportIssue, type ExportResult } from './types.js';

export interface CsvExportOptions {
  /** Prefix a UTF-8 BOM (Excel needs it to read UTF-8 Japanese). Default false: the HTTP layer adds it to downloads. */
  bom?: boolean;
}

/**
 * Writes questions as Manabi question CSV (the import format; CRLF line ends). Questions with
 * more than 6 options are skipped and option feedback is dropped, each reported in `warnings`.
 * Storage state (status, irt, sourceRef) is not part of the file.
 * Text cells that start with = + - @ (spreadsheet formulas) are prefixed with ' — the importer
 * removes that prefix again.
 */
export function exportQuestionCsv(questions: Question[], options: CsvExportOptions = {}): ExportResult {
  const warnings: ExportIssue[] = [];
  const lines = [CSV_COLUMNS.join(',')];
  questions.forEach((original, i) => {
    const index = i + 1;
    if (original.type === 'matching' || original.type === 'cloze') {
      warnings.push(issue(index, original.title, 'skipped', msg('export.csv_no_type', { type: typeName(original.type) })));
      return;
    }
    if (original.type === 'essay' || original.type === 'description') {
      warnings.push(issue(index, original.title, 'skipped', msg('export.csv_no_type_any', { type: typeName(original.type) })));
      return;
    }
    // The CSV carries text only: an image is written as its alt text, and the issue list says so.
    const { question: q, hadImages } = withImagesAsAlt(original);
    if (hadImages) warnings.push(issue(index, q.title, 'dropped', msg('export.csv_images')));
    const row = new Map<CsvColumn, string>();
    const setText = (ja: CsvColumn, en: CsvColumn, value: LocalizedText | undefined): void => {
      if (value?.ja) row.set(ja, neutraliseFormula(value.ja));
      if (value?.en) row.set(en, neutraliseFormula(value.en));
    };
    row.set('type', q.type);
    if (q.title) row.set('title', neutraliseFormula(q.title));
    setText('stem_ja', 'stem_en', q.stem);
    if ('options' in q) {
      if (q.options.length > CSV_MAX_OPTIONS) {
        warnings.push(
          issue(index, q.title, 'skipped', msg('export.csv_too_many_options', { count: q.options.length, max: CSV_MAX_OPTIONS })),
        );
        return;
      }
      q.options.forEach((o, n) => setText(`option${n + 1}_ja` as CsvColumn, `option${n + 1}_en` as CsvColumn, o.text));
      if (q.options.some((o) => o.feedback)) warnings.push(issue(index, q.title, 'dropped', msg('export.csv_option_feedback')));
      const position = (id: string): string => String(q.options.findIndex((o) => o.id === id) + 1);
      if (q.type === 'ordering') row.set('correct', q.order.map(position).join(';'));
      else row.set('correct', q.correctOptionIds.map(position).join(';'));
      if (q.type === 'multiple_response') row.set('partial_credit', String(q.partialCredit));
    }
    if (q.type === 'true_false') row.set('correct', String(q.answer));
    if (q.type === 'numeric') {
      row.set('correct', String(q.answer.value));
      row.set('tolerance', String(q.answer.tolerance));
    }
    if (q.type === 'short_text') {
      if (q.accepted.some((a) => /[;；]/.test(a))) {
        warnings.push(issue(index, q.title, 'skipped', msg('export.csv_semicolon_answer')));
        return;
      }
      row.set('accepted', neutraliseFormula(q.accepted.join(';')));
      row.set('case_sensitive', String(q.caseSensitive));
    }
    setText('feedback_correct_ja', 'feedback_correct_en', q.feedback?.correct);
    setText('feedback_incorrect_ja', 'feedback_incorrect_en', q.feedback?.incorrect);
    setText('explanation_ja', 'explanation_en', q.explanation);
    if (q.skillTags.some((t) => /[;；]/.test(t))) warnings.push(issue(index, q.title, 'dropped', msg('export.csv_semicolon_tags')));
    row.set('skills', neutraliseFormula(q.skillTags.join(';')));
    if (q.level) row.set('level', q.level);
    if (q.difficultyPrior !== null) row.set('difficulty', String(q.difficultyPrior));
    lines.push(CSV_COLUMNS.map((c) => quote(row.get(c) ?? '')).join(','));
  });
  const text = (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
  return { text, exported: lines.length - 1, warnings };
}

const quote = (value: string): string => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
