import { drawFixedForm, shuffle } from './draw.js';
import {
  BAND_CUTS,
  estimateAbilityEAP,
  estimateAbilityWLE,
  finishDecision,
  mulberry32,
  nextItem,
  normalQuadrature,
  proficiencyBand,
  rebuildCat,
  scaledScore,
  type AbilityEstimate,
  type CatConfig,
  type CatState,
  type PoolItem,
  type ScoredResponse,
} from '@manabi/irt';
import { inAdaptiveLevels, type AssessmentInput, type AssessmentSnapshot, type SnapshotItem } from './assessment.js';
import { adaptiveProgress, type AdaptiveProgress } from './adaptive-progress.js';
import { adaptiveSkillResults, fixedSkillResults, type SkillAnswer, type SkillBreakdown } from './skill-results.js';

/** One answered item as the attempt stores it. */
export interface AnsweredItem {
  questionId: string;
  correct: boolean;
  score: number;
}

/** Mixes the attempt seed with a salt so each decision gets its own reproducible stream. */
export function seededRng(seed: number, salt: string): () => number {
  let h = seed >>> 0;
  for (let i = 0; i < salt.length; i++) h = Math.imul(h ^ salt.charCodeAt(i), 2654435761) >>> 0;
  return mulberry32(h);
}

/**
 * The whole form of a fixed assessment for one attempt: explicit questions plus exact draws per
 * rule, never repeating a question the learner has seen while the pool allows, shuffled if asked.
 */
export function planFixedForm(a: AssessmentInput, snapshot: AssessmentSnapshot, seen: ReadonlyMap<string, number>, seed: number): string[] {
  const fixed = a.fixed!;
  const explicit = fixed.questionIds.filter((id) => snapshot.pool.some((p) => p.id === id));
  const drawPool = snapshot.pool
    .filter((p) => !explicit.includes(p.id))
    .map((p) => ({ id: p.id, skills: p.skills, level: p.level as never }));
  const drawn = drawFixedForm(drawPool, fixed.draws, seen, seededRng(seed, 'draw')).flat();
  const form = [...explicit, ...drawn];
  return fixed.shuffleQuestions ? shuffle(form, seededRng(seed, 'order')) : form;
}

/** Option order for one learner and question (seeded, so a review shows what the learner saw). */
export function optionOrder(optionIds: readonly string[], seed: number, questionId: string, shuffleOptions: boolean): string[] {
  return shuffleOptions ? shuffle(optionIds, seededRng(seed, `options:${questionId}`)) : [...optionIds];
}

function catPool(a: AssessmentInput, snapshot: AssessmentSnapshot): PoolItem[] {
  const skills = a.adaptive!.skills;
  return snapshot.pool
    .filter((p) => inAdaptiveLevels(p, a.adaptive!))
    .map((p) => ({
      id: p.id,
      a: p.irt.a,
      b: p.irt.b,
      c: p.irt.c,
      skill: p.skills.find((s) => skills.includes(s)) ?? p.skills[0] ?? '',
    }));
}

/**
 * The CAT configuration an adaptive assessment runs with: its pool, its stopping rule, exposure
 * control (Sympson–Hetter on maximum information when the snapshot carries fitted parameters, the
 * best trade-off bench:cat found; randomesque top-5 otherwise), equal content targets across its skills, items chosen at the EAP, and
 * Warm's WLE as the reported θ and the SE the test stops on (its SE holds across θ, where the
 * posterior SD understated the error for strong and weak learners). Exported so that the
 * benchmark (bench/cat.bench.ts) measures exactly what learners get.
 */
export function adaptiveCatConfig(a: AssessmentInput, snapshot: AssessmentSnapshot): CatConfig {
  const ad = a.adaptive!;
  return {
    pool: catPool(a, snapshot),
    stopping: {
      minItems: ad.minItems,
      maxItems: ad.maxItems,
      targetSe: ad.seTarget,
      ...(ad.stopWhenBandDecided ? { band: { cuts: BAND_CUTS, z: PLACEMENT_BAND_Z } } : {}),
    },
    selection: {
      ...(snapshot.exposure ? { exposure: { kind: 'sympson-hetter', parameters: snapshot.exposure.sympsonHetter } } : { randomesque: 5 }),
      skillTargets: Object.fromEntries(ad.skills.map((s) => [s, 1])),
    },
    scoring: 'wle',
  };
}

/** θ and SE as an adaptive test reports them: Warm's WLE on the CAT's θ range; the prior (EAP) before any answer. */
export function adaptiveEstimate(responses: readonly ScoredResponse[]): AbilityEstimate {
  const { nodes } = normalQuadrature();
  return estimateAbilityWLE(responses, { min: nodes[0]!, max: nodes[nodes.length - 1]! }) ?? estimateAbilityEAP(responses);
}

/** The random stream that picks the item after `answeredCount` answers in the attempt with this seed. */
export function adaptiveSelectionRng(seed: number, answeredCount: number): () => number {
  return seededRng(seed, `cat:${answeredCount}`);
}

/**
 * Placement tests stop once θ ± z·SE lies within one band. z = 1.96 rather than 1.645: the rule is
 * checked after every item, and each look adds a chance to stop on the wrong side of a cut.
 */
export const PLACEMENT_BAND_Z = 1.96;

/**
 * Rebuilds the adaptive state from the stored answers and the attempt's seed (≤ max items × (81 grid
 * points + one selection): cheap). Each step's selection is replayed with its own seeded stream, so
 * whatever the exposure method keeps between items is recovered, not stored. Without the seed only
 * θ, SE and the stopping decision are rebuilt (enough for progress and scoring).
 */
export function replayCat(a: AssessmentInput, snapshot: AssessmentSnapshot, answered: readonly AnsweredItem[], seed?: number): CatState {
  return rebuildCat(
    adaptiveCatConfig(a, snapshot),
    answered.map((x) => ({ itemId: x.questionId, correct: x.correct })),
    seed === undefined ? undefined : (answeredCount) => adaptiveSelectionRng(seed, answeredCount),
  );
}

/**
 * The next adaptive item, or null when the test should stop (SE target, max items, pool exhausted).
 * Exposure control (randomesque top-5) and content balancing across the assessment's skills.
 */
export function nextAdaptiveItem(
  a: AssessmentInput,
  snapshot: AssessmentSnapshot,
  answered: readonly AnsweredItem[],
  seed: number,
): string | null {
  const state = replayCat(a, snapshot, answered, seed);
  if (finishDecision(state).finished) return null;
  return nextItem(state, adaptiveSelectionRng(seed, answered.length)).item?.id ?? null;
}

/**
 * How far along an adaptive attempt is, for the learner: a range of items left that never jumps up
 * and a percent that never goes down (adaptive-progress.ts), from the SE after each answer.
 */
export function adaptiveProgressOf(a: AssessmentInput, snapshot: AssessmentSnapshot, answered: readonly AnsweredItem[]): AdaptiveProgress {
  const ad = a.adaptive!;
  const state = replayCat(a, snapshot, answered);
  return adaptiveProgress(
    state.steps.map((s) => s.se),
    // The test reports and stops on the WLE's SE (adaptiveCatConfig): no prior precision in it.
    { minItems: ad.minItems, maxItems: ad.maxItems, targetSe: ad.seTarget, poolSize: snapshot.pool.length, priorPrecision: 0 },
    finishDecision(state).finished,
  );
}

export interface AttemptScore {
  score: number;
  passed: boolean;
  correct: number;
  answered: number;
  bySkill: SkillBreakdown[];
  theta: number | null;
  se: number | null;
  band: number;
  scaledScore: number | null;
}

/**
 * Scores a finished attempt. Fixed: percent of the form (unanswered count as wrong), pass at the
 * pass mark; the band comes from the percent. Adaptive: θ and SE (Warm's WLE), band and scaled score from θ,
 * pass at the pass band. Per skill, each skill is rated from its own answers (skill-results.ts).
 */
export function scoreAttempt(
  a: AssessmentInput,
  snapshot: AssessmentSnapshot,
  answered: readonly AnsweredItem[],
  formLength: number | null,
): AttemptScore {
  const item = (id: string): SnapshotItem | undefined => snapshot.pool.find((p) => p.id === id);
  const skillAnswers: SkillAnswer[] = answered.flatMap((x) => {
    const p = item(x.questionId);
    return p ? [{ skills: p.skills, item: p.irt, correct: x.correct, score: x.score }] : [];
  });
  // The percent comes from the exact sum: partial credit (2/3 + 1/2) or an essay's 7 of 8 points (0.875)
  // rounded first would shift it (60 instead of 58.3; 0.9 instead of 0.875); `correct` is shown rounded.
  const sum = answered.reduce((n, x) => n + x.score, 0);
  const correct = round(sum);
  if (a.mode === 'adaptive') {
    const est = adaptiveEstimate(
      answered.map((x) => {
        const p = item(x.questionId)!;
        return { item: { a: p.irt.a, b: p.irt.b, c: p.irt.c }, correct: x.correct };
      }),
    );
    const band = proficiencyBand(est.theta);
    return {
      score: round((100 * sum) / Math.max(1, answered.length)),
      passed: band >= a.passMark,
      correct,
      answered: answered.length,
      bySkill: adaptiveSkillResults(skillAnswers),
      theta: round(est.theta, 3),
      se: round(est.se, 3),
      band,
      scaledScore: Math.round(scaledScore(est.theta)),
    };
  }
  const total = formLength ?? answered.length;
  const score = round((100 * sum) / Math.max(1, total));
  return {
    score,
    passed: score >= a.passMark,
    correct,
    answered: answered.length,
    bySkill: fixedSkillResults(skillAnswers, bandFromPercent),
    theta: null,
    se: null,
    band: bandFromPercent(score),
    scaledScore: null,
  };
}

/** 1–5 from percent correct on a fixed form (20-point steps). */
export const bandFromPercent = (percent: number): number => Math.min(5, Math.max(1, Math.floor(percent / 20) + 1));

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
