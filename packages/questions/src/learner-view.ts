import type { Locale } from '@manabi/core';
import { pickText, type Question, type QuestionType } from './model.js';
import { learnerEssay, type LearnerEssay } from './types/essay.js';

/**
 * What a learner may see before answering. Built field by field from an allowlist (never by
 * spreading the question): no answer key, no feedback, no explanation, no title (Moodle-style
 * names often give the answer away), no skill tags / IRT / source.
 */
export interface LearnerQuestion {
  type: QuestionType;
  stem: string;
  /** Choice and ordering types only, in authored order: shuffling is the caller's job. */
  options?: { id: string; text: string }[];
  /** For short_text / numeric: an input hint the UI may show (never the answer). */
  input?: 'text' | 'number';
  /** matching: the prompts to pair, in authored order. */
  prompts?: { id: string; text: string }[];
  /** matching: the choices every prompt picks from (shuffling is the caller's job). */
  choices?: { id: string; text: string }[];
  /** cloze: the blanks whose `{{id}}` markers the stem holds; choice blanks carry their options. */
  blanks?: LearnerBlank[];
  /** Essays: the word limits and the rubric's criteria (never the graders' notes). */
  essay?: LearnerEssay;
}

export type LearnerBlank =
  { id: string; kind: 'text' | 'numeric' } | { id: string; kind: 'choice'; options: { id: string; text: string }[] };

export function learnerView(question: Question, locale: Locale): LearnerQuestion {
  const view: LearnerQuestion = { type: question.type, stem: pickText(question.stem, locale) };
  switch (question.type) {
    case 'single_choice':
    case 'multiple_response':
    case 'ordering':
      view.options = question.options.map((o) => ({ id: o.id, text: pickText(o.text, locale) }));
      break;
    case 'numeric':
      view.input = 'number';
      break;
    case 'short_text':
      view.input = 'text';
      break;
    case 'essay':
      view.essay = learnerEssay(question, locale);
      break;
    case 'true_false':
    case 'description':
      break;
    case 'matching':
      view.prompts = question.prompts.map((p) => ({ id: p.id, text: pickText(p.text, locale) }));
      view.choices = question.choices.map((c) => ({ id: c.id, text: pickText(c.text, locale) }));
      break;
    case 'cloze':
      view.blanks = question.blanks.map((b) =>
        b.kind === 'choice'
          ? { id: b.id, kind: 'choice', options: b.options.map((o) => ({ id: o.id, text: pickText(o.text, locale) })) }
          : { id: b.id, kind: b.kind },
      );
      break;
  }
  return view;
}
