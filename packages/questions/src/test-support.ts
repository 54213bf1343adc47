import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportIssue, ImportResult } from './import/types.js';

/** A file under test/fixtures/questions (see the README there for where each comes from). */
export const fixture = (path: string): string => readFileSync(join(import.meta.dirname, '../../../test/fixtures/questions', path), 'utf8');

/** Compact issue rows for exact assertions. */
export const rows = (issues: ImportIssue[]): (string | number | undefined)[][] => issues.map((i) => [i.item, i.line, i.code, i.message]);

export const summary = (r: ImportResult) => ({ total: r.total, imported: r.questions.length, skipped: r.skipped });
