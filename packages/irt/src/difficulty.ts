/**
 * Difficulty in words. People writing or choosing questions see やさしい / ふつう / むずかしい
 * (Easy / Medium / Hard); the IRT difficulty b behind the word is shown only on request.
 *
 * This file is the one definition of the words' thresholds. It imports nothing, so the SPA (which
 * has no workspace dependency on the domain packages) imports it by path and shows exactly the
 * bands the server would compute.
 *
 * Thresholds on b (the ability scale, θ ~ N(0, 1) for the company's learners):
 * - easy:   b < −0.5
 * - medium: −0.5 ≤ b ≤ 0.5
 * - hard:   b > 0.5
 * They match the middle band of `proficiencyBand` (cuts at ±0.5): an item is "medium" when a
 * learner of middle proficiency is the one it measures best. With D = 1.702 and a = 1, an average
 * learner (θ = 0) answers an item at b = −0.5 correctly about 70 % of the time and one at b = 0.5
 * about 30 % (before guessing), so "medium" spans the items such a learner gets right 30–70 %.
 */
export const DIFFICULTY_LEVELS = ['easy', 'medium', 'hard'] as const;
export type DifficultyLevel = (typeof DIFFICULTY_LEVELS)[number];

/** b below this is easy; b above `HARD_ABOVE` is hard; the closed interval between is medium. */
export const EASY_BELOW = -0.5;
export const HARD_ABOVE = 0.5;

/**
 * The b an author's word stands for when no number was given: the middle of each band as seen by
 * the prior (one logit apart), well inside its band so that calibration noise of a few tenths does
 * not flip the word.
 */
export const DIFFICULTY_PRIOR: Record<DifficultyLevel, number> = { easy: -1, medium: 0, hard: 1 };

/** The product's words for each level (the SPA's i18n uses the same ones). */
export const DIFFICULTY_LABELS: Record<DifficultyLevel, { ja: string; en: string }> = {
  easy: { ja: 'やさしい', en: 'Easy' },
  medium: { ja: 'ふつう', en: 'Medium' },
  hard: { ja: 'むずかしい', en: 'Hard' },
};

/** The word for an IRT difficulty b. A value that is not a finite number counts as medium (b = 0, the prior). */
export function difficultyLevel(b: number | null | undefined): DifficultyLevel {
  if (typeof b !== 'number' || !Number.isFinite(b)) return 'medium';
  if (b < EASY_BELOW) return 'easy';
  if (b > HARD_ABOVE) return 'hard';
  return 'medium';
}
