import { describe, expect, it } from 'vitest';
import { invertSymmetricPositiveDefinite } from './linear-algebra.js';

describe('invertSymmetricPositiveDefinite', () => {
  it('inverts a known 3 × 3 matrix', () => {
    // [[4,12,−16],[12,37,−43],[−16,−43,98]] has inverse [[49.3611,−13.5556,2.1111],[−13.5556,3.7778,−0.5556],[2.1111,−0.5556,0.1111]].
    const inverse = invertSymmetricPositiveDefinite(Float64Array.from([4, 12, -16, 12, 37, -43, -16, -43, 98]), 3)!;
    const expected = [1777 / 36, -122 / 9, 19 / 9, -122 / 9, 34 / 9, -5 / 9, 19 / 9, -5 / 9, 1 / 9];
    expected.forEach((value, k) => expect(inverse[k]).toBeCloseTo(value, 9));
  });

  it('returns null for a matrix that is not positive definite', () => {
    expect(invertSymmetricPositiveDefinite(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
    expect(invertSymmetricPositiveDefinite(Float64Array.from([1, 1, 1, 1]), 2)).toBeNull();
  });
});
