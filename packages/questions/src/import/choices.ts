import { msg } from '../messages/render.js';
import type { LocalizedText, QuestionInput } from '../model.js';
import { optionIdAt, pct, type ItemContext } from './types.js';

export interface WeightedChoice {
  text: string;
  /** Moodle fraction in percent (100 = full marks, negative = penalty). */
  weight: number;
  feedback?: string | undefined;
}

type ChoicePart = Pick<Extract<QuestionInput, { type: 'single_choice' | 'multiple_response' }>, 'type' | 'options' | 'correctOptionIds'> & {
  partialCredit?: boolean;
};

const FULL = 99.99;

/**
 * Maps Moodle-style weighted answers (GIFT MC, Moodle XML multichoice) to a choice question.
 * - `single`: exactly one 100% answer → single_choice (other partial-credit answers: warning).
 * - `multiple`: answers with a positive weight are the correct set → multiple_response with
 *   partial credit (Moodle gives partial credit for multiple answers); weights other than
 *   0 and ±100/N are not kept exactly (warning); positive weights not adding up to 100% (warning).
 * - `auto` (GIFT): single when one answer has 100%, multiple when none has and some are positive.
 * Returns null after reporting an error when the answers cannot be mapped.
 */
export function mapWeightedChoices(ctx: ItemContext, choices: WeightedChoice[], mode: 'single' | 'multiple' | 'auto'): ChoicePart | null {
  const options = choices.map((c, i) => ({
    id: optionIdAt(i),
    text: (ctx.text(c.text) ?? {}) as LocalizedText,
    ...(ctx.text(c.feedback) ? { feedback: ctx.text(c.feedback) } : {}),
  }));
  const full = choices.flatMap((c, i) => (c.weight >= FULL ? [i] : []));
  const positive = choices.flatMap((c, i) => (c.weight > 0 ? [i] : []));
  const single = mode === 'single' || (mode === 'auto' && full.length > 0);

  if (positive.length === 0) {
    ctx.error('invalid', msg('choice.no_correct'));
    return null;
  }
  if (single) {
    if (full.length === 0) {
      ctx.error('invalid', msg('choice.single_no_full'));
      return null;
    }
    if (full.length > 1) {
      ctx.error('unsupported_feature', msg('choice.several_full', { count: full.length }));
      return null;
    }
    for (const i of positive.filter((i) => !full.includes(i))) {
      ctx.warn('dropped', msg('choice.partial_dropped', { weight: pct(choices[i]?.weight ?? 0), answer: choices[i]?.text ?? '' }));
    }
    return { type: 'single_choice', options, correctOptionIds: [optionIdAt(full[0] ?? 0)] };
  }

  const share = 100 / positive.length;
  const sum = positive.reduce((s, i) => s + (choices[i]?.weight ?? 0), 0);
  if (Math.abs(sum - 100) > 0.01) {
    ctx.warn('suspicious', msg('choice.weights_sum', { sum: pct(sum) }));
  }
  // Manabi's partial credit is +1/N per right pick and −1/N per wrong pick: weights 0, +100/N
  // and −100/N mean the same thing; any other weight does not survive the import.
  const odd = choices.filter((c) => c.weight !== 0 && Math.abs(Math.abs(c.weight) - share) > 0.01);
  if (odd.length > 0) {
    ctx.warn('dropped', msg('choice.weights_dropped', { weights: odd.map((c) => pct(c.weight)).join(', '), count: positive.length }));
  }
  return { type: 'multiple_response', options, correctOptionIds: positive.map(optionIdAt), partialCredit: true };
}
