import type { CompletionRule } from './packages.js';

/**
 * Viewing time of a lesson, measured by the server. The reader sends a heartbeat every
 * `VIEWING_BEAT_SECONDS` while the page is visible; each beat credits the time since the previous
 * beat (of any tab) by the server's own clock, but never more than `VIEWING_CAP_SECONDS`. So a tab
 * that stopped beating (hidden, asleep, closed) earns at most one capped interval when it comes
 * back, and a burst of forged beats earns only the real time the burst took.
 */
export const VIEWING_BEAT_SECONDS = 15;
export const VIEWING_CAP_SECONDS = 30;

/** What the server keeps per learner and lesson. */
export interface ViewingState {
  /** Credited viewing time, in milliseconds. */
  viewedMs: number;
  /** When the last accepted beat arrived (server clock, ISO). */
  lastBeatAt: string;
  /** The page view (one per opening of the reader) and the sequence number of its last beat. */
  view: string;
  seq: number;
}

/** One heartbeat: the reader's page view and its running number (1, 2, 3 … per view). */
export interface Heartbeat {
  view: string;
  seq: number;
}

export type BeatOutcome = { kind: 'duplicate'; state: ViewingState } | { kind: 'counted'; state: ViewingState; creditedMs: number };

/**
 * Applies one heartbeat. A beat the state already reflects (same view, a sequence number not
 * above the last) is a retry and changes nothing; otherwise the interval since the last beat is
 * credited, capped. The first beat only starts the clock.
 */
export function applyHeartbeat(
  state: ViewingState | null,
  beat: Heartbeat,
  now: Date,
  capSeconds: number = VIEWING_CAP_SECONDS,
): BeatOutcome {
  if (state && state.view === beat.view && beat.seq <= state.seq) return { kind: 'duplicate', state };
  const sinceLast = state ? now.getTime() - Date.parse(state.lastBeatAt) : 0;
  // A clock that went backwards (or a beat racing another) credits nothing rather than a negative.
  const creditedMs = Math.min(Math.max(0, sinceLast), capSeconds * 1000);
  return {
    kind: 'counted',
    creditedMs,
    state: { viewedMs: (state?.viewedMs ?? 0) + creditedMs, lastBeatAt: now.toISOString(), view: beat.view, seq: beat.seq },
  };
}

/** Whether the viewing time meets a `viewed` rule of `minutes`. */
export const viewingMet = (minutes: number, viewedMs: number): boolean => viewedMs >= minutes * 60_000;

/**
 * How far a module is from its rule, as the learner is told: for a viewing-time rule, the whole
 * minutes still to view (rounded up, so "1 minute to go" until it is met); nothing for the others.
 */
export function ruleRemaining(rule: CompletionRule, viewedMs: number): { remainingMinutes: number } | null {
  if (rule.rule !== 'viewed') return null;
  const leftMs = Math.max(0, rule.minutes * 60_000 - viewedMs);
  return { remainingMinutes: Math.ceil(leftMs / 60_000) };
}
