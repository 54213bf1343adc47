import type { Level } from '@manabi/core';

/** A published question as a draw sees it: which skills it measures and at what level. */
export interface PoolItem {
  id: string;
  skills: readonly string[];
  level: Level | null;
}

/** "N questions of this skill (and level)": the most requested quiz rule, and it must be exact. */
export interface DrawRule {
  skill: string;
  level: Level | null;
  count: number;
}

export interface DrawShortfall {
  rule: number;
  skill: string;
  level: Level | null;
  wanted: number;
  available: number;
}

/**
 * Whether the pool can satisfy every rule at once with distinct questions (a question tagged with
 * two skills serves one rule only). Checked when an assessment is published, so a learner's start
 * never fails or silently draws fewer. Greedy in order of scarcity, then a matching check.
 */
export function checkDrawRules(pool: readonly PoolItem[], rules: readonly DrawRule[]): DrawShortfall[] {
  const shortfalls: DrawShortfall[] = [];
  const eligible = rules.map((r) => pool.filter((p) => matches(p, r)).map((p) => p.id));
  rules.forEach((r, i) => {
    if (eligible[i]!.length < r.count)
      shortfalls.push({ rule: i, skill: r.skill, level: r.level, wanted: r.count, available: eligible[i]!.length });
  });
  if (shortfalls.length > 0) return shortfalls;
  // Every rule alone has enough; also check they fit together (shared items) by a bipartite matching.
  const assigned = assign(
    eligible,
    rules.map((r) => r.count),
  ).load;
  rules.forEach((r, i) => {
    if (assigned[i]! < r.count) shortfalls.push({ rule: i, skill: r.skill, level: r.level, wanted: r.count, available: assigned[i]! });
  });
  return shortfalls;
}

const matches = (item: PoolItem, rule: DrawRule): boolean =>
  item.skills.includes(rule.skill) && (rule.level === null || item.level === rule.level);

/**
 * Draws exactly `count` distinct questions per rule (returned per rule, in rule order). Questions the learner has not seen come
 * first; only when a rule's unseen questions run out are seen ones reused, least recently seen
 * first. Random within those tiers (seeded `rng`, so a review can replay it).
 */
export function drawFixedForm(
  pool: readonly PoolItem[],
  rules: readonly DrawRule[],
  seen: ReadonlyMap<string, number>,
  rng: () => number,
): string[][] {
  // Each rule's candidates in order of preference: unseen first, then least recently seen; random within.
  const preferred = rules.map((rule) =>
    shuffle(
      pool.filter((p) => matches(p, rule)),
      rng,
    )
      .sort((a, b) => (seen.get(a.id) ?? -1) - (seen.get(b.id) ?? -1))
      .map((p) => p.id),
  );
  // A matching (not a greedy pass) so that questions shared by two rules never make one fall short.
  const { owner, load } = assign(
    preferred,
    rules.map((r) => r.count),
  );
  rules.forEach((rule, i) => {
    if (load[i]! < rule.count) throw new Error(`Draw rule ${i} (${rule.skill}) cannot be satisfied`);
  });
  const picks: string[][] = rules.map(() => []);
  for (const [item, rule] of owner) picks[rule]!.push(item);
  // Keep each rule's picks in preference order (the matching may have visited them out of order).
  return picks.map((items, i) => preferred[i]!.filter((id) => items.includes(id)));
}

/** Fisher–Yates with an injected random source. */
export function shuffle<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Gives each rule up to its capacity of distinct items (bipartite matching by augmenting paths),
 * trying each rule's items in the order given.
 */
function assign(eligible: string[][], capacity: number[]): { owner: Map<string, number>; load: number[] } {
  const owner = new Map<string, number>();
  const load = capacity.map(() => 0);
  const tryAssign = (rule: number, visited: Set<string>): boolean => {
    for (const item of eligible[rule]!) {
      if (visited.has(item)) continue;
      visited.add(item);
      const current = owner.get(item);
      if (current === undefined || tryAssign(current, visited)) {
        if (current !== undefined) load[current]! -= 1;
        owner.set(item, rule);
        load[rule]! += 1;
        return true;
      }
    }
    return false;
  };
  capacity.forEach((cap, rule) => {
    for (let k = 0; k < cap; k++) if (!tryAssign(rule, new Set())) break;
  });
  return { owner, load };
}
