import { AsyncLocalStorage } from 'node:async_hooks';
import { ID_ALPHABET, useIdSource } from '@manabi/core';
import { seededRandom } from './demo-history/random.js';

const context = new AsyncLocalStorage<(length: number) => string>();
useIdSource(() => context.getStore());

/**
 * Runs `fn` with every id it creates (tenant, people, questions, attempts…) drawn from a sequence
 * seeded by `seed`. The demo history's draws follow the stored order of questions, which follows
 * their ids: with random ids, two first starts of the same demo gave different results. Requests
 * served meanwhile run outside this context and keep crypto-random ids.
 */
export function withSeededIds<T>(seed: number, fn: () => Promise<T>): Promise<T> {
  const random = seededRandom(`ids:${seed}`);
  const next = (length: number) => {
    let id = '';
    for (let i = 0; i < length; i++) id += ID_ALPHABET[Math.floor(random.next() * ID_ALPHABET.length)];
    return id;
  };
  return context.run(next, fn);
}
