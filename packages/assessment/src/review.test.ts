import { describe, expect, it } from 'vitest';
import { questionSchema, type Question, type QuestionInput } from '@manabi/questions';
import { answerKey, feedbackOnAnswer, immediateFeedback, learnerGrade, reviewOpen } from './review.js';

const parse = (input: Record<string, unknown>): Question =>
  questionSchema.parse({ stem: { ja: '問題', en: 'Question' }, ...input } as QuestionInput);
const options = [
  { id: 'a', text: { ja: 'A', en: 'A' }, feedback: { ja: 'Aの説明', en: 'About A' } },
  { id: 'b', text: { ja: 'B', en: 'B' } },
];
const single = parse({
  type: 'single_choice',
  options,
  correctOptionIds: ['a'],
  feedback: { correct: { ja: '正解', en: 'Right' }, incorrect: { ja: '不正解', en: 'Wrong' } },
  explanation: { ja: '解説', en: 'Why' },
});

describe('reviewOpen', () => {
  const now = new Date('2026-04-01T00:00:00Z');
  it('never while the attempt runs; at once after submitting; after the due date; never when so set', () => {
    const after = { reviewPolicy: 'after_submit', dueAt: null } as const;
    expect(reviewOpen(after, 'in_progress', now)).toBe(false);
    for (const status of ['finished', 'expired', 'awaiting_grading'] as const) expect(reviewOpen(after, status, now)).toBe(true);
    expect(reviewOpen({ reviewPolicy: 'after_due', dueAt: '2026-04-01T00:00:00Z' }, 'finished', now)).toBe(true);
    expect(reviewOpen({ reviewPolicy: 'after_due', dueAt: '2026-04-01T00:00:01Z' }, 'finished', now)).toBe(false);
    expect(reviewOpen({ reviewPolicy: 'after_due', dueAt: null }, 'finished', now)).toBe(false);
    expect(reviewOpen({ reviewPolicy: 'never', dueAt: null }, 'finished', now)).toBe(false);
  });

  it('immediate feedback only when review opens on submission', () => {
    expect(immediateFeedback({ reviewPolicy: 'after_submit' })).toBe(true);
    expect(immediateFeedback({ reviewPolicy: 'after_due' })).toBe(false);
    expect(immediateFeedback({ reviewPolicy: 'never' })).toBe(false);
  });
});

describe('feedbackOnAnswer', () => {
  const open = { reviewPolicy: 'after_submit' } as const;
  it('prefers the chosen option’s feedback, else the question’s for a right or wrong answer', () => {
    expect(feedbackOnAnswer(open, single, true, { optionId: 'a' })).toEqual({
      correct: true,
      feedback: { ja: 'Aの説明', en: 'About A' },
      explanation: { ja: '解説', en: 'Why' },
    });
    expect(feedbackOnAnswer(open, single, false, { optionId: 'b' }).feedback).toEqual({ ja: '不正解', en: 'Wrong' });
    expect(feedbackOnAnswer(open, parse({ type: 'true_false', answer: true }), true, { value: true })).toEqual({
      correct: true,
      feedback: null,
      explanation: null,
    });
  });

  it('says nothing when review waits, and nothing for essays or descriptions', () => {
    const none = { correct: null, feedback: null, explanation: null };
    expect(feedbackOnAnswer({ reviewPolicy: 'after_due' }, single, true, { optionId: 'a' })).toEqual(none);
    expect(feedbackOnAnswer({ reviewPolicy: 'never' }, single, true, { optionId: 'a' })).toEqual(none);
    const essay = parse({ type: 'essay', rubric: [{ id: 'c', criterion: { en: 'Content' }, maxPoints: 5 }], explanation: { en: 'x' } });
    expect(feedbackOnAnswer(open, essay, false, { text: 'hello' })).toEqual(none);
    expect(feedbackOnAnswer(open, parse({ type: 'description', explanation: { en: 'x' } }), false, {})).toEqual(none);
  });
});

describe('answerKey', () => {
  it('gives each type’s key in the review’s shape', () => {
    expect(answerKey(single)).toEqual({ optionIds: ['a'] });
    expect(answerKey(parse({ type: 'true_false', answer: false }))).toEqual({ value: false });
    expect(answerKey(parse({ type: 'ordering', options, order: ['b', 'a'] }))).toEqual({ order: ['b', 'a'] });
    expect(answerKey(parse({ type: 'numeric', answer: { value: 5, tolerance: 0.5 } }))).toEqual({ value: 5, tolerance: 0.5 });
    expect(answerKey(parse({ type: 'short_text', accepted: ['ほうれんそう'] }))).toEqual({ accepted: ['ほうれんそう'] });
    const matching = parse({
      type: 'matching',
      prompts: [
        { id: 'p1', text: { en: 'Report' } },
        { id: 'p2', text: { en: 'Inform' } },
      ],
      choices: [
        { id: 'a', text: { en: 'Tell' } },
        { id: 'b', text: { en: 'Hide' } },
      ],
      key: { p1: 'a', p2: 'a' },
    });
    expect(answerKey(matching)).toEqual({ pairs: { p1: 'a', p2: 'a' } });
    const cloze = parse({
      type: 'cloze',
      stem: { en: '{{1}} {{2}} {{3}}' },
      blanks: [
        { id: '1', kind: 'text', accepted: ['first'], caseSensitive: false },
        {
          id: '2',
          kind: 'choice',
          options: [
            { id: 'a', text: { en: 'three' } },
            { id: 'b', text: { en: 'thirty' } },
          ],
          correctOptionId: 'a',
        },
        { id: '3', kind: 'numeric', value: 5, tolerance: 1 },
      ],
    });
    expect(answerKey(cloze)).toEqual({ blanks: { '1': { accepted: ['first'] }, '2': { optionId: 'a' }, '3': { value: 5, tolerance: 1 } } });
    expect(answerKey(parse({ type: 'description' }))).toBeNull();
  });
});

describe('learnerGrade', () => {
  it('keeps points, totals and the comment, and drops who graded', () => {
    const grade = { points: { c: 4 }, total: 4, max: 5, score: 0.8, comment: 'よく書けています', by: 'grader-id', at: '2026-04-01' };
    expect(learnerGrade(grade)).toEqual({ points: { c: 4 }, total: 4, max: 5, score: 0.8, comment: 'よく書けています' });
  });
});
