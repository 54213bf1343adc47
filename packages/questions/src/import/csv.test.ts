import { describe, expect, it } from 'vitest';
import { LEVELS, levelImportNames } from '@manabi/core';
import { fixture, summary } from '../test-support.js';
import { parseQuestionCsv } from './csv.js';

const issues = (list: { item: unknown; line?: number; column?: string; code: string; message: string }[]) =>
  list.map((i) => [i.item, i.line, i.column, i.code, i.message]);

describe('parseQuestionCsv', () => {
  it('imports the sample bank (ja/en text, aliases, full-width input) and reports every bad row with line and column', () => {
    const r = parseQuestionCsv(fixture('manabi/questions.csv'));
    expect(summary(r)).toEqual({ total: 9, imported: 6, skipped: 3 });
    expect(issues(r.errors)).toEqual([
      [7, 9, 'type', 'unsupported_type', 'Unsupported type "essay": not imported'],
      [8, 10, 'correct', 'invalid', '"7": give option numbers 1–2 separated by ";"'],
      [9, 11, 'level', 'invalid', 'Unknown level "部長" (pre_hire, new_hire, junior, mid, leader, manager or the Japanese name)'],
      [9, 11, 'difficulty', 'invalid', '"9": difficulty is a number from -5 (easy) to 5 (hard)'],
      [9, 11, 'correct', 'invalid', '"abc" is not a number'],
    ]);
    expect(issues(r.warnings)).toEqual([['header', undefined, 'memo', 'file', 'Column "memo" is not recognised and will not be imported']]);

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
      ['header', undefined, 'type', 'invalid', 'Required column "type" is missing'],
    ]);
    expect(issues(parseQuestionCsv('type,stem_ja,問題文\n').errors)).toEqual([
      ['header', undefined, '問題文', 'invalid', 'Column "stem_ja" appears more than once'],
    ]);
    const broken = parseQuestionCsv('type,stem_ja\ntrue_false,"unclosed\n');
    expect(broken.questions).toEqual([]);
    expect(broken.errors[0]).toMatchObject({ item: 'file', code: 'unreadable' });
    expect(parseQuestionCsv('').errors).toEqual([{ item: 'file', code: 'unreadable', message: 'The file is empty' }]);
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
      [1, 2, 'option2_ja', 'invalid', 'option2 is empty but option3 is not'],
      [1, 2, 'option1_ja', 'invalid', 'At least 2 options (option1, option2) are required'],
      [3, 4, undefined, 'invalid', 'The row has 9 fields but the header has 8'],
    ]);
    expect(issues(r.warnings)).toEqual([
      [2, 3, 'tolerance', 'dropped', 'Column tolerance is not used by type true_false and is not imported'],
    ]);
    expect(r.questions.map((q) => q.type)).toEqual(['true_false']);
  });
});

describe('parseQuestionCsv level names', () => {
  it('refuses matching and cloze rows: the CSV has no columns for them', () => {
    const r = parseQuestionCsv('type,stem_en\nmatching,Match\ncloze,Fill {{1}}\n', { locale: 'en' });
    expect(r.questions).toEqual([]);
    expect(r.errors.map((e) => [e.item, e.code, e.message])).toEqual([
      [1, 'unsupported_type', 'A matching question has no CSV columns: import it from Moodle XML, QTI or GIFT'],
      [2, 'unsupported_type', 'A cloze question has no CSV columns: import it from Moodle XML, QTI or GIFT'],
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
