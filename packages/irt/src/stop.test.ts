import { describe, expect, it } from 'vitest';
import { stopDecision, type StoppingRule } from './stop.js';

const rule: StoppingRule = { minItems: 5, maxItems: 20, targetSe: 0.3, maxSeconds: 1200 };
const progress = { itemsAdministered: 10, se: 0.4, elapsedSeconds: 300, itemsRemaining: 100 };

describe('stopDecision', () => {
  it('keeps going while the SE is above target', () => {
    expect(stopDecision(progress, rule)).toEqual({ finished: false, reason: 'se_above_target' });
  });

  it('stops when the SE reaches the target (boundary included)', () => {
    expect(stopDecision({ ...progress, se: 0.3 }, rule)).toEqual({ finished: true, reason: 'se_target' });
    expect(stopDecision({ ...progress, se: 0.3001 }, rule).finished).toBe(false);
  });

  it('keeps going below the minimum length even when precise enough', () => {
    expect(stopDecision({ ...progress, itemsAdministered: 4, se: 0.1 }, rule)).toEqual({ finished: false, reason: 'below_min_items' });
    expect(stopDecision({ ...progress, itemsAdministered: 5, se: 0.1 }, rule)).toEqual({ finished: true, reason: 'se_target' });
  });

  it('stops at the maximum length whatever the SE', () => {
    expect(stopDecision({ ...progress, itemsAdministered: 20, se: 0.9 }, rule)).toEqual({ finished: true, reason: 'max_items' });
    expect(stopDecision({ ...progress, itemsAdministered: 19, se: 0.9 }, rule).finished).toBe(false);
  });

  it('stops on time, even below the minimum length, and ignores time when no limit is set', () => {
    expect(stopDecision({ ...progress, itemsAdministered: 2, elapsedSeconds: 1200 }, rule)).toEqual({
      finished: true,
      reason: 'time_limit',
    });
    const { maxSeconds: _omit, ...untimed } = rule;
    expect(stopDecision({ ...progress, elapsedSeconds: 1e9 }, untimed)).toEqual({ finished: false, reason: 'se_above_target' });
  });

  it('stops when the pool is exhausted before anything else', () => {
    expect(stopDecision({ ...progress, itemsAdministered: 1, itemsRemaining: 0, elapsedSeconds: 5000 }, rule)).toEqual({
      finished: true,
      reason: 'pool_exhausted',
    });
  });
});
