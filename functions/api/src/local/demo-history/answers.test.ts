import { describe, expect, it } from 'vitest';
import { scoreResponse } from '@manabi/questions';
import { loadCatalogItems } from '../catalog.js';
import { abilityOn, chanceRight, responseFor } from './answers.js';
import { seededRandom } from './random.js';

describe('demo answers', () => {
  it('score right when meant right and wrong when meant wrong, for every catalog question', () => {
    const r = seededRandom(3);
    for (const { question: q } of loadCatalogItems()) {
      expect(scoreResponse(q, { type: q.type, ...responseFor(q, true, r) }).correct).toBe(true);
      for (let i = 0; i < 3; i++) expect(scoreResponse(q, { type: q.type, ...responseFor(q, false, r) }).correct).toBe(false);
    }
  });

  it('make able people and easy items more often right, and ability grow over the months', () => {
    expect(chanceRight(1, 0)).toBeGreaterThan(chanceRight(0, 0));
    expect(chanceRight(0, -1)).toBeGreaterThan(chanceRight(0, 1));
    expect(chanceRight(-10, 10)).toBeGreaterThanOrEqual(0.15);
    expect(abilityOn({ ability: 0, growth: 1 }, 90, 91)).toBeGreaterThan(abilityOn({ ability: 0, growth: 1 }, 0, 91));
  });
});
