export interface StoppingRule {
  /** Never stop on precision before this many items. */
  readonly minItems: number;
  /** Always stop at this many items. */
  readonly maxItems: number;
  /** Stop once the standard error of θ is at or below this. */
  readonly targetSe: number;
  /** Stop once this much time has passed (optional). */
  readonly maxSeconds?: number;
  /**
   * Placement: also stop once the level band is decided, i.e. the interval θ ± z·SE holds no band cut
   * (bandDecided). Equivalent to testing, at the cut nearest θ, "θ is on this side" at one-sided level
   * Φ(−z); looking after every item inflates that, so z is kept at 1.96 or above.
   */
  readonly band?: { readonly cuts: readonly number[]; readonly z: number };
}

export interface TestProgress {
  readonly itemsAdministered: number;
  readonly se: number;
  /** The reported θ; needed only by the band rule. */
  readonly theta?: number;
  /** Seconds since the test started, measured by the caller (src does no I/O, not even clocks). */
  readonly elapsedSeconds: number;
  /** Items the examinee has not seen yet. */
  readonly itemsRemaining: number;
}

export type StopReason = 'pool_exhausted' | 'time_limit' | 'max_items' | 'se_target' | 'band_decided';
export type ContinueReason = 'below_min_items' | 'se_above_target';
export type StopDecision =
  { readonly finished: true; readonly reason: StopReason } | { readonly finished: false; readonly reason: ContinueReason };

/** Whether θ ± z·SE lies inside one band: no cut c with θ − z·SE < c ≤ θ + z·SE (a cut belongs to the band above it). */
export function bandDecided(theta: number, se: number, band: { readonly cuts: readonly number[]; readonly z: number }): boolean {
  if (!Number.isFinite(theta) || !Number.isFinite(se)) return false;
  const low = theta - band.z * se;
  const high = theta + band.z * se;
  return band.cuts.every((cut) => cut <= low || cut > high);
}

/**
 * Whether to stop, and why. Hard limits come first and override the minimum length: nothing left to
 * ask, time up, maximum length. Then the minimum length keeps the test going; past it, the test stops
 * as soon as the SE reaches the target, or (placement) the band is decided.
 */
export function stopDecision(progress: TestProgress, rule: StoppingRule): StopDecision {
  if (progress.itemsRemaining <= 0) return { finished: true, reason: 'pool_exhausted' };
  if (rule.maxSeconds !== undefined && progress.elapsedSeconds >= rule.maxSeconds) return { finished: true, reason: 'time_limit' };
  if (progress.itemsAdministered >= rule.maxItems) return { finished: true, reason: 'max_items' };
  if (progress.itemsAdministered < rule.minItems) return { finished: false, reason: 'below_min_items' };
  if (progress.se <= rule.targetSe) return { finished: true, reason: 'se_target' };
  if (rule.band && progress.theta !== undefined && bandDecided(progress.theta, progress.se, rule.band))
    return { finished: true, reason: 'band_decided' };
  return { finished: false, reason: 'se_above_target' };
}
