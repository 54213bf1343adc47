import { describe, expect, it } from 'vitest';
import { isId, randomId } from '@manabi/core';
import { withSeededIds } from './seeded-ids.js';

describe('withSeededIds', () => {
  it('gives the same ids for the same seed, through awaits, and crypto ids outside', async () => {
    const draw = () =>
      withSeededIds(7, async () => {
        const first = randomId();
        await new Promise((r) => setImmediate(r));
        return [first, randomId(), randomId(8)];
      });
    const a = await draw();
    expect(await draw()).toEqual(a);
    expect(a.slice(0, 2).every(isId)).toBe(true);
    expect(a[2]).toHaveLength(8);
    expect(await withSeededIds(8, async () => randomId())).not.toBe(a[0]);
    expect([randomId(), randomId()]).not.toContain(a[0]);
  });

  it('leaves work started alongside, outside the context, with crypto ids', async () => {
    let outside = '';
    const seeded = withSeededIds(7, async () => {
      await new Promise((r) => setImmediate(r));
      return randomId();
    });
    outside = randomId();
    const again = await withSeededIds(7, async () => randomId());
    expect(await seeded).toBe(again);
    expect(outside).not.toBe(again);
  });
});
