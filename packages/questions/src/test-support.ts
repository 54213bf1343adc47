import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import type { ImportedQuestion, ImportIssue, ImportResult } from './import/types.js';
import { questionSchema, type Question, type QuestionInput } from './model.js';

/** A file under test/fixtures/questions (see the README there for where each comes from). */
export const fixture = (path: string): string => readFileSync(join(import.meta.dirname, '../../../test/fixtures/questions', path), 'utf8');

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/questions');

/** A fixture folder zipped as a content package (paths relative to the folder). */
export function fixtureZip(dir: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(join(FIXTURES, dir), full)] = new Uint8Array(readFileSync(full));
    }
  };
  walk(join(FIXTURES, dir));
  return zipSync(files);
}

/** A fixture's bytes (images). */
export const fixtureBytes = (path: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, path)));

/** Compact issue rows for exact assertions: where, what kind, and which message (catalog key). */
export const rows = (issues: ImportIssue[]): (string | number | undefined)[][] => issues.map((i) => [i.item, i.line, i.code, i.key]);

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
