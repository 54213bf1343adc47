import { describe, expect, it } from 'vitest';
import type { AssessmentSnapshot } from './assessment.js';
import { personScoredIds, scorableAnswers, scorableFormLength, withGrades } from './grading.js';

const item = (id: string, type: string) => ({
  id,
  owner: 'tenant' as const,
  version: 1,
  type,
  skills: ['s'],
  level: null,
  irt: { a: 1, b: 0, c: 0 },
});
const snapshot = {
  publishedVersion: 1,
  settings: {} as never,
  pool: [item('q1', 'single_choice'), item('intro', 'description'), item('e1', 'essay'), item('q2', 'true_false')],
} as AssessmentSnapshot;
const answers = [
  { questionId: 'intro', correct: false, score: 0 },
  { questionId: 'q1', correct: true, score: 1 },
  { questionId: 'e1', correct: false, score: 0 },
  { questionId: 'q2', correct: false, score: 0 },
];

describe('scoring a form with essays and descriptions', () => {
  it('descriptions count neither as answers nor in the form length', () => {
    expect(scorableAnswers(snapshot, answers).map((a) => a.questionId)).toEqual(['q1', 'e1', 'q2']);
    expect(scorableFormLength(snapshot, ['intro', 'q1', 'e1', 'q2'])).toBe(3);
    expect(scorableFormLength(snapshot, null)).toBeNull();
  });

  it('finds the essays a person grades and puts their grades in place', () => {
    expect(personScoredIds(snapshot, answers)).toEqual(['e1']);
    const graded = withGrades(answers, new Map([['e1', { score: 0.75, correct: false }]]));
    expect(graded[2]).toEqual({ questionId: 'e1', correct: false, score: 0.75 });
    expect(graded[1]).toBe(answers[1]);
  });
});
