import { describe, expect, it } from 'vitest';
import { bandDecided, stopDecision, type StoppingRule } from './stop.js';

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

describe('band-boundary stopping (placement)', () => {
  const band = { cuts: [-1.5, -0.5, 0.5, 1.5], z: 1.96 };
  const placement: StoppingRule = { ...rule, band };

  it('decides the band once θ ± z·SE holds no cut, open-ended at both ends', () => {
    expect(bandDecided(0, 0.25, band)).toBe(true); // [−0.49, 0.49]
    expect(bandDecided(0, 0.26, band)).toBe(false); // [−0.51, 0.51] crosses both cuts
    expect(bandDecided(2.6, 0.5, band)).toBe(true); // [1.62, 3.58]: band 5
    expect(bandDecided(-2.6, 0.5, band)).toBe(true); // [−3.58, −1.62]: band 1
    expect(bandDecided(1.2, 0.2, band)).toBe(false); // [0.81, 1.59] crosses 1.5
    expect(bandDecided(Number.NaN, 0.2, band)).toBe(false);
  });

  it('stops on a decided band before the SE target, but never below the minimum length or without θ', () => {
    const decided = { ...progress, theta: 2.6, se: 0.5 };
    expect(stopDecision(decided, placement)).toEqual({ finished: true, reason: 'band_decided' });
    expect(stopDecision(decided, rule)).toEqual({ finished: false, reason: 'se_above_target' });
    expect(stopDecision({ ...decided, itemsAdministered: 4 }, placement)).toEqual({ finished: false, reason: 'below_min_items' });
    expect(stopDecision({ ...progress, se: 0.5 }, placement)).toEqual({ finished: false, reason: 'se_above_target' });
    expect(stopDecision({ ...progress, theta: 0.9, se: 0.5 }, placement)).toEqual({ finished: false, reason: 'se_above_target' });
    // The SE target still stops a test whose band is not decided (θ on a cut).
    expect(stopDecision({ ...progress, theta: 0.5, se: 0.3 }, placement)).toEqual({ finished: true, reason: 'se_target' });
  });
});
