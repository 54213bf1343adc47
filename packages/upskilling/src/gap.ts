import { LEVELS, type Level } from '@manabi/core';
import { frameworkSkills, requiredProficiency, type Proficiency, type SkillFramework } from './framework.js';
import type { LocalizedText } from './text.js';

export interface SkillGap {
  skillId: string;
  name: LocalizedText;
  required: Proficiency;
  /** The person's current proficiency, `null` when there is no evidence yet. */
  current: number | null;
  /** `required − current`, signed: negative means above the requirement. No evidence counts as 0. */
  difference: number;
  /** `max(0, difference)`: what the skill map colours and what recommendations follow. */
  gap: number;
}

/** Current values by skill id: plain numbers, or the result of `currentProficiencyBySkill`. */
export type CurrentValues = Readonly<Record<string, number | null | undefined | { value: number | null }>>;

/**
 * The person's skill map: every skill required at their level (and job role), with the gap to the
 * requirement. Skills not required at the level are left out. A skill without evidence has its
 * whole requirement as gap, so an unassessed person shows up red and is sent to an assessment
 * rather than looking fine. Sorted by gap (largest first), then framework order.
 */
export function skillGaps(framework: SkillFramework, level: Level, jobRole: string | null | undefined, current: CurrentValues): SkillGap[] {
  const gaps: SkillGap[] = [];
  for (const skill of frameworkSkills(framework)) {
    const required = requiredProficiency(skill, level, jobRole);
    if (required === null) continue;
    const value = valueOf(current[skill.id]);
    const difference = required - (value ?? 0);
    gaps.push({ skillId: skill.id, name: skill.name, required, current: value, difference, gap: Math.max(0, difference) });
  }
  // Array.prototype.sort is stable, so equal gaps keep framework order.
  return gaps.sort((a, b) => b.gap - a.gap);
}

function valueOf(entry: CurrentValues[string]): number | null {
  if (entry === undefined || entry === null) return null;
  return typeof entry === 'number' ? entry : entry.value;
}

export interface UserGaps {
  departmentId: string | null;
  level: Level | null;
  gaps: readonly SkillGap[];
}

/** One heatmap cell: one skill within one department or level. */
export interface GapCell {
  skillId: string;
  /** People in the group who have this skill in their map. */
  users: number;
  /** Of those, people with evidence. */
  assessed: number;
  /** Mean current proficiency of the assessed people; `null` when nobody is assessed. */
  meanCurrent: number | null;
  /** Mean gap over everyone (unassessed people count their whole requirement). */
  meanGap: number;
  /** People with a gap above 0. */
  withGap: number;
}

export interface GapGroup<Key> {
  key: Key;
  users: number;
  skills: GapCell[];
}

export interface GapAggregates {
  /** By department id; people without a department form the `null` group, listed last. */
  byDepartment: GapGroup<string | null>[];
  /** By level in ladder order; people without a level are left out (they have no requirement). */
  byLevel: GapGroup<Level>[];
}

/**
 * The heatmap: gaps averaged per department and per level. Columns (skills) follow `skillOrder`
 * (e.g. framework order), and any skill not in it comes after, by id, so the columns never jump.
 */
export function aggregateGaps(users: readonly UserGaps[], skillOrder: readonly string[] = []): GapAggregates {
  const departments = [...new Set(users.map((u) => u.departmentId))].sort(compareDepartments);
  const levels = LEVELS.filter((level) => users.some((u) => u.level === level));
  return {
    byDepartment: departments.map((key) =>
      group(
        key,
        users.filter((u) => u.departmentId === key),
        skillOrder,
      ),
    ),
    byLevel: levels.map((key) =>
      group(
        key,
        users.filter((u) => u.level === key),
        skillOrder,
      ),
    ),
  };
}

function compareDepartments(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function group<Key>(key: Key, members: readonly UserGaps[], skillOrder: readonly string[]): GapGroup<Key> {
  const bySkill = new Map<string, SkillGap[]>();
  for (const member of members) for (const gap of member.gaps) bySkill.set(gap.skillId, [...(bySkill.get(gap.skillId) ?? []), gap]);
  const rank = (id: string) => {
    const i = skillOrder.indexOf(id);
    return i === -1 ? skillOrder.length : i;
  };
  const skillIds = [...bySkill.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return {
    key,
    users: members.length,
    skills: skillIds.map((skillId) => {
      const gaps = bySkill.get(skillId)!;
      const assessed = gaps.filter((g) => g.current !== null);
      return {
        skillId,
        users: gaps.length,
        assessed: assessed.length,
        meanCurrent: assessed.length === 0 ? null : mean(assessed.map((g) => g.current!)),
        meanGap: mean(gaps.map((g) => g.gap)),
        withGap: gaps.filter((g) => g.gap > 0).length,
      };
    }),
  };
}

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
