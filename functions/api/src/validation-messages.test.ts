import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localizeIssue, SCHEMA_MESSAGE_PATTERNS, SCHEMA_MESSAGES } from './validation-messages.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'local' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Messages schemas set themselves: `{ message: '…' }`, `.min(n, '…')`, `addIssue({ …, message: '…' })`. */
function schemaMessages(): { literal: string[]; templated: string[] } {
  const dirs = [join(root, 'functions/api/src'), ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'src'))];
  const literal = new Set<string>();
  const templated = new Set<string>();
  for (const file of dirs.filter((d) => statSync(d, { throwIfNoEntry: false })?.isDirectory()).flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('zod')) continue;
    const found = [
      ...text.matchAll(/\{\s*message:\s*'([^']+)'\s*\}/g),
      ...text.matchAll(/addIssue\(\{[^}]*message:\s*'([^']+)'/g),
      ...text.matchAll(/\.(?:min|max|length|regex|refine)\([^)]*?,\s*'([^']+)'\)/g),
    ];
    found.forEach((m) => literal.add(m[1]!));
    for (const m of text.matchAll(/(?:\{\s*message:|addIssue\(\{[^}]*message:)\s*`([^`]+)`/g)) templated.add(m[1]!);
  }
  return { literal: [...literal], templated: [...templated] };
}

describe('validation messages', () => {
  it('has Japanese for every message a schema sets itself', () => {
    const { literal, templated } = schemaMessages();
    expect(literal.length).toBeGreaterThan(20);
    expect(literal.filter((m) => !SCHEMA_MESSAGES[m])).toEqual([]);
    // A message with values: some pattern must read it (tried with sample values in place of ${…}).
    // (A nested template is cut at its inner backtick: the rest stands for one value too.)
    const sample = (t: string) => t.replace(/\$\{[^}]*\}/g, 'x').replace(/\$\{.*$/, 'x');
    expect(templated.map(sample).filter((m) => !SCHEMA_MESSAGE_PATTERNS.some((p) => p.pattern.test(m)))).toEqual([]);
  });

  it('words zod’s own messages with its ja locale, per call, and keeps English for en', () => {
    const input = { name: 42, count: 'many', items: [] };
    const parsed = z.object({ name: z.string(), count: z.number(), items: z.array(z.string()).min(1) }).safeParse(input);
    const issues = parsed.error!.issues.map((i) => ({ ...i, input: input[i.path[0] as keyof typeof input] }));
    expect(issues.map((i) => localizeIssue(i, 'ja'))).toEqual([
      '無効な入力: 文字列が期待されましたが、数値が入力されました',
      '無効な入力: 数値が期待されましたが、文字列が入力されました',
      '小さすぎる値: 配列は1要素以上である必要があります',
    ]);
    expect(localizeIssue(issues[0]!, 'en')).toBe('Invalid input: expected string, received number');
  });

  it('words a schema’s own message from the table or its pattern', () => {
    const custom = (message: string) => ({ code: 'custom' as const, path: [], message, input: undefined });
    expect(localizeIssue(custom('Required'), 'ja')).toBe('入力してください');
    expect(localizeIssue(custom('Required'), 'en')).toBe('Required');
    expect(localizeIssue(custom('Duplicate skill id "excel"'), 'ja')).toBe('スキル ID「excel」が重複しています');
  });
});
