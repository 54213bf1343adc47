import { describe, expect, it } from 'vitest';
import { defaultIrt, pickText, questionSchema, type QuestionInput } from './model.js';

const choice = (over: Partial<QuestionInput> = {}): QuestionInput =>
  ({
    type: 'single_choice',
    stem: { ja: '報連相の「連」は？' },
    options: [
      { id: 'a', text: { ja: '連絡' } },
      { id: 'b', text: { ja: '連携' } },
      { id: 'c', text: { ja: '連続' } },
      { id: 'd', text: { ja: '連帯' } },
    ],
    correctOptionIds: ['a'],
    ...over,
  }) as QuestionInput;

describe('questionSchema', () => {
  it('fills defaults, including IRT parameters from the difficulty prior', () => {
    const q = questionSchema.parse(choice({ difficultyPrior: 1.5 }));
    expect(q).toMatchObject({ skillTags: [], level: null, status: 'draft', irt: { a: 1, b: 1.5, c: 0.25, source: 'prior' } });
    expect(questionSchema.parse(choice()).irt.b).toBe(0);
  });

  it('keeps calibrated IRT parameters as given', () => {
    const irt = { a: 1.3, b: -0.4, c: 0.2, source: 'calibrated' as const };
    expect(questionSchema.parse(choice({ irt })).irt).toEqual(irt);
  });

  it('guesses c from the options for single choice and 0.5 for true/false, 0 otherwise', () => {
    expect(defaultIrt({ type: 'true_false', difficultyPrior: null })).toEqual({ a: 1, b: 0, c: 0.5, source: 'prior' });
    expect(defaultIrt({ type: 'multiple_response', difficultyPrior: -2, options: [1, 2, 3] })).toEqual({
      a: 1,
      b: -2,
      c: 0,
      source: 'prior',
    });
    expect(defaultIrt({ type: 'numeric', difficultyPrior: null }).c).toBe(0);
  });

  it('requires Japanese or English text', () => {
    expect(questionSchema.safeParse(choice({ stem: {} })).success).toBe(false);
    expect(questionSchema.safeParse(choice({ stem: { ja: '   ' } })).success).toBe(false);
    expect(questionSchema.safeParse(choice({ stem: { en: 'Only English' } })).success).toBe(true);
  });

  it('rejects answer keys that do not fit the options', () => {
    const messages = (input: QuestionInput): string[] => {
      const r = questionSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages(choice({ correctOptionIds: ['z'] }))).toEqual(['Unknown option id "z"']);
    expect(messages(choice({ correctOptionIds: ['a', 'b'] }))).toEqual(['Exactly one correct option']);
    expect(
      messages(
        choice({
          options: [
            { id: 'a', text: { ja: 'x' } },
            { id: 'a', text: { ja: 'y' } },
          ],
        }),
      ),
    ).toEqual(['Duplicate option id "a"']);
    const ordering = {
      type: 'ordering',
      stem: { en: 'Order' },
      options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: { en: id } })),
    } as const;
    expect(messages({ ...ordering, order: ['a', 'b', 'c'] } as QuestionInput)).toEqual(['The order must list every option exactly once']);
    expect(messages({ ...ordering, order: ['d', 'c', 'b', 'a'] } as QuestionInput)).toEqual([]);
  });

  it('rejects unknown fields and answer keys of another type', () => {
    expect(questionSchema.safeParse({ type: 'true_false', stem: { ja: 'x' }, answer: true, accepted: ['y'] }).success).toBe(false);
    expect(questionSchema.safeParse({ type: 'numeric', stem: { ja: 'x' }, answer: { value: 3, tolerance: -1 } }).success).toBe(false);
    expect(questionSchema.parse({ type: 'numeric', stem: { ja: 'x' }, answer: { value: 3 } })).toMatchObject({
      answer: { value: 3, tolerance: 0 },
    });
  });
});

describe('pickText', () => {
  it('falls back to the other language', () => {
    expect(pickText({ ja: 'こんにちは', en: 'Hello' }, 'en')).toBe('Hello');
    expect(pickText({ ja: 'こんにちは' }, 'en')).toBe('こんにちは');
    expect(pickText({ en: 'Hello' }, 'ja')).toBe('Hello');
  });
});
