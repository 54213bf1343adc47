import { z } from 'zod';
import { isoDateSchema } from '@manabi/core';
import { PROFICIENCIES, proficiencySchema, slugSchema, type Proficiency } from './framework.js';
import { calendarDate, daysBetween, timestamp } from './dates.js';
import type { LocalizedText } from './text.js';

export const PROFICIENCY_SOURCES = ['assessment', 'manager_rating', 'self_rating'] as const;
export type ProficiencySource = (typeof PROFICIENCY_SOURCES)[number];

/**
 * One piece of evidence about a person's proficiency in one skill. Dates are ISO dates or
 * date-times in Japan time (a date-time orders two attempts on the same day).
 */
export type ProficiencyEntry =
  | { source: 'assessment'; date: string; percent: number; ref?: string }
  | { source: 'assessment'; date: string; band: number; ref?: string }
  | { source: 'manager_rating'; date: string; value: Proficiency; ref?: string }
  | { source: 'self_rating'; date: string; value: Proficiency; ref?: string };

/** A rating as the API accepts it from a manager or the learner (the source comes from who sends it). */
export const proficiencyRatingSchema = z.object({
  skillId: slugSchema,
  value: proficiencySchema,
  date: isoDateSchema,
  comment: z.string().trim().max(1000).optional(),
});
export type ProficiencyRatingInput = z.infer<typeof proficiencyRatingSchema>;

/**
 * Percent score → proficiency. Cuts at 40 / 60 / 75 / 90: 60 % is the usual pass mark of a
 * Japanese corporate knowledge test, so it is where "independent" (3) starts; 90 % and above is
 * the only score that suggests the person could teach it (5). A score on a cut goes up.
 */
export const SCORE_CUTS = [40, 60, 75, 90] as const;

export function proficiencyFromScore(percent: number): Proficiency {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) throw new RangeError(`Expected a percent 0–100, got ${percent}`);
  return (SCORE_CUTS.filter((cut) => percent >= cut).length + 1) as Proficiency;
}

/**
 * IRT band → proficiency, one to one. The bands are equal one-logit steps around the mean (about
 * 7/24/38/24/7 % of people), so band 3 is the typical person, as 3 is the typical requirement.
 */
export function proficiencyFromBand(band: number): Proficiency {
  if (!(PROFICIENCIES as readonly number[]).includes(band)) throw new RangeError(`Expected a band 1–5, got ${band}`);
  return band as Proficiency;
}

export interface CurrentProficiency {
  value: Proficiency | null;
  source: ProficiencySource | null;
  /** The winning entry's date as given. */
  date: string | null;
  /** Only a self rating exists: shown, but provisional. */
  selfReported: boolean;
  /** The winning entry is older than `maxAgeDays`: still used, but the UI should ask for a new one. */
  stale: boolean;
  explanation: LocalizedText;
}

export interface CurrentProficiencyOptions {
  /** Today's date in Japan, `YYYY-MM-DD`. */
  today: string;
  /** Evidence older than this is flagged stale (default 365). */
  maxAgeDays?: number;
}

export const DEFAULT_MAX_AGE_DAYS = 365;

/**
 * Which piece of evidence is the person's current proficiency in one skill:
 *
 * 1. Assessments and manager ratings compete; the most recent one wins. On the same date and
 *    time the assessment wins (measured beats judged). Within a source, the latest entry counts
 *    (ties: the one given last).
 * 2. So an assessment older than `maxAgeDays` yields to any newer manager rating; when it still
 *    wins (nothing newer), it is used but flagged `stale`.
 * 3. A self rating counts only when there is neither, and is flagged `selfReported`.
 */
export function currentProficiency(entries: readonly ProficiencyEntry[], options: CurrentProficiencyOptions): CurrentProficiency {
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const assessment = latest(entries, 'assessment');
  const manager = latest(entries, 'manager_rating');
  const self = latest(entries, 'self_rating');

  const assessmentWins = assessment && (!manager || timestamp(assessment.date) >= timestamp(manager.date));
  const winner = assessmentWins ? assessment : (manager ?? self);
  if (!winner) {
    return {
      value: null,
      source: null,
      date: null,
      selfReported: false,
      stale: false,
      explanation: {
        ja: '評価の記録がありません。アセスメントを受けるか、上長評価を登録してください。',
        en: 'No assessment or rating yet. Take an assessment or ask your manager for a rating.',
      },
    };
  }

  const value = valueOf(winner);
  const day = calendarDate(winner.date);
  const stale = daysBetween(day, options.today) > maxAgeDays;
  const head = { ja: `習熟度 ${value}：`, en: `Proficiency ${value}: ` };
  let reason: LocalizedText;
  if (winner.source === 'assessment') {
    const score =
      'percent' in winner
        ? { ja: `得点 ${winner.percent}%`, en: `score ${winner.percent}%` }
        : { ja: `適応型テストの判定 ${winner.band}`, en: `adaptive test level ${winner.band}` };
    reason = { ja: `${day} のアセスメント結果（${score.ja}）による。`, en: `from the assessment on ${day} (${score.en})` };
    if (manager) {
      const managerDay = calendarDate(manager.date);
      reason =
        timestamp(manager.date) === timestamp(winner.date)
          ? {
              ja: `${reason.ja}同じ日の上長評価より、測定結果を優先。`,
              en: `${reason.en}; a manager rating at the same time yields to the measured result.`,
            }
          : {
              ja: `${reason.ja}上長評価（${managerDay}）より新しいため採用。`,
              en: `${reason.en}, which is more recent than the manager rating of ${managerDay}.`,
            };
    } else reason = { ja: reason.ja, en: `${reason.en}.` };
  } else if (winner.source === 'manager_rating') {
    reason = { ja: `${day} の上長評価による。`, en: `from the manager rating on ${day}` };
    if (assessment) {
      const assessmentDay = calendarDate(assessment.date);
      reason =
        daysBetween(assessmentDay, options.today) > maxAgeDays
          ? {
              ja: `${reason.ja}アセスメント結果（${assessmentDay}）は${maxAgeDays}日より前のため、新しい上長評価を採用。`,
              en: `${reason.en}; the assessment of ${assessmentDay} is more than ${maxAgeDays} days old, so the newer manager rating is used.`,
            }
          : {
              ja: `${reason.ja}アセスメント結果（${assessmentDay}）より新しいため採用。`,
              en: `${reason.en}, which is more recent than the assessment of ${assessmentDay}.`,
            };
    } else reason = { ja: reason.ja, en: `${reason.en}.` };
  } else {
    reason = {
      ja: `${day} の自己評価による暫定値。アセスメントまたは上長評価が入ると置き換わります。`,
      en: `provisional, from the self rating on ${day}. An assessment or manager rating will replace it.`,
    };
  }
  const staleNote: LocalizedText = stale
    ? {
        ja: `${maxAgeDays}日より前の結果のため、再評価をおすすめします。`,
        en: ` This is more than ${maxAgeDays} days old; a new assessment or rating is recommended.`,
      }
    : { ja: '', en: '' };
  return {
    value,
    source: winner.source,
    date: winner.date,
    selfReported: winner.source === 'self_rating',
    stale,
    explanation: { ja: `${head.ja}${reason.ja}${staleNote.ja}`, en: `${head.en}${reason.en}${staleNote.en}` },
  };
}

/** `currentProficiency` for every skill that has evidence, keyed by skill id. */
export function currentProficiencyBySkill(
  entries: readonly (ProficiencyEntry & { skillId: string })[],
  options: CurrentProficiencyOptions,
): Record<string, CurrentProficiency> {
  const bySkill = new Map<string, ProficiencyEntry[]>();
  for (const entry of entries) bySkill.set(entry.skillId, [...(bySkill.get(entry.skillId) ?? []), entry]);
  return Object.fromEntries([...bySkill].map(([skillId, skillEntries]) => [skillId, currentProficiency(skillEntries, options)]));
}

function valueOf(entry: ProficiencyEntry): Proficiency {
  if (entry.source !== 'assessment') return proficiencyFromBand(entry.value);
  return 'percent' in entry ? proficiencyFromScore(entry.percent) : proficiencyFromBand(entry.band);
}

/** The latest entry of a source; on equal timestamps the one given last (the later record). */
function latest<S extends ProficiencySource>(
  entries: readonly ProficiencyEntry[],
  source: S,
): Extract<ProficiencyEntry, { source: S }> | undefined {
  let best: Extract<ProficiencyEntry, { source: S }> | undefined;
  for (const entry of entries) {
    if (entry.source !== source) continue;
    if (!best || timestamp(entry.date) >= timestamp(best.date)) best = entry as Extract<ProficiencyEntry, { source: S }>;
  }
  return best;
}
