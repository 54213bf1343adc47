/** How often each item was selected and given across a simulated (or live) group of examinees. */
export interface ExposureTally {
  readonly examinees: number;
  /** Times each item was chosen by the selection rule, before the Sympson–Hetter lottery. */
  readonly selected: Readonly<Record<string, number>>;
  /** Times each item was actually administered. */
  readonly administered: Readonly<Record<string, number>>;
}

/** Share of examinees who saw each item. */
export function exposureRates(tally: ExposureTally): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const [id, count] of Object.entries(tally.administered)) rates[id] = count / tally.examinees;
  return rates;
}

/** The highest exposure rate in a tally (0 for an empty one). */
export function maxExposureRate(tally: ExposureTally): number {
  return Object.values(exposureRates(tally)).reduce((max, rate) => Math.max(max, rate), 0);
}

/**
 * One step of the Sympson–Hetter (1985) iteration: with P(S_i) the share of examinees for whom item i
 * was selected in the last simulation, set K_i = 1 if P(S_i) ≤ r, else r / P(S_i), so that
 * P(A_i) = P(S_i)·K_i ≤ r. Selection shares move as K changes, so repeat simulate → update until the
 * largest exposure rate settles under r (usually 5–15 rounds).
 */
export function sympsonHetterUpdate(tally: ExposureTally, targetRate: number): Record<string, number> {
  if (!(targetRate > 0 && targetRate <= 1)) throw new RangeError('sympsonHetterUpdate: targetRate must be in (0, 1]');
  const parameters: Record<string, number> = {};
  for (const [id, count] of Object.entries(tally.selected)) {
    const selectionRate = count / tally.examinees;
    parameters[id] = selectionRate <= targetRate ? 1 : targetRate / selectionRate;
  }
  return parameters;
}

export interface SympsonHetterFit {
  /** K_i by item id (items never selected are absent, i.e. K = 1). */
  readonly parameters: Record<string, number>;
  /** The largest exposure rate seen in the simulation run with these parameters. */
  readonly maxExposure: number;
  readonly rounds: number;
}

/**
 * Fits Sympson–Hetter parameters by the usual simulate → update iteration. The plain iteration does not
 * settle exactly (an item that dips under r gets K = 1 and overshoots in the next round), so this keeps
 * the parameters whose own simulation showed the lowest maximum exposure, rather than the last ones.
 * `simulate` runs one group of examinees with the given parameters and must use fresh examinees each
 * round; check the result again on examinees not used here.
 */
export function fitSympsonHetter(
  simulate: (parameters: Record<string, number>, round: number) => ExposureTally,
  targetRate: number,
  rounds: number,
): SympsonHetterFit {
  let parameters: Record<string, number> = {};
  let best: SympsonHetterFit | null = null;
  for (let round = 0; round < rounds; round++) {
    const tally = simulate(parameters, round);
    const maxExposure = maxExposureRate(tally);
    if (!best || maxExposure < best.maxExposure) best = { parameters, maxExposure, rounds };
    parameters = sympsonHetterUpdate(tally, targetRate);
  }
  return best ?? { parameters, maxExposure: Number.NaN, rounds };
}
