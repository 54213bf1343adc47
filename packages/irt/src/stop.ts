export interface StoppingRule {
  /** Never stop on precision before this many items. */
  readonly minItems: number;
  /** Always stop at this many items. */
  readonly maxItems: number;
  /** Stop once the standard error of θ is at or below this. */
  readonly targetSe: number;
  /** Stop once this much time has passed (optional). */
  readonly maxSeconds?: number;
}

export interface TestProgress {
  readonly itemsAdministered: number;
  readonly se: number;
  /** Seconds since the test started, measured by the caller (src does no I/O, not even clocks). */
  readonly elapsedSeconds: number;
  /** Items the examinee has not seen yet. */
  readonly itemsRemaining: number;
}

export type StopReason = 'pool_exhausted' | 'time_limit' | 'max_items' | 'se_target';
export type ContinueReason = 'below_min_items' | 'se_above_target';
export type StopDecision =
  { readonly finished: true; readonly reason: StopReason } | { readonly finished: false; readonly reason: ContinueReason };

/**
 * Whether to stop, and why. Hard limits come first and override the minimum length: nothing left to
 * ask, time up, maximum length. Then the minimum length keeps the test going; past it, the test stops
 * as soon as the SE reaches the target.
 */
export function stopDecision(progress: TestProgress, rule: StoppingRule): StopDecision {
  if (progress.itemsRemaining <= 0) return { finished: true, reason: 'pool_exhausted' };
  if (rule.maxSeconds !== undefined && progress.elapsedSeconds >= rule.maxSeconds) return { finished: true, reason: 'time_limit' };
  if (progress.itemsAdministered >= rule.maxItems) return { finished: true, reason: 'max_items' };
  if (progress.itemsAdministered < rule.minItems) return { finished: false, reason: 'below_min_items' };
  if (progress.se <= rule.targetSe) return { finished: true, reason: 'se_target' };
  return { finished: false, reason: 'se_above_target' };
}
