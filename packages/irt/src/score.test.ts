import { describe, expect, it } from 'vitest';
import { proficiencyBand, scaledScore, scaledStandardError } from './score.js';

describe('proficiencyBand', () => {
  it('maps θ to bands at the documented cut points −1.5, −0.5, 0.5, 1.5', () => {
    expect([-3, -1.51, -1.5, -0.6, -0.5, 0, 0.49, 0.5, 1.49, 1.5, 4].map(proficiencyBand)).toEqual([1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 5]);
  });
});

describe('scaledScore', () => {
  it('is 500 + 100θ, rounded', () => {
    expect(scaledScore(0)).toBe(500);
    expect(scaledScore(1.234)).toBe(623);
    expect(scaledScore(-0.876)).toBe(412);
  });

  it('is clamped to 200–800', () => {
    expect(scaledScore(3)).toBe(800);
    expect(scaledScore(3.9)).toBe(800);
    expect(scaledScore(-3.2)).toBe(200);
  });

  it('scales the SE by 100', () => {
    expect(scaledStandardError(0.27)).toBeCloseTo(27, 10);
  });
});
