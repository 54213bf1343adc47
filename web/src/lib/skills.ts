import type { FrameworkSkill, SkillAggregate, SkillFramework, SkillStanding } from '../api/types';

/** Gap buckets used for colours, patterns and the legend: 0 (meets the level), 1, 2, 3 or more. */
export const GAP_BUCKETS = [0, 1, 2, 3] as const;
export type GapBucket = (typeof GAP_BUCKETS)[number];

/** The bucket of a gap; averages are rounded to the nearest step first. null when there is no gap to show. */
export function gapBucket(gap: number | null | undefined): GapBucket | null {
  if (gap === null || gap === undefined || Number.isNaN(gap)) return null;
  const rounded = Math.round(gap);
  if (rounded <= 0) return 0;
  if (rounded >= 3) return 3;
  return rounded as GapBucket;
}

/** CSS modifier for a gap: `gap--0` … `gap--3`, or `gap--na` when the skill is not required. */
export function gapClass(gap: number | null | undefined): string {
  const bucket = gapBucket(gap);
  return bucket === null ? 'gap--na' : `gap--${bucket}`;
}

/** Short visible marker that carries the gap without colour: ✓ when met, ▼n when short by n. */
export function gapMarker(gap: number | null | undefined): string {
  if (gap === null || gap === undefined) return '';
  return gap <= 0 ? '✓' : `▼${Number.isInteger(gap) ? gap : gap.toFixed(1)}`;
}

/** Skills of a framework by id. */
export function skillIndex(framework: SkillFramework | null | undefined): Map<string, FrameworkSkill> {
  const index = new Map<string, FrameworkSkill>();
  for (const category of framework?.categories ?? []) for (const skill of category.skills) index.set(skill.id, skill);
  return index;
}

/** The list with one standing replaced (same position, so the row does not jump after saving). */
export function replaceStanding(list: readonly SkillStanding[], next: SkillStanding): SkillStanding[] {
  const found = list.some((item) => item.skillId === next.skillId);
  return found ? list.map((item) => (item.skillId === next.skillId ? next : item)) : [...list, next];
}

/** Today in the viewer's time zone as YYYY-MM-DD (the value of an `<input type="date">`). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** One row of a group × skill averages table (a department or a level). */
export interface AggregateRow {
  key: string;
  label: string;
  users: number;
  skills: SkillAggregate[];
}

/**
 * The bucket of a mean gap (group averages): like `gapBucket`, except that any shortfall on average
 * counts as below the requirement (0.4 is bucket 1, not "met"), so colour and ✓/▼ never disagree.
 */
export function meanGapBucket(gap: number | null | undefined): GapBucket | null {
  if (gap === null || gap === undefined || Number.isNaN(gap)) return null;
  if (gap <= 0) return 0;
  if (gap < 1.5) return 1;
  return gap < 2.5 ? 2 : 3;
}

/** CSS modifier for a mean gap (`gap--0` … `gap--3`, `gap--na`). */
export function meanGapClass(gap: number | null | undefined): string {
  const bucket = meanGapBucket(gap);
  return bucket === null ? 'gap--na' : `gap--${bucket}`;
}

/** What a group × skill gap cell can say: a mean gap, "required but nobody assessed yet", or "not required here". */
export type GapCellState = 'gap' | 'unassessed' | 'na';

export function gapCellState(
  cell: { people: number; assessed: number; meanRequired: number | null; meanGap: number | null } | null | undefined,
): GapCellState {
  if (!cell || cell.people === 0 || cell.meanRequired === null) return 'na';
  if (cell.assessed === 0 || cell.meanGap === null) return 'unassessed';
  return 'gap';
}
