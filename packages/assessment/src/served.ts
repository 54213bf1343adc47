import { bilingualLearnerView, type LocalizedText, type Question, type QuestionType } from '@manabi/questions';
import { optionOrder } from './engine.js';

type Row = { id: string; text: LocalizedText };

/**
 * A question as a test serves it to the learner: `bilingualLearnerView`'s allow-list (no key,
 * feedback, explanation, title, tags or IRT), with options, matching choices and a cloze blank's
 * options in the attempt's order (shuffled by its seed when the test shuffles), and an essay's
 * limits as null when unset.
 */
export interface ServedQuestion {
  type: QuestionType;
  stem: LocalizedText;
  /** Choice and ordering types; empty for every other type. */
  options: Row[];
  prompts?: Row[];
  choices?: Row[];
  blanks?: ({ id: string; kind: 'text' | 'numeric' } | { id: string; kind: 'choice'; options: Row[] })[];
  essay?: { minWords: number | null; maxWords: number | null; rubric: { id: string; criterion: LocalizedText; maxPoints: number }[] };
}

/** Where a question sits in an attempt: its seed and whether the test shuffles options. */
export interface ServeOrder {
  seed: number;
  questionId: string;
  shuffle: boolean;
}

export function servedQuestion(q: Question, at: ServeOrder): ServedQuestion {
  const view = bilingualLearnerView(q);
  // The same seeded order the scoring and a reload see: options by question, a blank's by question and blank.
  const ordered = (rows: Row[], key: string): Row[] =>
    optionOrder(
      rows.map((r) => r.id),
      at.seed,
      key,
      at.shuffle,
    ).map((id) => rows.find((r) => r.id === id)!);
  const served: ServedQuestion = { type: view.type, stem: view.stem, options: view.options ? ordered(view.options, at.questionId) : [] };
  if (view.prompts && view.choices) {
    served.prompts = view.prompts;
    served.choices = ordered(view.choices, at.questionId);
  }
  if (view.blanks)
    served.blanks = view.blanks.map((b) => (b.kind === 'choice' ? { ...b, options: ordered(b.options, `${at.questionId}:${b.id}`) } : b));
  if (view.essay)
    served.essay = { minWords: view.essay.minWords ?? null, maxWords: view.essay.maxWords ?? null, rubric: view.essay.rubric };
  return served;
}
