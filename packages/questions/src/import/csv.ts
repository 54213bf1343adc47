import { msg, typeName } from '../messages/render.js';
import { parse as parseCsvText } from 'csv-parse/sync';
import { LEVELS, matchLevelName, type Level } from '@manabi/core';
import { CSV_COLUMNS, CSV_HEADER_ALIASES, CSV_MAX_OPTIONS, CSV_TYPE_ALIASES, foldHeader, type CsvColumn } from '../csv-columns.js';
import { isQuestionType, type LocalizedText, type QuestionFeedback, type QuestionType } from '../model.js';
import { parseNumber } from '../scoring.js';
import {
  DEFAULT_MAX_ITEMS,
  ImportCollector,
  issueText,
  optionIdAt,
  unique,
  type Draft,
  type ImportOptions,
  type ImportResult,
  type ItemContext,
} from './types.js';

/**
 * Manabi question CSV (columns: see CSV_COLUMNS and the README). One row per question; every
 * problem is reported with its row (item), line and column, and a row with any error is not
 * imported. Unknown columns are reported as warnings, never silently ignored.
 */
export function parseQuestionCsv(text: string, options: ImportOptions = {}): ImportResult {
  const out = new ImportCollector('csv', options);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Leading BOMs (a doubled one too) are not part of the first header.
    records = parseCsvText(text.replace(/^\uFEFF+/, ''), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    out.fileError(msg('csv.unreadable'), line);
    return out.result();
  }
  const [header, ...rows] = records;
  if (!header) {
    out.fileError(msg('csv.empty'));
    return out.result();
  }
  const columns = mapHeader(out, header.record);
  if (!columns) return out.result();
  const dataRows = rows.filter((r) => r.record.some((c) => c.trim() !== ''));
  const max = options.maxItems ?? DEFAULT_MAX_ITEMS;
  if (dataRows.length > max) {
    out.fileError(msg('csv.too_many_rows', { count: dataRows.length, max }));
    return out.result();
  }
  if (dataRows.length === 0) out.fileWarning(msg('csv.no_rows'));

  for (const { record, info } of dataRows) {
    const newlines = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    const cell = (c: CsvColumn): string => {
      const i = columns.get(c);
      const value = i === undefined ? '' : (record[i] ?? '').trim();
      // The exporter's guard against spreadsheet formulas ('=…) is removed again.
      return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
    };
    const title = cell('title');
    const ctx = out.item({ line: info.lines - newlines, ...(title ? { name: title } : {}) });
    const extra = record.slice(header.record.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) ctx.error('invalid', msg('csv.field_count', { fields: record.length, columns: header.record.length }));
    const input = mapRow(ctx, cell);
    if (input) ctx.finish({ ...input, ...(title ? { title } : {}) });
  }
  return out.result();
}

function mapHeader(out: ImportCollector, header: string[]): Map<CsvColumn, number> | null {
  const columns = new Map<CsvColumn, number>();
  const known = new Set<string>(CSV_COLUMNS);
  let ok = true;
  header.forEach((raw, index) => {
    const folded = foldHeader(raw);
    if (folded === '') return;
    // "option1" is option1 in the import language.
    const plainOption = /^option([1-9])$/.exec(folded);
    const name = (known.has(folded) ? folded : plainOption ? `option${plainOption[1]}_${out.locale}` : CSV_HEADER_ALIASES[folded]) as
      CsvColumn | undefined;
    if (!name || !known.has(name)) {
      out.fileWarning(msg('csv.unknown_column', { column: raw }), 'header', raw);
    } else if (columns.has(name)) {
      out.errors.push({ item: 'header', column: raw, code: 'invalid', ...issueText(msg('csv.duplicate_column', { column: name })) });
      ok = false;
    } else {
      columns.set(name, index);
    }
  });
  if (!columns.has('type')) {
    out.errors.push({ item: 'header', column: 'type', code: 'invalid', ...issueText(msg('csv.type_column_missing')) });
    ok = false;
  }
  if (!columns.has('stem_ja') && !columns.has('stem_en')) {
    out.errors.push({ item: 'header', column: 'stem_ja', code: 'invalid', ...issueText(msg('csv.stem_column_missing')) });
    ok = false;
  }
  return ok ? columns : null;
}

const TRUE = new Set(['true', 't', '1', 'yes', 'y', '○', '〇', '◯', '正', 'はい', '真']);
const FALSE = new Set(['false', 'f', '0', 'no', 'n', '×', 'x', '誤', 'いいえ', '偽']);
const UNSUPPORTED_TYPES = new Set(['essay', 'matching', 'match', 'description', 'cloze', 'calculated', 'multianswer']);
/** Semicolon-separated list (full-width ； too). */
const list = (value: string): string[] =>
  value
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function parseBool(ctx: ItemContext, column: CsvColumn, value: string): boolean | undefined {
  if (value === '') return undefined;
  const v = value.normalize('NFKC').toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  ctx.error('invalid', msg('csv.not_boolean', { value }), { column });
  return undefined;
}

function mapRow(ctx: ItemContext, cell: (c: CsvColumn) => string): Draft | null {
  const rawType = cell('type');
  const foldedType = rawType.normalize('NFKC').trim().toLowerCase();
  // Matching, cloze, essays and descriptions have no CSV columns (pairs, blanks, rubric, graders' notes): reported, never imported.
  const type: QuestionType | undefined =
    isQuestionType(foldedType) && !UNSUPPORTED_TYPES.has(foldedType) ? foldedType : CSV_TYPE_ALIASES[rawType.trim()];
  if (rawType === '') ctx.error('invalid', msg('csv.type_required'), { column: 'type' });
  else if (foldedType === 'matching' || foldedType === 'cloze')
    ctx.error('unsupported_type', msg('csv.type_no_columns', { type: typeName(foldedType) }), { column: 'type' });
  else if (!type && UNSUPPORTED_TYPES.has(foldedType))
    ctx.error('unsupported_type', msg('csv.type_unsupported', { type: rawType }), { column: 'type' });
  else if (!type) ctx.error('invalid', msg('csv.type_unknown', { type: rawType }), { column: 'type' });

  const localized = (ja: CsvColumn, en: CsvColumn): LocalizedText | undefined => {
    const t: { ja?: string; en?: string } = {};
    if (cell(ja)) t.ja = cell(ja);
    if (cell(en)) t.en = cell(en);
    return t.ja || t.en ? (t as LocalizedText) : undefined;
  };
  const stem = localized('stem_ja', 'stem_en');
  if (!stem) ctx.error('invalid', msg('csv.stem_required'), { column: 'stem_ja' });

  // Options: option1 … optionN with no gaps.
  const options: { id: string; text: LocalizedText }[] = [];
  let gapAt: number | null = null;
  for (let i = 1; i <= CSV_MAX_OPTIONS; i++) {
    const text = localized(`option${i}_ja` as CsvColumn, `option${i}_en` as CsvColumn);
    if (!text) gapAt ??= i;
    else if (gapAt !== null) ctx.error('invalid', msg('csv.option_gap', { gap: gapAt, next: i }), { column: `option${gapAt}_ja` });
    else options.push({ id: optionIdAt(i - 1), text });
  }
  const choice = type === 'single_choice' || type === 'multiple_response' || type === 'ordering';
  if (choice && options.length < 2) ctx.error('invalid', msg('csv.two_options'), { column: 'option1_ja' });
  if (type && !choice && options.length > 0)
    ctx.warn('dropped', msg('csv.options_unused', { type: typeName(type as QuestionType) }), { column: 'option1_ja' });

  const optionRefs = (value: string): string[] | null => {
    const refs = list(value).map((v) => parseNumber(v));
    if (refs.some((n) => n === null || !Number.isInteger(n) || n < 1 || n > options.length)) {
      ctx.error('invalid', msg('csv.correct_numbers', { value, count: options.length }), { column: 'correct' });
      return null;
    }
    return refs.map((n) => optionIdAt((n as number) - 1));
  };

  const correct = cell('correct');
  const common = {
    stem: stem ?? {},
    ...compact({
      feedback: feedbackOf(
        localized('feedback_correct_ja', 'feedback_correct_en'),
        localized('feedback_incorrect_ja', 'feedback_incorrect_en'),
      ),
      explanation: localized('explanation_ja', 'explanation_en'),
    }),
    skillTags: unique(list(cell('skills'))),
    level: parseLevel(ctx, cell('level')),
    difficultyPrior: parseDifficulty(ctx, cell('difficulty')),
  };
  const unused = (column: CsvColumn): void => {
    if (cell(column)) ctx.warn('dropped', msg('csv.column_unused', { column, type: typeName(type as QuestionType) }), { column });
  };
  const caseSensitive = parseBool(ctx, 'case_sensitive', cell('case_sensitive'));
  const partialCredit = parseBool(ctx, 'partial_credit', cell('partial_credit'));
  if (type !== 'short_text') unused('case_sensitive');
  if (type !== 'multiple_response') unused('partial_credit');
  if (type !== 'numeric') unused('tolerance');
  if (type !== 'short_text') unused('accepted');

  switch (type) {
    case 'single_choice':
    case 'multiple_response': {
      if (!correct) {
        ctx.error('invalid', msg('csv.correct_required_choice'), { column: 'correct' });
        return null;
      }
      const ids = optionRefs(correct);
      if (!ids) return null;
      if (type === 'single_choice' && ids.length !== 1) {
        ctx.error('invalid', msg('csv.single_one_correct'), { column: 'correct' });
        return null;
      }
      return {
        ...common,
        type,
        options,
        correctOptionIds: ids,
        ...(type === 'multiple_response' && partialCredit !== undefined ? { partialCredit } : {}),
      };
    }
    case 'ordering': {
      const order = correct ? optionRefs(correct) : options.map((o) => o.id);
      return order ? { ...common, type, options, order } : null;
    }
    case 'true_false': {
      if (!correct) ctx.error('invalid', msg('csv.correct_required_tf'), { column: 'correct' });
      const answer = correct ? parseBool(ctx, 'correct', correct) : undefined;
      return answer === undefined ? null : { ...common, type, answer };
    }
    case 'numeric': {
      const value = parseNumber(correct);
      if (value === null)
        ctx.error('invalid', correct ? msg('csv.not_a_number', { value: correct }) : msg('csv.value_required'), { column: 'correct' });
      const tolRaw = cell('tolerance');
      const tolerance = tolRaw === '' ? 0 : parseNumber(tolRaw);
      if (tolerance === null || tolerance < 0) ctx.error('invalid', msg('csv.tolerance', { value: tolRaw }), { column: 'tolerance' });
      return value === null || tolerance === null ? null : { ...common, type, answer: { value, tolerance } };
    }
    case 'short_text': {
      const accepted = unique(list(cell('accepted')));
      if (accepted.length === 0) ctx.error('invalid', msg('csv.accepted_required'), { column: 'accepted' });
      if (correct) ctx.warn('dropped', msg('csv.correct_unused_short'), { column: 'correct' });
      return { ...common, type, accepted, ...(caseSensitive !== undefined ? { caseSensitive } : {}) };
    }
    default:
      return null;
  }
}

function feedbackOf(correct: LocalizedText | undefined, incorrect: LocalizedText | undefined): QuestionFeedback | undefined {
  return correct || incorrect ? { ...(correct ? { correct } : {}), ...(incorrect ? { incorrect } : {}) } : undefined;
}

function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function parseLevel(ctx: ItemContext, value: string): Level | null {
  if (value === '') return null;
  const level = matchLevelName(value);
  if (!level) ctx.error('invalid', msg('csv.level_unknown', { value, levels: LEVELS.join(', ') }), { column: 'level' });
  return level ?? null;
}

function parseDifficulty(ctx: ItemContext, value: string): number | null {
  if (value === '') return null;
  const n = parseNumber(value);
  if (n === null || n < -5 || n > 5) {
    ctx.error('invalid', msg('csv.difficulty', { value }), { column: 'difficulty' });
    return null;
  }
  return n;
}
