import {
  scoreAttempt,
  weakestSkill,
  type AnsweredItem,
  type AssessmentInput,
  type AssessmentSnapshot,
  type SkillBreakdown,
  type SkillEvidence,
} from '@manabi/assessment';
import type { Role } from '@manabi/core';
import type { AttemptRecord } from '@manabi/data';
import { findSkill, type SkillFramework } from '@manabi/upskilling';

/** The result as the engine stored it (older results lack the per-skill band and evidence). */
export interface StoredResult {
  score: number;
  passed: boolean;
  correct: number;
  answered: number;
  band: number;
  theta: number | null;
  se: number | null;
  scaledScore: number | null;
  timeTakenSeconds: number;
  bySkill: (Omit<SkillBreakdown, 'band' | 'evidence' | 'theta' | 'se'> & Partial<SkillBreakdown>)[];
}

/** One skill as the learner sees it: the band in plain terms, never the estimate behind it. */
export interface LearnerSkillResult {
  skill: string;
  /** The framework skill this tag names (null when the tag is not a framework skill). */
  skillId: string | null;
  name: { ja?: string; en?: string } | null;
  correct: number;
  answered: number;
  percent: number;
  band: number | null;
  evidence: SkillEvidence;
}

/** What a learner's result carries: level band, per-skill results and what to study next; no θ, SE or scaled score. */
export interface LearnerResult {
  score: number;
  passed: boolean;
  correct: number;
  answered: number;
  band: number;
  timeTakenSeconds: number;
  bySkill: LearnerSkillResult[];
  /** The weakest rated skill (study it next), or null when no skill could be rated. */
  focus: LearnerSkillResult | null;
}

/** Only people who read reports get the psychometric detail (θ, SE, scaled score). */
export const seesPsychometrics = (role: Role): boolean => role === 'tenant_admin' || role === 'manager';

/**
 * Per-skill results of a stored attempt. Results stored before skills were rated one by one are
 * rescored from the answers and the attempt's own snapshot (pure and cheap), so every result reads
 * the same way.
 */
export function skillResultsOf(attempt: AttemptRecord, settings: AssessmentInput, snapshot: AssessmentSnapshot): SkillBreakdown[] {
  const stored = attempt.result as StoredResult | null;
  if (stored && stored.bySkill.every((s) => s.evidence !== undefined && s.band !== undefined)) return stored.bySkill as SkillBreakdown[];
  const answered: AnsweredItem[] = attempt.answers.map((a) => ({ questionId: a.questionId, correct: a.correct, score: a.score }));
  return scoreAttempt(settings, snapshot, answered, attempt.form?.length ?? null).bySkill;
}

/** The learner-facing result: stored numbers minus the psychometrics, skills named from the framework. */
export function learnerResult(stored: StoredResult, bySkill: readonly SkillBreakdown[], framework: SkillFramework | null): LearnerResult {
  const named = (s: SkillBreakdown): LearnerSkillResult => {
    const skill = framework ? findSkill(framework, s.skill) : undefined;
    return {
      skill: s.skill,
      skillId: skill?.id ?? null,
      name: skill ? { ...skill.name } : null,
      correct: s.correct,
      answered: s.answered,
      percent: s.percent,
      band: s.band,
      evidence: s.evidence,
    };
  };
  const weakest = weakestSkill(bySkill);
  return {
    score: stored.score,
    passed: stored.passed,
    correct: stored.correct,
    answered: stored.answered,
    band: stored.band,
    timeTakenSeconds: stored.timeTakenSeconds,
    bySkill: bySkill.map(named),
    focus: weakest ? named(weakest) : null,
  };
}

/** An attempt's result in a report: the learner's numbers, plus θ, SE and scaled score for report readers. */
export function reportResult(result: unknown, role: Role) {
  const r = result as StoredResult | null;
  if (!r) return null;
  const base = { score: r.score, passed: r.passed, band: r.band };
  if (!seesPsychometrics(role)) return base;
  return {
    ...base,
    theta: r.theta,
    se: r.se ?? null,
    scaledScore: r.scaledScore ?? null,
    bySkill: r.bySkill.map((s) => ({
      skill: s.skill,
      percent: s.percent,
      band: s.band ?? null,
      theta: s.theta ?? null,
      se: s.se ?? null,
    })),
  };
}
