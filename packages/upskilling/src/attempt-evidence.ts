import { findSkill, type SkillFramework } from './framework.js';

/** One skill's result in a finished attempt, as the attempt engine scores it. */
export interface AttemptSkillResult {
  /** A skill tag of the questions: a framework skill's id or Japanese name, or any other tag. */
  skill: string;
  percent: number;
  /** The skill's own band (adaptive tests); null when its answers were too few to tell. */
  band: number | null;
}

/** What a finished attempt tells about one framework skill (stored as the person's proficiency evidence). */
export type AttemptEvidence = { skillId: string; source: 'assessment'; date: string; ref: string } & (
  { percent: number } | { band: number }
);

/**
 * What a finished attempt says about skills: per framework skill it measured, the percent right
 * (fixed forms) or, for an adaptive test, the skill's own band estimated from its own items (a
 * CAT's per-skill percentages are not comparable: harder items follow right answers). A skill an
 * adaptive test saw too little of gives no evidence; an attempt with no answers gives none. Tags
 * that are not framework skills are ignored, and a skill named twice counts once (the first).
 */
export function attemptEvidence(
  framework: SkillFramework,
  attempt: { id: string; finishedAt: string; mode: 'fixed' | 'adaptive'; answered: number; bySkill: readonly AttemptSkillResult[] },
): AttemptEvidence[] {
  if (attempt.answered === 0) return [];
  const entries = new Map<string, AttemptEvidence>();
  for (const s of attempt.bySkill) {
    const skill = findSkill(framework, s.skill);
    if (!skill || entries.has(skill.id)) continue;
    const base = { skillId: skill.id, source: 'assessment' as const, date: attempt.finishedAt, ref: `attempt:${attempt.id}` };
    if (attempt.mode === 'adaptive') {
      if (s.band !== null) entries.set(skill.id, { ...base, band: s.band });
    } else entries.set(skill.id, { ...base, percent: s.percent });
  }
  return [...entries.values()];
}
