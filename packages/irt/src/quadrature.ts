/**
 * A discrete latent distribution: equally spaced θ nodes with weights that sum to 1. EAP scoring and
 * EM calibration integrate over θ with it (rectangular rule, as in BILOG and catR).
 */
export interface Quadrature {
  readonly nodes: readonly number[];
  readonly weights: readonly number[];
}

export interface NormalQuadratureOptions {
  /** Lowest node. Default −4. */
  min?: number;
  /** Highest node. Default 4. */
  max?: number;
  /** Number of nodes, at least 2. Default 81 (a step of 0.1 on [−4, 4]). */
  points?: number;
  /** Mean of the normal prior. Default 0. */
  mean?: number;
  /** Standard deviation of the normal prior. Default 1. */
  sd?: number;
}

/** Equally spaced nodes on [min, max] weighted by the N(mean, sd²) density, normalised to sum to 1. */
export function normalQuadrature(options: NormalQuadratureOptions = {}): Quadrature {
  const { min = -4, max = 4, points = 81, mean = 0, sd = 1 } = options;
  if (!(points >= 2) || !(max > min) || !(sd > 0)) throw new RangeError('normalQuadrature: need points ≥ 2, max > min, sd > 0');
  const step = (max - min) / (points - 1);
  const nodes = Array.from({ length: points }, (_, k) => min + k * step);
  const densities = nodes.map((theta) => Math.exp(-0.5 * ((theta - mean) / sd) ** 2));
  const total = densities.reduce((sum, d) => sum + d, 0);
  return { nodes, weights: densities.map((d) => d / total) };
}
