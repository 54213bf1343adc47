/** A source of uniform numbers in [0, 1). Injected everywhere randomness is needed, so every run is reproducible. */
export type Rng = () => number;

/**
 * mulberry32: a 32-bit state PRNG (Tommy Ettinger). Small, fast, and good enough for simulation and
 * randomesque selection; not for anything security related.
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normal draws by the Box–Muller transform. Each pair of uniforms yields two normals; the
 * second is kept for the next call so no randomness is wasted.
 */
export function normalSampler(rng: Rng): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    // 1 - u lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - rng()));
    const angle = 2 * Math.PI * rng();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}
