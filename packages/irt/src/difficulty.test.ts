import { describe, expect, it } from 'vitest';
import { DIFFICULTY_LABELS, DIFFICULTY_LEVELS, DIFFICULTY_PRIOR, EASY_BELOW, HARD_ABOVE, difficultyLevel } from './difficulty.js';
import { probability } from './model.js';

describe('difficultyLevel', () => {
  it('maps b to easy / medium / hard at the documented thresholds (both edges are medium)', () => {
    expect(difficultyLevel(-3)).toBe('easy');
    expect(difficultyLevel(-0.51)).toBe('easy');
    expect(difficultyLevel(EASY_BELOW)).toBe('medium');
    expect(difficultyLevel(0)).toBe('medium');
    expect(difficultyLevel(HARD_ABOVE)).toBe('medium');
    expect(difficultyLevel(0.51)).toBe('hard');
    expect(difficultyLevel(4.2)).toBe('hard');
  });

  it('treats a missing or non-finite b as the prior (medium)', () => {
    expect(difficultyLevel(null)).toBe('medium');
    expect(difficultyLevel(undefined)).toBe('medium');
    expect(difficultyLevel(Number.NaN)).toBe('medium');
  });

  it('maps each word’s prior back to the same word', () => {
    for (const level of DIFFICULTY_LEVELS) expect(difficultyLevel(DIFFICULTY_PRIOR[level])).toBe(level);
  });

  it('puts an average learner’s chance between 30 % and 70 % exactly on the medium band', () => {
    const chance = (b: number) => probability(0, { a: 1, b, c: 0 });
    expect(chance(EASY_BELOW)).toBeCloseTo(0.7, 1);
    expect(chance(HARD_ABOVE)).toBeCloseTo(0.3, 1);
  });

  it('names every level in Japanese and English', () => {
    expect(DIFFICULTY_LEVELS.map((l) => DIFFICULTY_LABELS[l].ja)).toEqual(['やさしい', 'ふつう', 'むずかしい']);
    expect(DIFFICULTY_LEVELS.map((l) => DIFFICULTY_LABELS[l].en)).toEqual(['Easy', 'Medium', 'Hard']);
  });
});
