import { get, type Counters } from './counters.js';
import { GAP_FIELDS as G, GAP_MOVE_FIELDS, GOAL_FIELDS, ITEM_FIELDS as I, SKILL_FIELDS as S, gapField, skillSumField } from './fields.js';
import { GOAL_STATUSES, type GoalStatus } from './images.js';
import { skillStats, type SkillStats } from './stats.js';

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export type GoalStats = Record<GoalStatus, number> & {
  total: number;
  /** achieved / (achieved + missed): of the goals that reached their end, how many were met. */
  achievedRate: number | null;
};

export function goalStats(cell: Counters): GoalStats {
  const byStatus = Object.fromEntries(GOAL_STATUSES.map((s) => [s, get(cell, s)])) as Record<GoalStatus, number>;
  return { ...byStatus, total: get(cell, GOAL_FIELDS.total), achievedRate: ratio(byStatus.achieved, byStatus.achieved + byStatus.missed) };
}

export interface GapStats {
  skillId: string;
  /** People whose level requires the skill. */
  users: number;
  /** People with a current value. */
  assessed: number;
  meanCurrent: number | null;
  meanRequired: number | null;
  /** Mean of max(0, required − current) over `users`. */
  meanGap: number | null;
  /** People below their requirement. */
  withGap: number;
}

/** One heatmap row from one gap cell, in the order of `skills`. */
export function gapStats(cell: Counters, skills: readonly string[]): { people: number; skills: GapStats[] } {
  return {
    people: get(cell, 'people'),
    skills: skills.map((skillId) => {
      const users = get(cell, gapField(G.users, skillId));
      const assessed = get(cell, gapField(G.assessed, skillId));
      return {
        skillId,
        users,
        assessed,
        meanCurrent: assessed === 0 ? null : get(cell, gapField(G.sumCurrent, skillId)) / 100 / assessed,
        meanRequired: users === 0 ? null : get(cell, gapField(G.sumRequired, skillId)) / 100 / users,
        meanGap: users === 0 ? null : get(cell, gapField(G.sumGap, skillId)) / 100 / users,
        withGap: get(cell, gapField(G.withGap, skillId)),
      };
    }),
  };
}

/** Every skill found in a skill-sum cell, with its figures, sorted by skill. */
export function skillSumStats(cell: Counters): (SkillStats & { skill: string })[] {
  const skills = new Set(
    Object.keys(cell)
      .filter((f) => f.startsWith(`${S.count}|`))
      .map((f) => f.slice(S.count.length + 1)),
  );
  return [...skills]
    .sort((a, b) => a.localeCompare(b, 'ja'))
    .map((skill) => ({
      skill,
      ...skillStats({
        [S.count]: get(cell, skillSumField(S.count, skill)),
        [S.correct]: get(cell, skillSumField(S.correct, skill)),
        [S.answered]: get(cell, skillSumField(S.answered, skill)),
      }),
    }));
}

export interface ItemStats {
  itemId: string;
  exposureCount: number;
  /** exposureCount ÷ attempts that answered anything. */
  exposureRate: number;
  pValue: number;
  /** Corrected point-biserial (item vs the rest of the attempt); null without variance on either side. */
  pointBiserial: number | null;
  optionRates: Record<string, number>;
}

/**
 * Classical item statistics from item cells (question id → counters) and the attempts count, the
 * same figures `classicalItemStats` of @manabi/irt computes from raw responses — here from sums, so
 * no attempt is read. Pearson's r from sums, with n·Σxy − Σx·Σy formed exactly in BigInt.
 */
export function itemStats(items: ReadonlyMap<string, Counters>, attempts: number): ItemStats[] {
  const big = (x: number) => BigInt(Math.round(x));
  return [...items]
    .filter(([, c]) => get(c, I.n) > 0)
    .map(([itemId, c]) => {
      const n = get(c, I.n);
      const sx = get(c, I.right);
      const sy = get(c, I.sumRest);
      const sxy = get(c, I.sumRightRest);
      const syy = get(c, I.sumRestSquares);
      // x is 0/1, so Σx² = Σx.
      const cov = big(n) * big(sxy) - big(sx) * big(sy);
      const vx = big(n) * big(sx) - big(sx) * big(sx);
      const vy = big(n) * big(syy) - big(sy) * big(sy);
      const chosen = get(c, I.chosen);
      const optionRates: Record<string, number> = {};
      for (const [field, value] of Object.entries(c))
        if (field.startsWith('o|') && value !== 0 && chosen > 0) optionRates[field.slice(2)] = value / chosen;
      return {
        itemId,
        exposureCount: n,
        exposureRate: attempts === 0 ? 0 : n / attempts,
        pValue: sx / n,
        pointBiserial: n >= 2 && vx > 0n && vy > 0n ? Number(cov) / Math.sqrt(Number(vx) * Number(vy)) : null,
        optionRates,
      };
    });
}

/** A week's gap movement from one gap-week cell. */
export function gapMovementStats(cell: Counters): { closed: number; opened: number } {
  return { closed: get(cell, GAP_MOVE_FIELDS.closed), opened: get(cell, GAP_MOVE_FIELDS.opened) };
}
