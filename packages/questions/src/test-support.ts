import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportedQuestion, ImportIssue, ImportResult } from './import/types.js';
import { questionSchema, type Question, type QuestionInput } from './model.js';

/** A file under test/fixtures/questions (see the README there for where each comes from). */
export const fixture = (path: string): string => readFileSync(join(import.meta.dirname, '../../../test/fixtures/questions', path), 'utf8');

/** Compact issue rows for exact assertions. */
export const rows = (issues: ImportIssue[]): (string | number | undefined)[][] => issues.map((i) => [i.item, i.line, i.code, i.message]);

export const summary = (r: ImportResult) => ({ total: r.total, imported: r.questions.length, skipped: r.skipped });

/** A validated question (defaults and irt filled), as export takes and import gives back. */
export const q = (input: QuestionInput): Question => questionSchema.parse(input);

/** Imported questions without their sourceRef (where they came from), to compare with what was exported. */
export const withoutSource = (list: ImportedQuestion[]): Question[] => list.map(({ sourceRef: _, ...rest }) => rest as Question);

/** Options with ids a, b, c… and text in one language. */
export const abc = (lang: 'ja' | 'en', texts: string[]) => texts.map((t, i) => ({ id: 'abcdef'[i] as string, text: { [lang]: t } }));

/** The same question with its text moved from one language key to the other (GIFT has no language). */
export function relabel(question: Question, from: 'ja' | 'en', to: 'ja' | 'en'): Question {
  return JSON.parse(JSON.stringify(question), (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && from in value && Object.keys(value).length === 1) {
      return { [to]: (value as Record<string, unknown>)[from] };
    }
    return value;
  }) as Question;
}
