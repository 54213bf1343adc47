import { describe, expect, it } from 'vitest';
import { normalQuadrature } from './quadrature.js';

describe('normalQuadrature', () => {
  it('defaults to 81 nodes on [−4, 4], step 0.1', () => {
    const q = normalQuadrature();
    expect(q.nodes).toHaveLength(81);
    expect(q.nodes[0]).toBe(-4);
    expect(q.nodes[80]).toBeCloseTo(4, 12);
    expect(q.nodes[41]! - q.nodes[40]!).toBeCloseTo(0.1, 12);
  });

  it('has weights summing to 1 that reproduce the prior mean and variance', () => {
    const q = normalQuadrature({ min: -6, max: 8, points: 141, mean: 1, sd: 1.5 });
    const mean = q.nodes.reduce((s, t, k) => s + t * q.weights[k]!, 0);
    const variance = q.nodes.reduce((s, t, k) => s + (t - mean) ** 2 * q.weights[k]!, 0);
    expect(q.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(mean).toBeCloseTo(1, 3);
    expect(variance).toBeCloseTo(2.25, 3);
  });

  it('rejects degenerate grids', () => {
    expect(() => normalQuadrature({ points: 1 })).toThrow(RangeError);
    expect(() => normalQuadrature({ sd: 0 })).toThrow(RangeError);
  });
});
