import { describe, expect, it } from 'vitest';
import { learnerView } from '../learner-view.js';
import { isAdaptiveType, questionSchema, type QuestionOf } from '../model.js';
import { NotAutoScoredError, responseSchema, scoreResponse } from '../scoring.js';
import { countWords, gradeEssay, InvalidGradeError, MAX_ESSAY_CHARS, wordLimitIssue } from './essay.js';

const essay = questionSchema.parse({
  type: 'essay',
  title: 'SECRET-title',
  stem: { ja: '議事録を要約してください。', en: 'Summarise the minutes.' },
  rubric: [
    { id: 'content', criterion: { ja: '内容', en: 'Content' }, maxPoints: 6 },
    { id: 'style', criterion: { ja: '表現', en: 'Style' }, maxPoints: 4 },
  ],
  minWords: 3,
  maxWords: 50,
  graderNotes: { ja: 'SECRET-模範解答', en: 'SECRET-sample answer' },
  explanation: { en: 'SECRET-explanation' },
}) as QuestionOf<'essay'>;

describe('essay questions', () => {
  it('validates the rubric: 1..10 criteria, 1..10 whole points, unique ids, min ≤ max words', () => {
    const base = { type: 'essay', stem: { en: 'Write.' } };
    expect(questionSchema.safeParse({ ...base, rubric: [] }).success).toBe(false);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ id: `c${i}`, criterion: { en: 'x' }, maxPoints: 1 }));
    expect(questionSchema.safeParse({ ...base, rubric: eleven }).success).toBe(false);
    expect(questionSchema.safeParse({ ...base, rubric: [{ id: 'a', criterion: { en: 'x' }, maxPoints: 11 }] }).success).toBe(false);
    expect(questionSchema.safeParse({ ...base, rubric: [{ id: 'a', criterion: { en: 'x' }, maxPoints: 2.5 }] }).success).toBe(false);
    const dup = questionSchema.safeParse({
      ...base,
      rubric: [
        { id: 'a', criterion: { en: 'x' }, maxPoints: 1 },
        { id: 'a', criterion: { en: 'y' }, maxPoints: 1 },
      ],
    });
    expect(dup.success).toBe(false);
    expect(dup.error?.issues.map((i) => i.message)).toEqual(['Duplicate criterion id "a"']);
    const limits = questionSchema.safeParse({
      ...base,
      rubric: [{ id: 'a', criterion: { en: 'x' }, maxPoints: 1 }],
      minWords: 9,
      maxWords: 3,
    });
    expect(limits.error?.issues.map((i) => i.message)).toEqual(['The minimum word count exceeds the maximum']);
  });

  it('a description needs only its text', () => {
    expect(questionSchema.parse({ type: 'description', stem: { ja: 'この章について' } })).toMatchObject({ type: 'description' });
    expect(questionSchema.safeParse({ type: 'description', stem: { ja: 'x' }, options: [] }).success).toBe(false);
  });

  it('grades points per criterion into a 0..1 score', () => {
    expect(gradeEssay(essay.rubric, { content: 6, style: 4 })).toEqual({
      points: { content: 6, style: 4 },
      total: 10,
      max: 10,
      score: 1,
      correct: true,
    });
    expect(gradeEssay(essay.rubric, { content: 3, style: 1 })).toMatchObject({ total: 4, score: 0.4, correct: false });
    expect(gradeEssay(essay.rubric, { content: 0, style: 0 })).toMatchObject({ score: 0 });
    expect(gradeEssay([{ id: 'a', criterion: { en: 'x' }, maxPoints: 3 }], { a: 1 }).score).toBe(0.3333);
  });

  it('refuses points outside 0..maxPoints, fractions, missing and unknown criteria', () => {
    const issues = (points: Record<string, unknown>) => {
      try {
        gradeEssay(essay.rubric, points);
        return [];
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidGradeError);
        return (e as InvalidGradeError).issues.map((i) => `${i.criterionId}: ${i.message}`);
      }
    };
    expect(issues({ content: 7, style: 1 })).toEqual(['content: Whole points from 0 to 6']);
    expect(issues({ content: -1, style: 1.5 })).toEqual(['content: Whole points from 0 to 6', 'style: Whole points from 0 to 4']);
    expect(issues({ content: 1 })).toEqual(['style: Whole points from 0 to 4']);
    expect(issues({ content: 1, style: 1, extra: 1 })).toEqual(['extra: Unknown criterion']);
    expect(issues({ content: '3', style: 1 })).toEqual(['content: Whole points from 0 to 6']);
  });

  it('is never scored automatically; a description is never scored at all', () => {
    expect(() => scoreResponse(essay, { type: 'essay', text: 'A summary.' })).toThrow(NotAutoScoredError);
    const description = questionSchema.parse({ type: 'description', stem: { en: 'About' } });
    expect(() => scoreResponse(description, { type: 'description' })).toThrow(NotAutoScoredError);
    expect(responseSchema.safeParse({ type: 'essay', text: 'x'.repeat(MAX_ESSAY_CHARS) }).success).toBe(true);
    expect(responseSchema.safeParse({ type: 'essay', text: 'x'.repeat(MAX_ESSAY_CHARS + 1) }).success).toBe(false);
  });

  it('never enters an adaptive pool, nor does a description', () => {
    expect(isAdaptiveType('essay')).toBe(false);
    expect(isAdaptiveType('description')).toBe(false);
    expect(isAdaptiveType('single_choice')).toBe(true);
  });

  it('counts words: Latin words between spaces, each kana and kanji as one', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  The team met on Monday.  ')).toBe(5);
    expect(countWords("don't stop-gap")).toBe(2);
    expect(countWords('会議は月曜日')).toBe(6);
    expect(countWords('ABC社の会議')).toBe(5);
    expect(wordLimitIssue(essay, 'One two')).toBe('too_short');
    expect(wordLimitIssue(essay, 'One two three')).toBeNull();
    expect(wordLimitIssue(essay, '')).toBeNull();
    expect(wordLimitIssue(essay, 'w '.repeat(51))).toBe('too_long');
  });

  it("the learner's view carries the limits and criteria, never the graders' notes, title or explanation", () => {
    for (const locale of ['ja', 'en'] as const) {
      const view = learnerView(essay, locale);
      expect(JSON.stringify(view)).not.toContain('SECRET');
      expect(view).toEqual({
        type: 'essay',
        stem: locale === 'ja' ? '議事録を要約してください。' : 'Summarise the minutes.',
        essay: {
          minWords: 3,
          maxWords: 50,
          rubric: [
            { id: 'content', criterion: locale === 'ja' ? '内容' : 'Content', maxPoints: 6 },
            { id: 'style', criterion: locale === 'ja' ? '表現' : 'Style', maxPoints: 4 },
          ],
        },
      });
    }
    const description = questionSchema.parse({ type: 'description', stem: { en: 'About' }, explanation: { en: 'SECRET' } });
    expect(learnerView(description, 'en')).toEqual({ type: 'description', stem: 'About' });
  });
});
