import { describe, expect, it } from 'vitest';
import { applyHeartbeat, ruleRemaining, viewingMet, VIEWING_CAP_SECONDS, type ViewingState } from './viewing.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 9, 0, 0) + seconds * 1000);

/** Beats of one view at the given seconds, from nothing. */
function beats(times: number[], view = 'v1'): ViewingState {
  let state: ViewingState | null = null;
  times.forEach((t, i) => {
    state = applyHeartbeat(state, { view, seq: i + 1 }, at(t)).state;
  });
  return state!;
}

describe('applyHeartbeat', () => {
  it('starts the clock on the first beat and credits the time between beats', () => {
    const first = applyHeartbeat(null, { view: 'v1', seq: 1 }, at(0));
    expect(first).toMatchObject({ kind: 'counted', creditedMs: 0, state: { viewedMs: 0, view: 'v1', seq: 1 } });
    const second = applyHeartbeat(first.state, { view: 'v1', seq: 2 }, at(15));
    expect(second).toMatchObject({ kind: 'counted', creditedMs: 15_000, state: { viewedMs: 15_000, seq: 2 } });
    expect(beats([0, 15, 30, 45, 60]).viewedMs).toBe(60_000);
  });

  it('credits an interval only up to the cap: a tab that stopped beating earns one capped interval', () => {
    const state = beats([0, 15, 15 + 3600]);
    expect(state.viewedMs).toBe(15_000 + VIEWING_CAP_SECONDS * 1000);
    expect(applyHeartbeat(null, { view: 'v', seq: 1 }, at(0)).state.lastBeatAt).toBe(at(0).toISOString());
    expect(applyHeartbeat(beats([0]), { view: 'v1', seq: 2 }, at(100), 10).state.viewedMs).toBe(10_000);
  });

  it('gives a forged burst only the real time it took', () => {
    const burst = beats(Array.from({ length: 500 }, (_, i) => i * 0.01));
    expect(burst.viewedMs).toBeCloseTo(4_990, 0);
  });

  it('treats a beat it already counted as a retry, and a new view as new beats', () => {
    const state = beats([0, 15]);
    expect(applyHeartbeat(state, { view: 'v1', seq: 2 }, at(20))).toEqual({ kind: 'duplicate', state });
    expect(applyHeartbeat(state, { view: 'v1', seq: 1 }, at(20))).toEqual({ kind: 'duplicate', state });
    // A second tab (another view) beating in between shares the same clock: time is not doubled.
    const other = applyHeartbeat(state, { view: 'v2', seq: 1 }, at(20));
    expect(other).toMatchObject({ kind: 'counted', creditedMs: 5_000 });
    const back = applyHeartbeat(other.state, { view: 'v1', seq: 3 }, at(30));
    expect(back).toMatchObject({ kind: 'counted', creditedMs: 10_000, state: { viewedMs: 30_000 } });
  });

  it('credits nothing for a clock that went backwards', () => {
    const state = beats([100]);
    expect(applyHeartbeat(state, { view: 'v1', seq: 2 }, at(50))).toMatchObject({ creditedMs: 0, state: { viewedMs: 0 } });
  });
});

describe('viewing rule', () => {
  it('is met at the rule’s minutes', () => {
    expect(viewingMet(5, 299_999)).toBe(false);
    expect(viewingMet(5, 300_000)).toBe(true);
  });

  it('tells the whole minutes still to view, rounded up, and nothing for other rules', () => {
    expect(ruleRemaining({ rule: 'viewed', minutes: 5 }, 0)).toEqual({ remainingMinutes: 5 });
    expect(ruleRemaining({ rule: 'viewed', minutes: 5 }, 180_000)).toEqual({ remainingMinutes: 2 });
    expect(ruleRemaining({ rule: 'viewed', minutes: 5 }, 181_000)).toEqual({ remainingMinutes: 2 });
    expect(ruleRemaining({ rule: 'viewed', minutes: 5 }, 299_000)).toEqual({ remainingMinutes: 1 });
    expect(ruleRemaining({ rule: 'viewed', minutes: 5 }, 400_000)).toEqual({ remainingMinutes: 0 });
    expect(ruleRemaining({ rule: 'read_to_end' }, 0)).toBeNull();
    expect(ruleRemaining({ rule: 'quiz_passed' }, 0)).toBeNull();
  });
});
