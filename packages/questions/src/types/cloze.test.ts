import { describe, expect, it } from 'vitest';
import { learnerView } from '../learner-view.js';
import { describeIssues, questionSchema, type QuestionInput } from '../model.js';
import { InvalidResponseError, scoreResponse } from '../scoring.js';
import { splitCloze } from './cloze.js';

const input = (over: Record<string, unknown> = {}): QuestionInput =>
  ({
    type: 'cloze',
    stem: { ja: '報告は{{1}}に、{{2}}行で、{{3}}分以内に。', en: 'Report {{1}}, in {{2}} lines, within {{3}} minutes.' },
    blanks: [
      { id: '1', kind: 'text', accepted: ['結論から', 'first'], caseSensitive: false },
      {
        id: '2',
        kind: 'choice',
        options: [
          { id: 'a', text: { ja: '三', en: 'three' } },
          { id: 'b', text: { ja: '三十', en: 'thirty' } },
        ],
        correctOptionId: 'a',
      },
      { id: '3', kind: 'numeric', value: 5, tolerance: 1 },
    ],
    ...over,
  }) as QuestionInput;

const issues = (over: Record<string, unknown>) => {
  const r = questionSchema.safeParse(input(over));
  return r.success ? [] : describeIssues(r.error);
};

describe('cloze', () => {
  it('validates: markers and blanks agree in every language, ids unique, a known correct option', () => {
    expect(questionSchema.parse(input()).irt.c).toBe(0);
    expect(issues({ stem: { ja: '報告は{{1}}に、{{2}}行で。', en: 'Report {{1}}, {{2}}, {{3}}.' } })).toEqual([
      'stem.ja: The ja stem has no {{3}} marker for blank 3',
    ]);
    expect(issues({ stem: { en: 'Report {{1}}, {{2}}, {{3}} and {{4}} and {{1}}.' } })).toEqual([
      'stem.en: The en stem has the {{1}} marker 2 times',
      'stem.en: The en stem has a {{4}} marker but no blank 4',
    ]);
    expect(
      issues({
        blanks: [
          { id: '1', kind: 'text', accepted: ['x'] },
          { id: '1', kind: 'numeric', value: 1 },
          {
            id: '3',
            kind: 'choice',
            options: [
              { id: 'a', text: { en: 'A' } },
              { id: 'a', text: { en: 'B' } },
            ],
            correctOptionId: 'z',
          },
        ],
        stem: { en: '{{1}} {{3}}' },
      }),
    ).toEqual([
      'blanks.1.id: Duplicate blank id "1"',
      'blanks.2.options.1.id: Duplicate option id "a"',
      'blanks.2.correctOptionId: Unknown option id "z"',
    ]);
    expect(issues({ blanks: [] })[0]).toBe('blanks: At least one blank');
  });

  it('scores the share of blanks right: text as short_text compares (NFKC, case), numeric with tolerance and full-width digits', () => {
    const q = questionSchema.parse(input());
    expect(scoreResponse(q, { type: 'cloze', blanks: { '1': ' FIRST ', '2': 'a', '3': '５．５' } })).toEqual({ correct: true, score: 1 });
    expect(scoreResponse(q, { type: 'cloze', blanks: { '1': '結論から', '2': 'b', '3': '7' } })).toEqual({ correct: false, score: 1 / 3 });
    expect(scoreResponse(q, { type: 'cloze', blanks: {} })).toEqual({ correct: false, score: 0 });
    expect(() => scoreResponse(q, { type: 'cloze', blanks: { '9': 'x' } })).toThrow(InvalidResponseError);
    expect(() => scoreResponse(q, { type: 'cloze', blanks: { '2': 'zz' } })).toThrow(InvalidResponseError);
    const strict = questionSchema.parse(
      input({ blanks: [{ id: '1', kind: 'text', accepted: ['HR'], caseSensitive: true }], stem: { en: 'Ask {{1}}' } }),
    );
    expect(scoreResponse(strict, { type: 'cloze', blanks: { '1': 'hr' } }).score).toBe(0);
    expect(scoreResponse(strict, { type: 'cloze', blanks: { '1': 'ＨＲ' } }).score).toBe(1);
  });

  it('learner view: the stem with its markers, choice options, no accepted answers or values', () => {
    const view = learnerView(questionSchema.parse(input()), 'ja');
    expect(view).toEqual({
      type: 'cloze',
      stem: '報告は{{1}}に、{{2}}行で、{{3}}分以内に。',
      blanks: [
        { id: '1', kind: 'text' },
        {
          id: '2',
          kind: 'choice',
          options: [
            { id: 'a', text: '三' },
            { id: 'b', text: '三十' },
          ],
        },
        { id: '3', kind: 'numeric' },
      ],
    });
    const serialized = JSON.stringify(view);
    for (const secret of ['結論から', 'first', 'correctOptionId', 'accepted', 'tolerance', '"value"'])
      expect(serialized).not.toContain(secret);
  });

  it('splits a stem into text and blanks', () => {
    expect(splitCloze('{{1}} and {{12}}.')).toEqual([{ blank: '1' }, { text: ' and ' }, { blank: '12' }, { text: '.' }]);
  });
});
