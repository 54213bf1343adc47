import { fitSympsonHetter, mulberry32, normalSampler, simulateCat, tallyExposure, type CatConfig } from '@manabi/irt';
import type { AssessmentInput, AssessmentSnapshot } from './assessment.js';
import { adaptiveCatConfig } from './engine.js';

/** The largest share of examinees one item may reach; bench:cat's targets ask for ≤ 0.25, this leaves room for noise. */
export const EXPOSURE_TARGET_RATE = 0.2;
const FIT_ROUNDS = 8;
const FIT_EXAMINEES = 500;

/**
 * Sympson–Hetter parameters for one published adaptive assessment, fitted by simulation through the
 * configuration it runs with (plain maximum information under content balancing, at its maximum
 * length: exposure only grows with length, so the cap holds for every shorter test). The examinees
 * are half N(0, 1) and half U(−3, 3): the bank's real population is unknown at publishing, and
 * parameters fitted on N(0, 1) alone let items reach 0.30–0.33 of a θ-uniform group (bench:cat).
 * Deterministic for a given snapshot, so a refit of unchanged items gives the same parameters.
 */
export function fitAdaptiveExposure(
  a: AssessmentInput,
  snapshot: AssessmentSnapshot,
  { targetRate = EXPOSURE_TARGET_RATE, rounds = FIT_ROUNDS, examinees = FIT_EXAMINEES } = {},
) {
  const { exposure: _unused, ...unfitted } = snapshot;
  const base = adaptiveCatConfig(a, unfitted);
  const maxItems = base.stopping.maxItems;
  const fitted = fitSympsonHetter(
    (parameters, round) => {
      const config: CatConfig = {
        ...base,
        // Fixed length: a variable-length test stops earlier, never later.
        stopping: { minItems: maxItems, maxItems, targetSe: 0 },
        selection: { skillTargets: base.selection?.skillTargets, exposure: { kind: 'sympson-hetter', parameters } },
      };
      const rng = mulberry32(20_250 + round);
      const normal = normalSampler(mulberry32(40_500 + round));
      const states = Array.from({ length: examinees }, (_, k) => simulateCat(config, k % 2 === 0 ? normal() : 6 * rng() - 3, rng));
      return tallyExposure(states);
    },
    targetRate,
    rounds,
  );
  return { sympsonHetter: fitted.parameters };
}
