import type { Level } from '@manabi/core';

export interface ContentRules {
  minItemsPerLevel: number;
  minItemsPerSkill: number;
  minScenarioShare: number;
  scenarioLevels: readonly Level[];
  maxKeyPositionShare: number;
  minKeysForPositionRule: number;
  nearDuplicate: { n: number; threshold: number };
  packageLessonMinutes: { min: number; max: number };
}

/**
 * Every threshold of `content:check` in one place (the lead tunes them here, nowhere else).
 */
export const CONTENT_RULES: ContentRules = {
  /** Items at each level (issue #15). */
  minItemsPerLevel: 200,
  /** Items tagged with a skill at each level where the default framework requires that skill. */
  minItemsPerSkill: 40,
  /** Share of scenario items at each of these levels. */
  minScenarioShare: 0.4,
  scenarioLevels: ['junior', 'mid', 'leader', 'manager'],
  /** No option position may hold more than this share of single-choice keys at a level… */
  maxKeyPositionShare: 0.35,
  /**
   * …once the level has this many single-choice items: below ten, one item more or less swings
   * the share by ten points or more (two items can only be 50/50), so the share says nothing yet.
   */
  minKeysForPositionRule: 10,
  nearDuplicate: {
    /** Character n-grams of the normalised stem (see rules/duplicates.ts). */
    n: 3,
    /**
     * Jaccard similarity of the n-gram sets at or above which two stems are near-duplicates.
     * Measured (npm run content:check -- --similarity lists the closest pairs): among the first 96
     * catalog items, distinct questions peak at 0.40, all from shared boilerplate such as
     * "Select all that apply." or 「最も適切なものはどれか」; a reworded copy of a stem (a few
     * words or particles changed, sentence order kept) scores 0.62 in Japanese and 0.71 in
     * English (rules/duplicates.test.ts). 0.55 sits in that gap with a margin on both sides.
     */
    threshold: 0.55,
  },
  /** A level package's lesson is short: read in one sitting between other work (issue #15). */
  packageLessonMinutes: { min: 5, max: 10 },
};

export type CoverageMode = 'report' | 'enforce';
