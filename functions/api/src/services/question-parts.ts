import { optionOrder } from '@manabi/assessment';
import type { LocalizedText, Question } from '@manabi/questions';

type Row = { id: string; text: LocalizedText };

/**
 * What a learner is served of a matching or cloze question besides its stem: the prompts, the
 * choices (shuffled like options when the test shuffles) and the blanks with their options, never
 * the key, accepted answers or numeric values.
 */
export function servedParts(
  q: Question,
  seed: number,
  questionId: string,
  shuffle: boolean,
): {
  prompts?: Row[];
  choices?: Row[];
  blanks?: ({ id: string; kind: 'text' | 'numeric' } | { id: string; kind: 'choice'; options: Row[] })[];
} {
  const row = (r: Row): Row => ({ id: r.id, text: r.text });
  if (q.type === 'matching') {
    const order = optionOrder(
      q.choices.map((c) => c.id),
      seed,
      questionId,
      shuffle,
    );
    return {
      prompts: q.prompts.map(row),
      choices: order.map((id) => row(q.choices.find((c) => c.id === id)!)),
    };
  }
  if (q.type === 'cloze') {
    return {
      blanks: q.blanks.map((b) =>
        b.kind === 'choice'
          ? {
              id: b.id,
              kind: 'choice' as const,
              options: optionOrder(
                b.options.map((o) => o.id),
                seed,
                `${questionId}:${b.id}`,
                shuffle,
              ).map((id) => row(b.options.find((o) => o.id === id)!)),
            }
          : { id: b.id, kind: b.kind },
      ),
    };
  }
  return {};
}

/** The key of a matching or cloze question, as the review shows it once the review policy allows. */
export function gapAnswerKey(q: Question): unknown {
  if (q.type === 'matching') return { pairs: q.key };
  if (q.type === 'cloze') {
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
  }
  return undefined;
}
