import { describe, expect, it } from 'vitest';
import { questionSchema, type Question, type QuestionInput } from './model.js';
import { InvalidResponseError, normalizeShortText, parseNumber, safeScoreResponse, scoreResponse } from './scoring.js';

const q = (input: QuestionInput): Question => questionSchema.parse(input);
const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: { en: id.toUpperCase() } }));
const single = q({ type: 'single_choice', stem: { en: 'S' }, options, correctOptionIds: ['c'] });
const multi = q({ type: 'multiple_response', stem: { en: 'M' }, options, correctOptionIds: ['a', 'c'] });
const tf = q({ type: 'true_false', stem: { en: 'T' }, answer: false });
const ordering = q({ type: 'ordering', stem: { en: 'O' }, options: options.slice(0, 3), order: ['c', 'a', 'b'] });
const numeric = q({ type: 'numeric', stem: { en: 'N' }, answer: { value: 3.5, tolerance: 0.5 } });
const short = q({ type: 'short_text', stem: { ja: '略語' }, accepted: ['On-the-Job Training', 'ホウレンソウ'] });

describe('scoreResponse', () => {
  it('single choice', () => {
    expect(scoreResponse(single, { type: 'single_choice', optionId: 'c' })).toEqual({ correct: true, score: 1 });
    expect(scoreResponse(single, { type: 'single_choice', optionId: 'a' })).toEqual({ correct: false, score: 0 });
  });

  it('multiple response: all or nothing by default, partial credit on request', () => {
    expect(scoreResponse(multi, { type: 'multiple_response', optionIds: ['c', 'a'] })).toEqual({ correct: true, score: 1 });
    expect(scoreResponse(multi, { type: 'multiple_response', optionIds: ['a'] })).toEqual({ correct: false, score: 0 });
    expect(scoreResponse(multi, { type: 'multiple_response', optionIds: ['a'] }, { partialCredit: true })).toEqual({
      correct: false,
      score: 0.5,
    });
    expect(scoreResponse(multi, { type: 'multiple_response', optionIds: ['a', 'c', 'b'] }, { partialCredit: true })).toEqual({
      correct: false,
      score: 0.5,
    });
    expect(scoreResponse(multi, { type: 'multiple_response', optionIds: ['b', 'd'] }, { partialCredit: true })).toEqual({
      correct: false,
      score: 0,
    });
    const partial = q({ type: 'multiple_response', stem: { en: 'M' }, options, correctOptionIds: ['a', 'c'], partialCredit: true });
    expect(scoreResponse(partial, { type: 'multiple_response', optionIds: ['c'] }).score).toBe(0.5);
    expect(scoreResponse(partial, { type: 'multiple_response', optionIds: ['c'] }, { partialCredit: false }).score).toBe(0);
  });

  it('true/false and ordering (exact order)', () => {
    expect(scoreResponse(tf, { type: 'true_false', value: false }).correct).toBe(true);
    expect(scoreResponse(tf, { type: 'true_false', value: true }).correct).toBe(false);
    expect(scoreResponse(ordering, { type: 'ordering', order: ['c', 'a', 'b'] }).correct).toBe(true);
    expect(scoreResponse(ordering, { type: 'ordering', order: ['c', 'b', 'a'] })).toEqual({ correct: false, score: 0 });
  });

  it('numeric: tolerance is inclusive, full-width digits and typed strings are accepted', () => {
    expect(scoreResponse(numeric, { type: 'numeric', value: 4 }).correct).toBe(true);
    expect(scoreResponse(numeric, { type: 'numeric', value: 3 }).correct).toBe(true);
    expect(scoreResponse(numeric, { type: 'numeric', value: 4.0001 }).correct).toBe(false);
    expect(scoreResponse(numeric, { type: 'numeric', value: '３．５' }).correct).toBe(true);
    expect(scoreResponse(numeric, { type: 'numeric', value: ' ４ ' }).correct).toBe(true);
    expect(scoreResponse(numeric, { type: 'numeric', value: 'abc' })).toEqual({ correct: false, score: 0 });
    const tenth = q({ type: 'numeric', stem: { en: 'N' }, answer: { value: 0.3, tolerance: 0 } });
    expect(scoreResponse(tenth, { type: 'numeric', value: 0.1 + 0.2 }).correct).toBe(true);
    const yen = q({ type: 'numeric', stem: { en: 'N' }, answer: { value: -1200, tolerance: 0 } });
    expect(scoreResponse(yen, { type: 'numeric', value: '－１，２００' }).correct).toBe(true);
  });

  it('short text: width, spacing and case are folded; kana are not', () => {
    const answer = (text: string) => scoreResponse(short, { type: 'short_text', text }).correct;
    expect(answer('on-the-job training')).toBe(true);
    expect(answer('  ＯＮ－ｔｈｅ－Ｊｏｂ　　Training ')).toBe(true);
    expect(answer('ﾎｳﾚﾝｿｳ')).toBe(true); // half-width katakana → full-width (NFKC)
    expect(answer('ほうれんそう')).toBe(false); // hiragana is a different answer
    expect(answer('')).toBe(false);
    const strict = q({ type: 'short_text', stem: { en: 'S' }, accepted: ['York'], caseSensitive: true });
    expect(scoreResponse(strict, { type: 'short_text', text: 'york' }).correct).toBe(false);
    expect(scoreResponse(strict, { type: 'short_text', text: 'Ｙｏｒｋ' }).correct).toBe(true);
  });

  it('throws a typed error for responses of the wrong shape', () => {
    const bad: unknown[] = [
      null,
      'c',
      { type: 'single_choice' },
      { type: 'single_choice', optionId: 42 },
      { type: 'true_false', value: 'false' },
      { type: 'multiple_response', optionIds: 'a' },
      { type: 'single_choice', optionId: 'c', extra: 1 },
    ];
    for (const response of bad) expect(() => scoreResponse(single, response)).toThrow(InvalidResponseError);
    expect(() => scoreResponse(single, { type: 'true_false', value: true })).toThrow('Expected a single_choice response, got true_false');
    expect(() => scoreResponse(single, { type: 'single_choice', optionId: 'zz' })).toThrow('Unknown option id(s): zz');
    expect(() => scoreResponse(multi, { type: 'multiple_response', optionIds: ['a', 'a'] })).toThrow('An option is selected twice');
    expect(() => scoreResponse(ordering, { type: 'ordering', order: ['c', 'a'] })).toThrow(InvalidResponseError);
    const result = safeScoreResponse(single, { type: 'single_choice' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.code).toBe('invalid_response');
    expect(safeScoreResponse(single, { type: 'single_choice', optionId: 'c' })).toEqual({
      success: true,
      result: { correct: true, score: 1 },
    });
  });
});

describe('normalizeShortText / parseNumber', () => {
  it('normalises', () => {
    expect(normalizeShortText('　Ａｂｃ　 ｄ ')).toBe('abc d');
    expect(normalizeShortText('Ａｂｃ', true)).toBe('Abc');
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('１，２３４')).toBe(1234);
    expect(parseNumber('\u22125')).toBe(-5);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('12,34')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});
