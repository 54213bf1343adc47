import { msg } from '../messages/render.js';
import { optionIdAt, type Draft, type ItemContext } from './types.js';

export interface SourcePair {
  /** Empty: no prompt, the answer is a distractor (Moodle's "extra answer"). */
  prompt: string;
  answer: string;
}

/**
 * Moodle-style pairs (GIFT `=prompt -> answer`, Moodle XML `<subquestion>`) as a matching
 * question's prompts, choices and key. Answers with the same text are one choice (Moodle shows
 * each distinct answer once); a pair without prompt text adds its answer as a distractor.
 * Prompts are numbered p1, p2 …, choices a, b, c … in order of first appearance.
 */
export function pairsToMatching(ctx: ItemContext, pairs: SourcePair[]): Pick<Draft, 'prompts' | 'choices' | 'key'> | null {
  const choiceIds = new Map<string, string>();
  const choices: { id: string; text: unknown }[] = [];
  const prompts: { id: string; text: unknown }[] = [];
  const key: Record<string, string> = {};
  for (const pair of pairs) {
    const answer = pair.answer.trim();
    if (answer === '') {
      if (pair.prompt.trim() !== '') ctx.error('invalid', msg('matching.prompt_without_answer', { prompt: pair.prompt.trim() }));
      continue;
    }
    let choiceId = choiceIds.get(answer);
    if (choiceId === undefined) {
      choiceId = optionIdAt(choices.length);
      choiceIds.set(answer, choiceId);
      choices.push({ id: choiceId, text: ctx.text(answer) });
    }
    if (pair.prompt.trim() === '') continue;
    const promptId = `p${prompts.length + 1}`;
    prompts.push({ id: promptId, text: ctx.text(pair.prompt) });
    key[promptId] = choiceId;
  }
  if (prompts.length < 2) ctx.error('invalid', msg('matching.two_prompts', { count: prompts.length }));
  if (choices.length < 2) ctx.error('invalid', msg('matching.two_answers'));
  return ctx.hasFailed ? null : { prompts, choices, key };
}
