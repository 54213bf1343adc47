import type { Failure, LoadedItem } from '../source.js';

/**
 * Every text of an item exists in Japanese and English: any `{ ja?, en? }` object anywhere in
 * the question (stem, options, explanation, feedback, and the text of types added later).
 */
export function checkBilingual(item: LoadedItem, where: string): Failure[] {
  const failures: Failure[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}.${i}`));
    if (typeof value !== 'object' || value === null) return;
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((k) => k === 'ja' || k === 'en')) {
      for (const locale of ['ja', 'en'] as const) {
        const text = (value as Record<string, unknown>)[locale];
        if (typeof text !== 'string' || text.trim() === '')
          failures.push({
            rule: 'bilingual',
            where,
            message: `${path.slice(1)}: the ${locale === 'ja' ? 'Japanese' : 'English'} text is missing`,
          });
      }
      return;
    }
    for (const k of keys) walk((value as Record<string, unknown>)[k], `${path}.${k}`);
  };
  walk(item.question, '');
  if (!item.question.explanation) failures.push({ rule: 'bilingual', where, message: 'explanation: missing' });
  return failures;
}
