import { describe, expect, it } from 'vitest';
import { learnerView } from '../learner-view.js';
import { defaultIrt, describeIssues, questionSchema, type QuestionInput } from '../model.js';
import { InvalidResponseError, scoreResponse } from '../scoring.js';

const input = (over: Record<string, unknown> = {}): QuestionInput =>
  ({
    type: 'matching',
    stem: { ja: '用語と意味を組み合わせなさい。', en: 'Match each term with its meaning.' },
    prompts: [
      { id: 'p1', text: { ja: '報告', en: 'Report' } },
      { id: 'p2', text: { ja: '連絡', en: 'Inform' } },
      { id: 'p3', text: { ja: '相談', en: 'Consult' } },
    ],
    choices: [
      { id: 'a', text: { ja: '結果を伝える', en: 'Tell the result' } },
      { id: 'b', text: { ja: '事実を共有する', en: 'Share the facts' } },
      { id: 'c', text: { ja: '意見を求める', en: 'Ask for advice' } },
      { id: 'd', text: { ja: '黙っておく', en: 'Keep quiet' } },
    ],
    key: { p1: 'a', p2: 'b', p3: 'c' },
    ...over,
  }) as QuestionInput;

const issues = (over: Record<string, unknown>) => {
  const r = questionSchema.safeParse(input(over));
  return r.success ? [] : describeIssues(r.error);
};

describe('matching', () => {
  it('validates: every prompt keyed to a known choice, ids unique, 2..20 prompts', () => {
    expect(questionSchema.parse(input()).irt).toEqual({ a: 1, b: 0, c: 0, source: 'prior' });
    expect(issues({ key: { p1: 'a', p2: 'b' } })).toEqual(['key.p3: Prompt 3 has no matching choice']);
    expect(issues({ key: { p1: 'a', p2: 'b', p3: 'z' } })).toEqual(['key.p3: Unknown choice id "z"']);
    expect(issues({ key: { p1: 'a', p2: 'b', p3: 'c', p9: 'a' } })).toEqual(['key.p9: Unknown prompt id "p9"']);
    expect(
      issues({
        prompts: [
          { id: 'p1', text: { ja: 'A' } },
          { id: 'p1', text: { ja: 'B' } },
        ],
        key: { p1: 'a' },
      }),
    ).toEqual(['prompts.1.id: Duplicate prompt id "p1"']);
    expect(issues({ prompts: [{ id: 'p1', text: { ja: 'A' } }], key: { p1: 'a' } })).toEqual(['prompts: At least 2 prompts']);
  });

  it('scores the share of prompts matched (a choice may serve several prompts); correct only when all are', () => {
    const q = questionSchema.parse(input({ key: { p1: 'a', p2: 'b', p3: 'a' } }));
    expect(scoreResponse(q, { type: 'matching', pairs: { p1: 'a', p2: 'b', p3: 'a' } })).toEqual({ correct: true, score: 1 });
    expect(scoreResponse(q, { type: 'matching', pairs: { p1: 'a', p2: 'd', p3: 'a' } })).toEqual({ correct: false, score: 2 / 3 });
    expect(scoreResponse(q, { type: 'matching', pairs: { p1: 'a' } })).toEqual({ correct: false, score: 1 / 3 });
    expect(scoreResponse(q, { type: 'matching', pairs: {} })).toEqual({ correct: false, score: 0 });
    expect(() => scoreResponse(q, { type: 'matching', pairs: { p1: 'zz' } })).toThrow(InvalidResponseError);
    expect(() => scoreResponse(q, { type: 'matching', pairs: { nope: 'a' } })).toThrow(InvalidResponseError);
  });

  it('learner view: prompts and choices in the locale, no key', () => {
    const q = questionSchema.parse(input({ feedback: { correct: { en: 'KEYTEXT' } } }));
    const view = learnerView(q, 'en');
    expect(view).toEqual({
      type: 'matching',
      stem: 'Match each term with its meaning.',
      prompts: [
        { id: 'p1', text: 'Report' },
        { id: 'p2', text: 'Inform' },
        { id: 'p3', text: 'Consult' },
      ],
      choices: [
        { id: 'a', text: 'Tell the result' },
        { id: 'b', text: 'Share the facts' },
        { id: 'c', text: 'Ask for advice' },
        { id: 'd', text: 'Keep quiet' },
      ],
    });
    expect(JSON.stringify(view)).not.toMatch(/key|KEYTEXT/);
  });

  it('has no guessing parameter', () => {
    expect(defaultIrt({ type: 'matching', difficultyPrior: 1 }).c).toBe(0);
  });
});
