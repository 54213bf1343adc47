/**
 * Cut points on θ between proficiency bands 1–5. Equal one-logit bands centred on the population
 * mean: with θ ~ N(0, 1) they hold about 7%, 24%, 38%, 24% and 7% of learners.
 */
export const BAND_CUTS = [-1.5, -0.5, 0.5, 1.5] as const;

/** Reporting scale: 500 + 100·θ, rounded, clamped to [200, 800] (±3 SD covers 99.7% of learners). */
export const SCALE_CENTRE = 500;
export const SCALE_UNIT = 100;
export const SCALE_MIN = 200;
export const SCALE_MAX = 800;

export type ProficiencyBand = 1 | 2 | 3 | 4 | 5;

/** Band 1 below −1.5, …, band 5 at 1.5 and above; a θ on a cut point belongs to the higher band. */
export function proficiencyBand(theta: number): ProficiencyBand {
  let band = 1;
  for (const cut of BAND_CUTS) if (theta >= cut) band += 1;
  return band as ProficiencyBand;
}

export function scaledScore(theta: number): number {
  const raw = Math.round(SCALE_CENTRE + SCALE_UNIT * theta);
  return Math.min(SCALE_MAX, Math.max(SCALE_MIN, raw));
}

/** The SE on the reporting scale (the scale is linear, so it is just SE·100). */
export function scaledStandardError(se: number): number {
  return SCALE_UNIT * se;
}
