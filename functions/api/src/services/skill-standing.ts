import { todayInTokyo, type Level } from '@manabi/core';
import type { StoredProficiencyEntry } from '@manabi/data';
import {
  currentProficiencyBySkill,
  skillGaps,
  type CurrentProficiency,
  type ProficiencyEntry,
  type SkillFramework,
  type Proficiency,
} from '@manabi/upskilling';

/** Today's calendar date in Japan (the product's business day). */
/** Today in Japan by the app's clock (the one helper is @manabi/core's). */
export const todayInJapan = todayInTokyo;

export function toDomainEntry(e: StoredProficiencyEntry): ProficiencyEntry & { skillId: string } {
  if (e.source === 'assessment') {
    return e.percent !== undefined
      ? { skillId: e.skillId, source: 'assessment', date: e.date, percent: e.percent }
      : { skillId: e.skillId, source: 'assessment', date: e.date, band: e.band ?? 1 };
  }
  return { skillId: e.skillId, source: e.source, date: e.date, value: (e.value ?? 1) as Proficiency };
}

export interface SkillStanding {
  skillId: string;
  name: { ja?: string; en?: string };
  required: number;
  current: number | null;
  gap: number;
  source: CurrentProficiency['source'];
  date: string | null;
  selfReported: boolean;
  stale: boolean;
  explanation: { ja?: string; en?: string };
}

/** A person's skill map: required skills at their level, current value (and why), gap; largest gap first. */
export function skillStanding(
  framework: SkillFramework,
  level: Level | null,
  entries: readonly StoredProficiencyEntry[],
  now: Date,
  jobRole: string | null = null,
): SkillStanding[] {
  if (!level) return [];
  const current = currentProficiencyBySkill(entries.map(toDomainEntry), { today: todayInJapan(now) });
  return skillGaps(framework, level, jobRole, current).map((g) => {
    const c = current[g.skillId];
    return {
      skillId: g.skillId,
      name: g.name,
      required: g.required,
      current: g.current,
      gap: g.gap,
      source: c?.source ?? null,
      date: c?.date ?? null,
      selfReported: c?.selfReported ?? false,
      stale: c?.stale ?? false,
      explanation: c?.explanation ?? {
        ja: '評価の記録がありません。アセスメントを受けるか、上長評価を登録してください。',
        en: 'No assessment or rating yet. Take an assessment or ask your manager for a rating.',
      },
    };
  });
}
