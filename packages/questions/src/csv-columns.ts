import type { QuestionType } from './model.js';

/** Most options a CSV row can carry (option1 … option6). */
export const CSV_MAX_OPTIONS = 6;

const optionColumns = (lang: 'ja' | 'en'): string[] => Array.from({ length: CSV_MAX_OPTIONS }, (_, i) => `option${i + 1}_${lang}`);

/** The question CSV columns, in template / export order (documented in the package README). */
export const CSV_COLUMNS = [
  'type',
  'title',
  'stem_ja',
  'stem_en',
  ...optionColumns('ja'),
  ...optionColumns('en'),
  'correct',
  'tolerance',
  'accepted',
  'case_sensitive',
  'partial_credit',
  'feedback_correct_ja',
  'feedback_correct_en',
  'feedback_incorrect_ja',
  'feedback_incorrect_en',
  'explanation_ja',
  'explanation_en',
  'skills',
  'level',
  'difficulty',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Other header names accepted on import (after folding: NFKC, lower case, spaces/hyphens → _). */
export const CSV_HEADER_ALIASES: Record<string, CsvColumn> = {
  種類: 'type',
  タイプ: 'type',
  問題形式: 'type',
  タイトル: 'title',
  問題名: 'title',
  問題文: 'stem_ja',
  question: 'stem_en',
  正解: 'correct',
  許容誤差: 'tolerance',
  正答: 'accepted',
  解説: 'explanation_ja',
  スキル: 'skills',
  skill_tags: 'skills',
  階層: 'level',
  難易度: 'difficulty',
  ...Object.fromEntries(Array.from({ length: CSV_MAX_OPTIONS }, (_, i) => [`選択肢${i + 1}`, `option${i + 1}_ja` as CsvColumn])),
};

/** Type names accepted in the `type` column besides the model's own. */
export const CSV_TYPE_ALIASES: Record<string, QuestionType> = {
  単一選択: 'single_choice',
  択一: 'single_choice',
  複数選択: 'multiple_response',
  正誤: 'true_false',
  '○×': 'true_false',
  並べ替え: 'ordering',
  数値: 'numeric',
  記述: 'short_text',
  短答: 'short_text',
};

export const foldHeader = (h: string): string =>
  h
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
