import { information } from './model.js';
import type { PoolItem } from './pool.js';
import type { Rng } from './rng.js';
import { pickAStratified, pickProgressive, type ExposureMethod } from './exposure-methods.js';

export interface SelectionOptions {
  /**
   * The exposure-control method (exposure-methods.ts). When set, it replaces `randomesque` and
   * `sympsonHetter`, which remain as the shorthand for those two methods.
   */
  exposure?: ExposureMethod;
  /**
   * Randomesque exposure control (Kingsbury & Zara, 1989): choose at random among the k most
   * informative eligible items instead of always the single best. Default 1 (plain maximum information).
   */
  randomesque?: number;
  /**
   * Sympson–Hetter exposure parameters K_i = P(administer | selected), by item id; missing ids count
   * as 1. Fit them offline by simulation with `sympsonHetterUpdate` (exposure.ts).
   */
  sympsonHetter?: Readonly<Record<string, number>>;
  /**
   * Content balancing: target share of the test per skill (any positive scale; normalised). The next
   * item comes from the skill furthest behind its target. Skills without a target are used only once
   * every targeted skill has run out of items. Without targets every skill is eligible.
   */
  skillTargets?: Readonly<Record<string, number>>;
}

export interface SelectionInput {
  readonly pool: readonly PoolItem[];
  /** Items already given to this examinee: never served again. */
  readonly administered: readonly string[];
  /** Items Sympson–Hetter set aside earlier in this test: skipped while anything else remains. */
  readonly setAside?: readonly string[];
  /** Current ability estimate at which information is evaluated. */
  readonly theta: number;
}

export interface Selection {
  readonly item: PoolItem;
  /** Items selected but refused by the Sympson–Hetter lottery this time; to be set aside for the rest of the test. */
  readonly setAside: readonly string[];
}

/**
 * Kingsbury–Zara content balancing: the skill whose count is furthest below target·(n + 1), where n
 * items have been given. Ties are broken at random so that first items spread across skills.
 */
function mostUnderRepresentedSkill(
  available: readonly PoolItem[],
  countsBySkill: ReadonlyMap<string, number>,
  administeredCount: number,
  targets: Readonly<Record<string, number>>,
  rng: Rng,
): string | null {
  const totalTarget = Object.values(targets).reduce((sum, t) => sum + Math.max(0, t), 0);
  const nextCount = administeredCount + 1;
  let best: string[] = [];
  let bestDeficit = -Infinity;
  for (const [skill, target] of Object.entries(targets)) {
    // `some` stops at the skill's first item: cheaper than indexing the whole pool on every call.
    if (!(target > 0) || !available.some((item) => item.skill === skill)) continue;
    const deficit = (target / totalTarget) * nextCount - (countsBySkill.get(skill) ?? 0);
    if (deficit > bestDeficit + 1e-12) {
      bestDeficit = deficit;
      best = [skill];
    } else if (Math.abs(deficit - bestDeficit) <= 1e-12) best.push(skill);
  }
  if (best.length === 0) return null;
  return best[Math.floor(rng() * best.length)] ?? null;
}

/**
 * Next item by maximum Fisher information at θ, under content balancing and exposure control.
 *
 * Order of work: drop administered items → pick the skill (content balancing) → rank its items by
 * information → draw one of the top k (randomesque) → run the Sympson–Hetter lottery; a refused item
 * is set aside and the draw repeats among the rest. If every candidate is refused, the most
 * informative refused item is given anyway, so a test never stalls on exposure control.
 * Returns null only when every item has been administered.
 */
export function selectNextItem(input: SelectionInput, rng: Rng, options: SelectionOptions = {}): Selection | null {
  const { pool, theta } = input;
  const administered = new Set(input.administered);
  const previouslySetAside = new Set(input.setAside ?? []);
  // One pass over the pool: what is left, what is left and not set aside, and skills used so far.
  const remaining: PoolItem[] = [];
  const fresh: PoolItem[] = [];
  const countsBySkill = new Map<string, number>();
  for (const item of pool) {
    if (administered.has(item.id)) countsBySkill.set(item.skill, (countsBySkill.get(item.skill) ?? 0) + 1);
    else {
      remaining.push(item);
      if (!previouslySetAside.has(item.id)) fresh.push(item);
    }
  }
  if (remaining.length === 0) return null;
  let candidates = fresh.length > 0 ? fresh : remaining;

  if (options.skillTargets) {
    // Targeted skills come before untargeted ones even when all a targeted skill has left was set
    // aside by the lottery; among targeted skills, fresh items still come before set-aside ones.
    const targets = options.skillTargets;
    const hasTargeted = (items: readonly PoolItem[]) => items.some((item) => (targets[item.skill] ?? 0) > 0);
    const from = hasTargeted(fresh) ? fresh : hasTargeted(remaining) ? remaining : candidates;
    const skill = mostUnderRepresentedSkill(from, countsBySkill, pool.length - remaining.length, targets, rng);
    if (skill !== null) candidates = from.filter((item) => item.skill === skill);
  }

  const method = options.exposure;
  const given = pool.length - remaining.length;
  if (method?.kind === 'a-stratified' || method?.kind === 'progressive') {
    const item =
      method.kind === 'a-stratified'
        ? pickAStratified(candidates, pool, theta, given, method)
        : pickProgressive(candidates, theta, given, method, rng);
    return item ? { item, setAside: [] } : null;
  }
  const k = Math.max(
    1,
    Math.floor(
      method?.kind === 'randomesque'
        ? method.k
        : method?.kind === 'sympson-hetter'
          ? (method.k ?? 1)
          : method?.kind === 'max-information'
            ? 1
            : (options.randomesque ?? 1),
    ),
  );
  const exposure = method ? (method.kind === 'sympson-hetter' ? method.parameters : undefined) : options.sympsonHetter;
  const scored = candidates.map((item) => ({ item, info: information(theta, item) }));
  const byInformation = (x: { item: PoolItem; info: number }, y: { item: PoolItem; info: number }) =>
    y.info - x.info || (x.item.id < y.item.id ? -1 : 1);

  if (!exposure) {
    // Without Sympson–Hetter the first draw is always given, so only the top k matter: keep them by
    // insertion instead of sorting every candidate (same order, same single draw as the full path).
    const top: { item: PoolItem; info: number }[] = [];
    for (const entry of scored) {
      if (top.length === k && byInformation(entry, top[k - 1]!) >= 0) continue;
      let at = Math.min(top.length, k - 1);
      if (top.length < k) top.push(entry);
      while (at > 0 && byInformation(entry, top[at - 1]!) < 0) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = entry;
    }
    const picked = top[Math.floor(rng() * top.length)];
    return picked ? { item: picked.item, setAside: [] } : null;
  }

  const ranked = scored.sort(byInformation).map((entry) => entry.item);
  const refused: PoolItem[] = [];
  const open = [...ranked];
  while (open.length > 0) {
    const index = Math.floor(rng() * Math.min(k, open.length));
    const [picked] = open.splice(index, 1);
    if (!picked) break;
    const admitProbability = exposure?.[picked.id] ?? 1;
    if (admitProbability >= 1 || rng() < admitProbability) {
      return { item: picked, setAside: refused.map((item) => item.id) };
    }
    refused.push(picked);
  }
  // Everything was refused: give the most informative one (the first of `ranked`, not of the
  // randomesque draw order) rather than nothing.
  const fallback = ranked.find((item) => refused.includes(item));
  if (!fallback) return null;
  return { item: fallback, setAside: refused.filter((item) => item !== fallback).map((item) => item.id) };
}
