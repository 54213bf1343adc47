import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, errorMessage, FEATURES, RESOURCES, type MessageKey } from './error-messages.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const serverSources = [join(root, 'functions/api/src'), ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'src'))]
  .filter((d) => statSync(d, { throwIfNoEntry: false })?.isDirectory())
  .flatMap(sourceFiles)
  .map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** The members of a string-literal union type declared in a source file. */
function unionMembers(file: string, typeName: string, field?: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const start = text.indexOf(`type ${typeName}`);
  if (start < 0) throw new Error(`${typeName} not found in ${file}`);
  const body = text.slice(start, text.indexOf(';', start));
  const pattern = field ? new RegExp(`${field}: '([a-z_]+)'`, 'g') : /'([a-z_]+)'/g;
  return [...body.matchAll(pattern)].map((m) => m[1]!);
}

/**
 * Codes a code expression can take when it is not a literal: each such expression in the sources
 * is named here with where its values are declared, so a new dynamic code cannot slip by unworded.
 */
const DYNAMIC_CODES: Record<string, () => string[]> = {
  code: () => [
    ...unionMembers('packages/upskilling/src/packages.ts', 'CompletionRule', 'rule').map((r) => `completed_by_${r}`),
    ...unionMembers('packages/scorm/src/errors.ts', 'ScormErrorCode').map((c) => `scorm_${c}`),
  ],
  'moved.refusal': () => unionMembers('packages/upskilling/src/goal-lifecycle.ts', 'GoalTransitionRefusal'),
  // The data layer's ConflictError codes (collected from its throws below) and their variants.
  'codeOfKey(key': () => [],
  'problem.code': () => unionMembers('packages/core/src/images.ts', 'BrandImageProblem', 'code'),
};

/** Every error code the API can answer, read from the sources (ApiError and ConflictError throws). */
function thrownCodes(): { codes: Set<string>; unknownExpressions: string[] } {
  const codes = new Set<string>();
  const unknownExpressions: string[] = [];
  for (const { path, text } of serverSources) {
    for (const m of text.matchAll(/new ApiError\(\s*\d+,\s*([^,)]+)/g)) {
      const expression = m[1]!.trim();
      // A literal, or the branches of a conditional (`x === 'a' ? 'code_a' : 'code_b'`).
      const literals = [...expression.matchAll(/(?:^|[?:])\s*'([a-z_]+)'/g)].map((l) => l[1]!);
      if (literals.length) literals.forEach((c) => codes.add(c));
      else if (DYNAMIC_CODES[expression]) DYNAMIC_CODES[expression]().forEach((c) => codes.add(c));
      else unknownExpressions.push(`${path}: ${expression}`);
    }
    for (const m of text.matchAll(/new ConflictError\(\s*'([a-z_]+)'/g)) codes.add(m[1]!);
  }
  // Codes the error handler itself answers (parsers, unknown errors, the data layer's 404).
  for (const c of ['internal', 'bad_request', 'http_error', 'not_found', 'validation_error']) codes.add(c);
  // Codes a refusal function returns (core's file and image checks) rather than throws in place.
  for (const m of readFileSync(join(root, 'packages/core/src/files.ts'), 'utf8').matchAll(/code: '([a-z_]+)'/g)) codes.add(m[1]!);
  return { codes, unknownExpressions };
}

const hasJapanese = (s: string) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error-message catalog', () => {
  it('words every code thrown in the sources in Japanese and English', () => {
    const { codes, unknownExpressions } = thrownCodes();
    expect(unknownExpressions, 'a dynamic error code: add its source to DYNAMIC_CODES').toEqual([]);
    expect(codes.size).toBeGreaterThan(60);
    const missing = [...codes].filter((c) => !(c in ERROR_MESSAGES));
    expect(missing, 'codes without a catalog entry').toEqual([]);
    for (const code of codes) {
      const text = ERROR_MESSAGES[code as MessageKey];
      expect(text.ja.trim(), code).not.toBe('');
      expect(text.en.trim(), code).not.toBe('');
    }
  });

  it('has both languages for every entry, Japanese in ja and the same placeholders in each', () => {
    for (const [key, text] of Object.entries({ ...ERROR_MESSAGES, ...RESOURCES, ...FEATURES })) {
      expect(text.en.trim(), key).not.toBe('');
      expect(hasJapanese(text.ja), `${key} ja: ${text.ja}`).toBe(true);
      expect(placeholders(text.ja), key).toEqual(placeholders(text.en));
    }
  });

  it('fills placeholders, translated resource names included', () => {
    expect(errorMessage('not_found', 'ja', { resource: RESOURCES.user })).toBe('ユーザーが見つかりません');
    expect(errorMessage('not_found', 'en', { resource: RESOURCES.user })).toBe('User not found');
    expect(errorMessage('field.draw_shortfall', 'en', { available: 2, skill: 'excel', level: '', wanted: 5 })).toBe(
      'Only 2 published questions for skill excel; the rule asks for 5',
    );
  });
});
