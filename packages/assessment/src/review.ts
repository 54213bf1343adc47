import type { LocalizedText, Question } from '@manabi/questions';
import type { AssessmentInput } from './assessment.js';

/** The attempt states the review policy looks at. */
export type AttemptStatus = 'in_progress' | 'awaiting_grading' | 'finished' | 'expired';

/**
 * Whether the review policy lets the learner see keys and explanations now: never while the
 * attempt runs; right after submitting, after the due date (the server's clock decides), or never.
 */
export function reviewOpen(settings: Pick<AssessmentInput, 'reviewPolicy' | 'dueAt'>, status: AttemptStatus, now: Date): boolean {
  if (status === 'in_progress') return false;
  if (settings.reviewPolicy === 'after_submit') return true;
  if (settings.reviewPolicy === 'after_due') return settings.dueAt !== null && Date.parse(settings.dueAt) <= now.getTime();
  return false;
}

/** Per-answer feedback is shown at once only when review is allowed right after submitting. */
export const immediateFeedback = (settings: Pick<AssessmentInput, 'reviewPolicy'>): boolean => settings.reviewPolicy === 'after_submit';

/** The key of a question, as the review shows it once the review policy allows (null: nothing to key). */
export function answerKey(q: Question): unknown {
  switch (q.type) {
    case 'single_choice':
    case 'multiple_response':
      return { optionIds: q.correctOptionIds };
    case 'true_false':
      return { value: q.answer };
    case 'ordering':
      return { order: q.order };
    case 'numeric':
      return { value: q.answer.value, tolerance: q.answer.tolerance };
    case 'short_text':
      return { accepted: q.accepted };
    case 'matching':
      return { pairs: q.key };
    case 'cloze':
      return {
        blanks: Object.fromEntries(
          q.blanks.map((b) => [
            b.id,
            b.kind === 'text'
              ? { accepted: b.accepted }
              : b.kind === 'choice'
                ? { optionId: b.correctOptionId }
                : { value: b.value, tolerance: b.tolerance },
          ]),
        ),
      };
    case 'essay':
    case 'description':
      return null;
  }
}

/** Feedback on one answer as the learner reads it at once (texts in both languages, as stored). */
export interface AnswerFeedback {
  correct: boolean | null;
  feedback: LocalizedText | null;
  explanation: LocalizedText | null;
}

const NO_FEEDBACK: AnswerFeedback = { correct: null, feedback: null, explanation: null };

/**
 * What the learner is told right after answering: nothing unless the review policy opens review on
 * submission; nothing for an essay (not right or wrong until a person grades it) or a description
 * (nothing to judge). Otherwise right or wrong, the chosen option's own feedback (it says most about
 * this answer) or else the question's for a right or wrong answer, and the explanation.
 */
export function feedbackOnAnswer(
  settings: Pick<AssessmentInput, 'reviewPolicy'>,
  q: Question,
  correct: boolean,
  response: Record<string, unknown>,
): AnswerFeedback {
  if (!immediateFeedback(settings) || q.type === 'essay' || q.type === 'description') return NO_FEEDBACK;
  const chosen = 'options' in q && typeof response.optionId === 'string' ? q.options.find((o) => o.id === response.optionId) : undefined;
  const feedback = chosen?.feedback ?? (correct ? q.feedback?.correct : q.feedback?.incorrect) ?? null;
  return { correct, feedback, explanation: q.explanation ?? null };
}

/** A person's grade of an essay as the learner reads it: points per criterion and the comment, never who graded. */
export interface LearnerGrade {
  /** Whole points per rubric criterion id. */
  points: Record<string, number>;
  total: number;
  max: number;
  score: number;
  comment: string | null;
}

export function learnerGrade(grade: LearnerGrade): LearnerGrade {
  return { points: grade.points, total: grade.total, max: grade.max, score: grade.score, comment: grade.comment };
}
