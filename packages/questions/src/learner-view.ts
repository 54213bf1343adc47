import type { Locale } from '@manabi/core';
import { pickText, type LocalizedText, type Question, type QuestionType } from './model.js';
import { learnerEssay, type LearnerEssay } from './types/essay.js';

/**
 * What a learner may see before answering. Built field by field from an allowlist (never by
 * spreading the question): no answer key, no feedback, no explanation, no title (Moodle-style
 * names often give the answer away), no skill tags / IRT / source.
 */
export interface LearnerQuestionOf<T> {
  type: QuestionType;
  stem: T;
  /** Choice and ordering types only, in authored order: shuffling is the caller's job. */
  options?: { id: string; text: T }[];
  /** For short_text / numeric: an input hint the UI may show (never the answer). */
  input?: 'text' | 'number';
  /** matching: the prompts to pair, in authored order. */
  prompts?: { id: string; text: T }[];
  /** matching: the choices every prompt picks from (shuffling is the caller's job). */
  choices?: { id: string; text: T }[];
  /** cloze: the blanks whose `{{id}}` markers the stem holds; choice blanks carry their options. */
  blanks?: LearnerBlankOf<T>[];
  /** Essays: the word limits and the rubric's criteria (never the graders' notes). */
  essay?: LearnerEssay<T>;
}

export type LearnerQuestion = LearnerQuestionOf<string>;

export type LearnerBlankOf<T> =
  { id: string; kind: 'text' | 'numeric' } | { id: string; kind: 'choice'; options: { id: string; text: T }[] };
export type LearnerBlank = LearnerBlankOf<string>;

export function learnerView(question: Question, locale: Locale): LearnerQuestion {
  return projectForLearner(question, (t) => pickText(t, locale));
}

/**
 * The same allow-listed view with every text in both languages, as stored: what a test serves
 * (the learner's browser switches language without asking again).
 */
export type BilingualLearnerQuestion = LearnerQuestionOf<LocalizedText>;

export function bilingualLearnerView(question: Question): BilingualLearnerQuestion {
  return projectForLearner(question, (t) => t);
}

/** The allow-list itself, with each text written by `text`. */
function projectForLearner<T>(question: Question, text: (t: LocalizedText) => T): LearnerQuestionOf<T> {
  const view: LearnerQuestionOf<T> = { type: question.type, stem: text(question.stem) };
  switch (question.type) {
    case 'single_choice':
    case 'multiple_response':
    case 'ordering':
      view.options = question.options.map((o) => ({ id: o.id, text: text(o.text) }));
      break;
    case 'numeric':
      view.input = 'number';
      break;
    case 'short_text':
      view.input = 'text';
      break;
    case 'essay':
      view.essay = learnerEssay(question, text);
      break;
    case 'true_false':
    case 'description':
      break;
    case 'matching':
      view.prompts = question.prompts.map((p) => ({ id: p.id, text: text(p.text) }));
      view.choices = question.choices.map((c) => ({ id: c.id, text: text(c.text) }));
      break;
    case 'cloze':
      view.blanks = question.blanks.map((b) =>
        b.kind === 'choice'
          ? { id: b.id, kind: 'choice', options: b.options.map((o) => ({ id: o.id, text: text(o.text) })) }
          : { id: b.id, kind: b.kind },
      );
      break;
  }
  return view;
}
