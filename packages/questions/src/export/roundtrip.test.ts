import { describe, expect, it } from 'vitest';
import { parseQuestionCsv } from '../import/csv.js';
import { parseGift } from '../import/gift.js';
import type { Question } from '../model.js';
import { abc, q, relabel, withoutSource } from '../test-support.js';
import { exportQuestionCsv } from './csv.js';
import { exportGift } from './gift.js';

describe('CSV export → import', () => {
  const bank: Question[] = [
    q({
      type: 'single_choice',
      title: '報連相',
      stem: { ja: '報連相の「連」は？', en: 'What is "ren", in hou-ren-sou?' },
      options: [
        { id: 'a', text: { ja: '連絡', en: 'Contact' } },
        { id: 'b', text: { ja: '連携', en: 'Cooperation' } },
        { id: 'c', text: { ja: '=SUM(A1)', en: '-1' } },
      ],
      correctOptionIds: ['a'],
      feedback: { correct: { ja: '正解' }, incorrect: { en: 'Wrong,\n"see" the manual' } },
      explanation: { ja: '報告・連絡・相談' },
      skillTags: ['ビジネスマナー', 'コミュニケーション'],
      level: 'new_hire',
      difficultyPrior: -1.25,
    }),
    q({
      type: 'multiple_response',
      stem: { en: 'Pick the personal data' },
      options: abc('en', ['Name', 'Rating', 'Office address', 'Employee id']),
      correctOptionIds: ['a', 'b', 'd'],
      partialCredit: true,
    }),
    q({ type: 'multiple_response', stem: { ja: '全部' }, options: abc('ja', ['一', '二']), correctOptionIds: ['a', 'b'] }),
    q({ type: 'true_false', stem: { ja: '名刺は目下から。' }, answer: true, level: 'manager' }),
    q({ type: 'ordering', stem: { ja: '手順' }, options: abc('ja', ['聞く', '名乗る', '復唱']), order: ['b', 'a', 'c'] }),
    q({ type: 'numeric', stem: { ja: '合計は？' }, answer: { value: -10000.5, tolerance: 0.25 }, difficultyPrior: 2 }),
    q({
      type: 'short_text',
      stem: { en: 'OJT?' },
      accepted: ['On-the-Job Training', 'OJT研修'],
      caseSensitive: true,
      skillTags: ['人材育成'],
    }),
  ];

  it('gives back equal questions for every type', () => {
    const exported = exportQuestionCsv(bank, { bom: true });
    expect(exported.exported).toBe(bank.length);
    expect(exported.warnings).toEqual([]);
    expect(exported.text.startsWith('\uFEFFtype,title,stem_ja,stem_en,option1_ja')).toBe(true);
    expect(exported.text).toContain(",'=SUM(A1),"); // formula guard
    const back = parseQuestionCsv(exported.text);
    expect(back.errors).toEqual([]);
    expect(back.warnings).toEqual([]);
    expect(withoutSource(back.questions)).toEqual(bank);
  });

  it('reports what the CSV cannot hold', () => {
    const many = q({
      type: 'single_choice',
      title: 'Seven',
      stem: { en: 'S' },
      options: abc('en', ['1', '2', '3', '4', '5', '6']).concat([{ id: 'g', text: { en: '7' } }]),
      correctOptionIds: ['a'],
    });
    const optionFeedback = q({
      type: 'single_choice',
      stem: { en: 'S' },
      options: [
        { id: 'a', text: { en: 'A' }, feedback: { en: 'because' } },
        { id: 'b', text: { en: 'B' } },
      ],
      correctOptionIds: ['a'],
    });
    const r = exportQuestionCsv([many, optionFeedback], { bom: false });
    expect(r.exported).toBe(1);
    expect(r.warnings).toMatchObject([
      { index: 1, title: 'Seven', code: 'skipped', key: 'export.csv_too_many_options' },
      { index: 2, code: 'dropped', key: 'export.csv_option_feedback' },
    ]);
  });
});

describe('GIFT export → import', () => {
  const bank: Question[] = [
    q({
      type: 'single_choice',
      title: 'Q: {escapes} ~ = #',
      stem: { en: 'Which is right? a=b, {x} ~ #1\nsecond line' },
      options: [
        { id: 'a', text: { en: 'yes: 100%' }, feedback: { en: 'good # well' } },
        { id: 'b', text: { en: 'no' } },
      ],
      correctOptionIds: ['a'],
      explanation: { en: 'Because.' },
      skillTags: ['マナー/敬語', 'Communication'],
    }),
    q({
      type: 'multiple_response',
      stem: { ja: '個人情報はどれ？' },
      options: abc('ja', ['氏名', '評価', '所在地']),
      correctOptionIds: ['a', 'b'],
      partialCredit: true,
    }),
    q({
      type: 'multiple_response',
      stem: { ja: '三つ' },
      options: abc('ja', ['一', '二', '三', '四']),
      correctOptionIds: ['a', 'b', 'c'],
      partialCredit: true,
    }),
    q({
      type: 'true_false',
      stem: { ja: '名刺は目下から。' },
      answer: false,
      feedback: { correct: { ja: '正解' }, incorrect: { ja: '逆です' } },
    }),
    q({ type: 'true_false', stem: { ja: '正しい？' }, answer: true, feedback: { correct: { ja: '正解' } } }),
    q({
      type: 'numeric',
      stem: { en: 'Balance?' },
      answer: { value: -12.5, tolerance: 0.5 },
      feedback: { correct: { en: 'Yes' }, incorrect: { en: 'No' } },
    }),
    q({ type: 'numeric', stem: { en: 'Tiny?' }, answer: { value: 1e-7, tolerance: 0 } }),
    q({
      type: 'short_text',
      stem: { en: 'OJT stands for?' },
      accepted: ['On-the-Job Training', 'on the job training'],
      feedback: { correct: { en: 'Right' }, incorrect: { en: 'See chapter 2' } },
      explanation: { en: 'Training at work.' },
    }),
    q({ type: 'short_text', stem: { ja: '「相談」の読みは？' }, accepted: ['そうだん'] }),
    // An asterisk in an answer is written \\* (a bare one is a wildcard); a backslash before it too.
    q({ type: 'short_text', stem: { ja: 'すべてのファイルに一致する記号は？' }, accepted: ['*', 'a\\*', '1+1=2: {x} ~#'] }),
  ];

  it('gives back equal questions for the types GIFT supports', () => {
    const exported = exportGift(bank, { locale: 'ja' });
    expect(exported.warnings).toEqual([]);
    const back = parseGift(exported.text, { locale: 'ja' });
    // GIFT carries no language: the import language must be given. Mixed banks round-trip per language.
    expect(back.errors).toEqual([]);
    expect(back.warnings).toEqual([]);
    const english = new Set([0, 5, 6, 7]);
    const expected = bank.map((question, i) => (english.has(i) ? relabel(question, 'en', 'ja') : question));
    expect(withoutSource(back.questions)).toEqual(expected);
  });

  it('skips ordering questions and lists what GIFT cannot carry', () => {
    const r = exportGift(
      [
        q({ type: 'ordering', title: 'Order', stem: { ja: '手順' }, options: abc('ja', ['a', 'b']), order: ['b', 'a'] }),
        q({
          type: 'multiple_response',
          stem: { ja: '問', en: 'Q' },
          options: abc('ja', ['一', '二']),
          correctOptionIds: ['a'],
          level: 'mid',
          difficultyPrior: 1,
          feedback: { correct: { ja: '正解' } },
        }),
        q({ type: 'short_text', stem: { en: 'Case' }, accepted: ['York'], caseSensitive: true }),
      ],
      { locale: 'ja' },
    );
    expect(r.exported).toBe(2);
    expect(r.warnings).toMatchObject([
      { index: 1, title: 'Order', code: 'skipped', key: 'export.gift_ordering' },
      {
        index: 2,
        code: 'dropped',
        key: 'export.not_in_gift',
      },
      { index: 3, code: 'dropped', key: 'export.not_in_gift' },
    ]);
  });
});
