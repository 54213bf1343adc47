import { describe, expect, it } from 'vitest';
import { LEVELS, levelImportNames } from '@manabi/core';
import { fixture, summary } from '../test-support.js';
import { parseQuestionCsv } from './csv.js';

const issues = (list: { item: unknown; line?: number; column?: string; code: string; key: string }[]) =>
  list.map((i) => [i.item, i.line, i.column, i.code, i.key]);

describe('parseQuestionCsv', () => {
  it('imports the sample bank (ja/en text, aliases, full-width input) and reports every bad row with line and column', () => {
    const r = parseQuestionCsv(fixture('manabi/questions.csv'));
    expect(summary(r)).toEqual({ total: 9, imported: 6, skipped: 3 });
    expect(issues(r.errors)).toEqual([
      [7, 9, 'type', 'unsupported_type', 'csv.type_unsupported'],
      [8, 10, 'correct', 'invalid', 'csv.correct_numbers'],
      [9, 11, 'level', 'invalid', 'csv.level_unknown'],
      [9, 11, 'difficulty', 'invalid', 'csv.difficulty'],
      [9, 11, 'correct', 'invalid', 'csv.not_a_number'],
    ]);
    expect(issues(r.warnings)).toEqual([['header', undefined, 'memo', 'file', 'csv.unknown_column']]);

    const [single, multi, tf, numeric, short, ordering] = r.questions;
    expect(single).toMatchObject({
      type: 'single_choice',
      title: '報連相',
      stem: { ja: '報連相の「連」は何の略ですか。', en: 'What does "ren" in hou-ren-sou stand for?' },
      options: [
        { id: 'a', text: { ja: '連絡', en: 'Contact' } },
        { id: 'b', text: { ja: '連携', en: 'Cooperation' } },
        { id: 'c', text: { ja: '連続', en: 'Continuity' } },
        { id: 'd', text: { ja: '連帯', en: 'Solidarity' } },
      ],
      correctOptionIds: ['a'],
      explanation: { ja: '報告・連絡・相談の略です。' },
      skillTags: ['ビジネスマナー', 'コミュニケーション'],
      level: 'new_hire',
      difficultyPrior: -1,
      irt: { a: 1, b: -1, c: 0.25, source: 'prior' },
      status: 'draft',
      sourceRef: { format: 'csv', item: 1, line: 2 },
    });
    expect(multi).toMatchObject({ type: 'multiple_response', correctOptionIds: ['a', 'b'], partialCredit: false, level: 'junior' });
    expect(tf).toMatchObject({
      type: 'true_false',
      answer: true,
      level: 'pre_hire',
      stem: { ja: '名刺は目下の者から先に差し出す。\n（役職に関係なく）' },
    });
    expect(numeric).toMatchObject({
      type: 'numeric',
      answer: { value: 10000, tolerance: 0 },
      difficultyPrior: 0.5,
      sourceRef: { line: 6 },
    });
    expect(short).toMatchObject({ type: 'short_text', accepted: ['On-the-Job Training', 'On the job training'], caseSensitive: false });
    expect(ordering).toMatchObject({ type: 'ordering', order: ['b', 'a', 'c'], level: 'new_hire' });
  });

  it('accepts Japanese headers and type names, option1 as the import language, and (even doubled) BOMs', () => {
    const csv = '\uFEFF\uFEFF種類,問題文,選択肢1,option2,正解,難易度\n単一選択,質問,はい,いいえ,2,１．５\n';
    const r = parseQuestionCsv(csv);
    expect(r.errors).toEqual([]);
    expect(r.questions[0]).toMatchObject({
      type: 'single_choice',
      stem: { ja: '質問' },
      options: [
        { id: 'a', text: { ja: 'はい' } },
        { id: 'b', text: { ja: 'いいえ' } },
      ],
      correctOptionIds: ['b'],
      difficultyPrior: 1.5,
    });
    const english = parseQuestionCsv('type,stem_en,option1,option2,correct\nmultiple_response,Pick,A,B,1;2\n', { locale: 'en' });
    expect(english.questions[0]).toMatchObject({ options: [{ text: { en: 'A' } }, { text: { en: 'B' } }] });
  });

  it('reports header problems and unreadable files for the whole file', () => {
    expect(issues(parseQuestionCsv('title,stem_ja\nx,y\n').errors)).toEqual([
      ['header', undefined, 'type', 'invalid', 'csv.type_column_missing'],
    ]);
    expect(issues(parseQuestionCsv('type,stem_ja,問題文\n').errors)).toEqual([
      ['header', undefined, '問題文', 'invalid', 'csv.duplicate_column'],
    ]);
    const broken = parseQuestionCsv('type,stem_ja\ntrue_false,"unclosed\n');
    expect(broken.questions).toEqual([]);
    expect(broken.errors[0]).toMatchObject({ item: 'file', code: 'unreadable' });
    expect(parseQuestionCsv('').errors).toMatchObject([{ item: 'file', code: 'unreadable', key: 'csv.empty' }]);
  });

  it('reports gaps in options, values in columns the type does not use, and extra fields', () => {
    const r = parseQuestionCsv(
      [
        'type,stem_ja,option1_ja,option2_ja,option3_ja,correct,tolerance,accepted',
        'single_choice,Q,A,,C,1,,',
        'true_false,Q,,,,はい,0.5,',
        'numeric,Q,,,,3,,,extra',
      ].join('\n'),
    );
    expect(issues(r.errors)).toEqual([
      [1, 2, 'option2_ja', 'invalid', 'csv.option_gap'],
      [1, 2, 'option1_ja', 'invalid', 'csv.two_options'],
      [3, 4, undefined, 'invalid', 'csv.field_count'],
    ]);
    expect(issues(r.warnings)).toEqual([[2, 3, 'tolerance', 'dropped', 'csv.column_unused']]);
    expect(r.questions.map((q) => q.type)).toEqual(['true_false']);
  });
});

describe('parseQuestionCsv level names', () => {
  it('refuses matching and cloze rows: the CSV has no columns for them', () => {
    const r = parseQuestionCsv('type,stem_en\nmatching,Match\ncloze,Fill {{1}}\n', { locale: 'en' });
    expect(r.questions).toEqual([]);
    expect(r.errors.map((e) => [e.item, e.code, e.key])).toEqual([
      [1, 'unsupported_type', 'csv.type_no_columns'],
      [2, 'unsupported_type', 'csv.type_no_columns'],
    ]);
  });

  it('accepts every level name the import help lists (the same list the user import reads)', () => {
    for (const level of LEVELS) {
      for (const name of levelImportNames(level)) {
        const r = parseQuestionCsv(`type,stem_ja,option1_ja,option2_ja,correct,level\ntrue_false,空は青い,,,1,${name}\n`);
        expect(r.errors, `${level}: ${name}`).toEqual([]);
        expect(r.questions[0]!.level).toBe(level);
      }
    }
  });
});
