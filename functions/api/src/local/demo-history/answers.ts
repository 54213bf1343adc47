import type { Question } from '@manabi/questions';
import type { Random } from './random.js';

/** The chance a person of ability θ answers an item of difficulty b right (Rasch, with a floor for guessing). */
export function chanceRight(ability: number, difficulty: number): number {
  return 0.15 + 0.85 / (1 + Math.exp(-(ability - difficulty)));
}

/** A person's ability on a history day: where they started, plus their growth so far. */
export function abilityOn(person: { ability: number; growth: number }, day: number, days: number): number {
  return person.ability + (person.growth * 1.4 * day) / days;
}

/**
 * The answer a learner sends: the key when they know it, otherwise a plausible mistake (a
 * distractor picked at random, one option too few, a swapped order, a number off by a step).
 */
export function responseFor(q: Question, right: boolean, r: Random): Record<string, unknown> {
  switch (q.type) {
    case 'single_choice': {
      if (right) return { optionId: q.correctOptionIds[0] };
      const wrong = q.options.filter((o) => !q.correctOptionIds.includes(o.id));
      return { optionId: r.pick(wrong).id };
    }
    case 'multiple_response': {
      if (right) return { optionIds: [...q.correctOptionIds] };
      const distractors = q.options.filter((o) => !q.correctOptionIds.includes(o.id)).map((o) => o.id);
      const missing = q.correctOptionIds.slice(1);
      return { optionIds: distractors.length > 0 && r.chance(0.5) ? [...q.correctOptionIds, r.pick(distractors)] : missing };
    }
    case 'true_false':
      return { value: right ? q.answer : !q.answer };
    case 'ordering': {
      if (right) return { order: [...q.order] };
      const order = [...q.order];
      const i = r.int(0, order.length - 2);
      [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
      return { order };
    }
    case 'numeric':
      return { value: right ? q.answer.value : q.answer.value + Math.max(1, q.answer.tolerance * 2 + 1) * (r.chance(0.5) ? 1 : -1) };
    case 'short_text':
      return { text: right ? q.accepted[0]! : r.pick(['わかりません', '報告書', '未回答']) };
    case 'matching': {
      // A mistake leaves the first prompt unanswered.
      const pairs = { ...q.key };
      if (!right) delete pairs[q.prompts[0]!.id];
      return { pairs };
    }
    case 'cloze': {
      const blanks = Object.fromEntries(
        q.blanks.map((b) => [b.id, b.kind === 'text' ? b.accepted[0]! : b.kind === 'choice' ? b.correctOptionId : String(b.value)]),
      );
      // A mistake leaves the first blank empty.
      if (!right) blanks[q.blanks[0]!.id] = '';
      return { blanks };
    }
    case 'essay':
      return { text: right ? '結論、理由、具体例の順に書きました。' : 'わかりません' };
    case 'description':
      return {};
  }
}
