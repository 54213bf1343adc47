import { isPersonScored, isUnscored } from '@manabi/questions';
import type { AssessmentSnapshot } from './assessment.js';
import type { AnsweredItem } from './engine.js';

const typeOf = (snapshot: AssessmentSnapshot, questionId: string): string | undefined =>
  snapshot.pool.find((p) => p.id === questionId)?.type;

/** The answers that count in a score: a description is read, not answered, so it never counts. */
export function scorableAnswers<T extends Pick<AnsweredItem, 'questionId'>>(snapshot: AssessmentSnapshot, answered: readonly T[]): T[] {
  return answered.filter((a) => !isUnscored(typeOf(snapshot, a.questionId) ?? ''));
}

/** A fixed form's length in scored questions (descriptions left out); null for an adaptive test. */
export function scorableFormLength(snapshot: AssessmentSnapshot, form: readonly string[] | null): number | null {
  return form ? form.filter((id) => !isUnscored(typeOf(snapshot, id) ?? '')).length : null;
}

/** The answered questions a person grades (essays), in the order answered. */
export function personScoredIds(snapshot: AssessmentSnapshot, answered: readonly Pick<AnsweredItem, 'questionId'>[]): string[] {
  return answered.filter((a) => isPersonScored(typeOf(snapshot, a.questionId) ?? '')).map((a) => a.questionId);
}

/** The answers with each graded essay's score in place of the placeholder stored when it was submitted. */
export function withGrades<T extends AnsweredItem>(
  answers: readonly T[],
  grades: ReadonlyMap<string, { score: number; correct: boolean }>,
): T[] {
  return answers.map((a) => {
    const g = grades.get(a.questionId);
    return g ? { ...a, score: g.score, correct: g.correct } : a;
  });
}
