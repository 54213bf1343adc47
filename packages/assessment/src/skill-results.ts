import { estimateAbilityEAP, proficiencyBand, type ScoredResponse } from '@manabi/irt';

/**
 * An adaptive test rates a skill only from at least this many answers to that skill's items: with
 * fewer, one lucky or unlucky answer decides the level.
 */
export const MIN_SKILL_ITEMS = 3;

/**
 * …and only when the skill's own posterior SD has come down to this. The N(0, 1) prior alone has
 * SD 1, so a posterior still above 0.8 means the answers barely told us anything (items far from
 * the learner's level carry little information even when there are three of them).
 */
export const MAX_SKILL_SE = 0.8;

/** Why a skill has no level of its own in this attempt (null when it has one). */
export type SkillEvidence = 'enough' | 'too_few_items' | 'imprecise';

/** One answer, reduced to what per-skill scoring needs. */
export interface SkillAnswer {
  skills: readonly string[];
  item: { a: number; b: number; c: number };
  correct: boolean;
  score: number;
}

/** What one attempt says about one skill. */
export interface SkillBreakdown {
  skill: string;
  correct: number;
  answered: number;
  percent: number;
  /** Proficiency band 1–5 from this skill's own answers; null when the evidence is not enough. */
  band: number | null;
  evidence: SkillEvidence;
  /** Adaptive tests only: the skill's own EAP estimate and posterior SD (for HR; never shown to learners). */
  theta: number | null;
  se: number | null;
}

/**
 * Per-skill results of an adaptive attempt. Each skill is estimated from the responses to its own
 * items only (an item tagged with two skills counts for both), with the items' calibrated
 * parameters: EAP with the same N(0, 1) prior as the whole test. A skill with fewer than
 * `MIN_SKILL_ITEMS` answers, or whose SD stays above `MAX_SKILL_SE`, gets no band ("not enough
 * evidence") rather than a confident-looking one.
 */
export function adaptiveSkillResults(answers: readonly SkillAnswer[]): SkillBreakdown[] {
  return groupBySkill(answers).map(({ skill, answers: own }) => {
    const counts = countOf(own);
    const responses: ScoredResponse[] = own.map((x) => ({ item: x.item, correct: x.correct }));
    const est = estimateAbilityEAP(responses);
    const evidence: SkillEvidence = own.length < MIN_SKILL_ITEMS ? 'too_few_items' : est.se > MAX_SKILL_SE ? 'imprecise' : 'enough';
    return {
      skill,
      ...counts,
      band: evidence === 'enough' ? proficiencyBand(est.theta) : null,
      evidence,
      theta: round(est.theta, 3),
      se: round(est.se, 3),
    };
  });
}

/**
 * Per-skill results of a fixed form: the band from the skill's percent right, with the same 20-point
 * steps as the form's overall band, so one result page never rates the same percent two ways.
 */
export function fixedSkillResults(answers: readonly SkillAnswer[], bandOf: (percent: number) => number): SkillBreakdown[] {
  return groupBySkill(answers).map(({ skill, answers: own }) => {
    const counts = countOf(own);
    return { skill, ...counts, band: bandOf(counts.percent), evidence: 'enough' as const, theta: null, se: null };
  });
}

/**
 * The skill to study next: the lowest band among skills with enough evidence, then the lowest
 * percent, then name order. Null when no skill has a band.
 */
export function weakestSkill(results: readonly SkillBreakdown[]): SkillBreakdown | null {
  const rated = results.filter((r) => r.band !== null);
  if (rated.length === 0) return null;
  return [...rated].sort((x, y) => x.band! - y.band! || x.percent - y.percent || x.skill.localeCompare(y.skill, 'ja'))[0]!;
}

function groupBySkill(answers: readonly SkillAnswer[]): { skill: string; answers: SkillAnswer[] }[] {
  const bySkill = new Map<string, SkillAnswer[]>();
  for (const x of answers) {
    for (const skill of new Set(x.skills)) {
      const list = bySkill.get(skill) ?? [];
      list.push(x);
      bySkill.set(skill, list);
    }
  }
  return [...bySkill.entries()].map(([skill, list]) => ({ skill, answers: list })).sort((x, y) => x.skill.localeCompare(y.skill, 'ja'));
}

function countOf(answers: readonly SkillAnswer[]): { correct: number; answered: number; percent: number } {
  const correct = answers.reduce((n, x) => n + x.score, 0);
  return { correct: round(correct), answered: answers.length, percent: round((100 * correct) / answers.length) };
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
