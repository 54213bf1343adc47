import { information, SCALING_D, type ItemParams } from './model.js';
import type { PoolItem } from './pool.js';
import type { Rng } from './rng.js';

/**
 * How the next item is drawn from the eligible ones (content balancing has already picked the skill).
 * Every method needs only the pool, the number of items given so far and the step's random stream, so
 * a test rebuilt from its stored answers and seed chooses exactly as the live one did.
 *
 * - `max-information`: the single most informative item (exposure uncontrolled).
 * - `randomesque` (Kingsbury & Zara, 1989): one of the k most informative, at random.
 * - `sympson-hetter` (Sympson & Hetter, 1985): randomesque draw, then a lottery with K_i per item;
 *   refused items are set aside for the rest of the test (select.ts).
 * - `a-stratified` (Chang, Qian & Ying, 2001): the pool is cut into strata of rising discrimination,
 *   b-blocked so each stratum spans the whole difficulty range; the test walks the strata in order
 *   (low a first, while θ is uncertain, keeping the sharp items for the end) and inside its stratum
 *   takes the item whose point of maximum information lies closest to θ.
 * - `progressive` (Revuelta & Ponsoda, 1998): each item scores (1 − w)·R_i + w·I_i(θ) with R_i uniform
 *   on [0, max I(θ)] and w = (s / Q)^t after s of Q items: random at first, information at the end.
 *   t is the acceleration (Barrada et al., 2008): t < 1 hands over to information sooner.
 */
export type ExposureMethod =
  | { readonly kind: 'max-information' }
  | { readonly kind: 'randomesque'; readonly k: number }
  | { readonly kind: 'sympson-hetter'; readonly parameters: Readonly<Record<string, number>>; readonly k?: number }
  | { readonly kind: 'a-stratified'; readonly strata: number; readonly testLength: number }
  | { readonly kind: 'progressive'; readonly testLength: number; readonly acceleration?: number };

/**
 * θ at which a 3PL item is most informative: b + ln((1 + √(1 + 8c)) / 2) / (D·a) (Lord, 1980); b for 2PL.
 * Chang & Ying match b to θ; with guessing the information peaks above b, so the peak is matched.
 */
export function informationPeak(item: ItemParams): number {
  return item.b + Math.log((1 + Math.sqrt(1 + 8 * item.c)) / 2) / (SCALING_D * item.a);
}

/** Stratum index (0 = lowest a) of every pool item, built once per pool. */
const strataCache = new WeakMap<readonly PoolItem[], Map<number, ReadonlyMap<string, number>>>();

/**
 * a-stratification with b-blocking: sort by the information peak, cut into blocks of `strata` items,
 * and within each block send the lowest a to stratum 0, the next to stratum 1, …; so every stratum
 * covers the difficulty range alike. Done per skill so that content balancing finds every skill in
 * every stratum.
 */
export function aStrata(pool: readonly PoolItem[], strata: number): ReadonlyMap<string, number> {
  let bySize = strataCache.get(pool);
  if (!bySize) strataCache.set(pool, (bySize = new Map()));
  const cached = bySize.get(strata);
  if (cached) return cached;
  const stratumOf = new Map<string, number>();
  const bySkill = new Map<string, PoolItem[]>();
  for (const item of pool) bySkill.set(item.skill, [...(bySkill.get(item.skill) ?? []), item]);
  for (const items of bySkill.values()) {
    const sorted = [...items].sort((x, y) => informationPeak(x) - informationPeak(y) || (x.id < y.id ? -1 : 1));
    for (let start = 0; start < sorted.length; start += strata) {
      const block = sorted.slice(start, start + strata).sort((x, y) => x.a - y.a || (x.id < y.id ? -1 : 1));
      // A short last block spreads its items over the strata rather than filling only the low ones.
      block.forEach((item, k) => stratumOf.set(item.id, Math.floor((k * strata) / block.length)));
    }
  }
  bySize.set(strata, stratumOf);
  return stratumOf;
}

/** The stratum the test is in after `given` items: equal shares of the test length, the last one open-ended. */
export function currentStratum(given: number, strata: number, testLength: number): number {
  return Math.min(strata - 1, Math.floor((given * strata) / Math.max(1, testLength)));
}

/**
 * a-stratified choice among `candidates`: the current stratum's item with the information peak closest
 * to θ; if the skill has nothing left in that stratum, the nearest stratum that has (higher first, as
 * the test is heading there).
 */
export function pickAStratified(
  candidates: readonly PoolItem[],
  pool: readonly PoolItem[],
  theta: number,
  given: number,
  method: { readonly strata: number; readonly testLength: number },
): PoolItem | null {
  const strata = Math.max(1, Math.floor(method.strata));
  const stratumOf = aStrata(pool, strata);
  const target = currentStratum(given, strata, method.testLength);
  let best: PoolItem | null = null;
  let bestKey: [number, number] = [Infinity, Infinity];
  for (const item of candidates) {
    const stratum = stratumOf.get(item.id) ?? 0;
    // Distance in strata, with a lower stratum ranked just behind a higher one at the same distance.
    const stratumDistance = stratum >= target ? 2 * (stratum - target) : 2 * (target - stratum) + 1;
    const distance = Math.abs(informationPeak(item) - theta);
    if (stratumDistance < bestKey[0] || (stratumDistance === bestKey[0] && distance < bestKey[1])) {
      best = item;
      bestKey = [stratumDistance, distance];
    }
  }
  return best;
}

/** Progressive choice: the highest (1 − w)·R_i + w·I_i(θ); one uniform per candidate, in pool order. */
export function pickProgressive(
  candidates: readonly PoolItem[],
  theta: number,
  given: number,
  method: { readonly testLength: number; readonly acceleration?: number },
  rng: Rng,
): PoolItem | null {
  if (candidates.length === 0) return null;
  const infos = candidates.map((item) => information(theta, item));
  const maxInfo = infos.reduce((max, info) => Math.max(max, info), 0);
  const share = Math.min(1, given / Math.max(1, method.testLength));
  const weight = share ** (method.acceleration ?? 1);
  let best = 0;
  let bestScore = -Infinity;
  for (let k = 0; k < candidates.length; k++) {
    const score = (1 - weight) * rng() * maxInfo + weight * infos[k]!;
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return candidates[best]!;
}
