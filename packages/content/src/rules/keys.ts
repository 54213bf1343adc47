import type { Failure, LoadedItem } from '../source.js';

/**
 * What the question schema cannot see: a key the learner could defend. The schema already checks
 * that every key names an existing option exactly once.
 */
export function checkKey(item: LoadedItem, where: string): Failure[] {
  const q = item.question;
  const fail = (message: string): Failure[] => [{ rule: 'key', where, message }];
  switch (q.type) {
    case 'single_choice':
      // Two options are a coin toss: true_false says that more honestly.
      if (q.options.length < 3) return fail('single_choice: at least 3 options (use true_false for two)');
      return [];
    case 'multiple_response':
      if (q.correctOptionIds.length === q.options.length) return fail('multiple_response: at least one option must be wrong');
      if (q.options.length < 3) return fail('multiple_response: at least 3 options');
      return [];
    case 'ordering':
      if (q.options.length < 3) return fail('ordering: at least 3 steps');
      return [];
    case 'short_text':
      if (new Set(q.accepted.map((a) => a.normalize('NFKC').toLowerCase())).size !== q.accepted.length)
        return fail('short_text: an accepted answer is listed twice');
      return [];
    default:
      return [];
  }
}

/** 0-based position of the key among the options as written (single choice only). */
export function keyPosition(item: LoadedItem): number | null {
  const q = item.question;
  if (q.type !== 'single_choice') return null;
  return q.options.findIndex((o) => o.id === q.correctOptionIds[0]);
}
