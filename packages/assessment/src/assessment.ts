import { z } from 'zod';
import { audienceSchema, LEVELS } from '@manabi/core';

const text = z.string().trim().min(1).max(500);
export const localizedTitleSchema = z
  .object({ ja: text.optional(), en: text.optional() })
  .strict()
  .refine((t) => t.ja !== undefined || t.en !== undefined, { message: 'Japanese or English title is required' });

export const REVIEW_POLICIES = ['after_submit', 'after_due', 'never'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

export const drawRuleSchema = z.object({
  skill: z.string().trim().min(1).max(100),
  level: z.enum(LEVELS).nullable().default(null),
  count: z.number().int().min(1).max(200),
});

/** What HR writes when creating or editing an assessment. */
export const assessmentInputSchema = z
  .object({
    title: localizedTitleSchema,
    description: z
      .object({ ja: z.string().max(5000).optional(), en: z.string().max(5000).optional() })
      .strict()
      .optional(),
    mode: z.enum(['fixed', 'adaptive']),
    /** Tenant bank ids, or `catalog:<id>` for a platform catalog bank. */
    bankIds: z.array(z.string().min(1).max(80)).min(1, { message: 'Choose at least one question bank' }).max(20),
    fixed: z
      .object({
        questionIds: z.array(z.string().min(1).max(40)).max(200).default([]),
        draws: z.array(drawRuleSchema).max(50).default([]),
        shuffleQuestions: z.boolean().default(true),
        shuffleOptions: z.boolean().default(true),
      })
      .optional(),
    adaptive: z
      .object({
        skills: z.array(z.string().trim().min(1).max(100)).min(1).max(30),
        minItems: z.number().int().min(1).max(100).default(5),
        maxItems: z.number().int().min(1).max(200).default(20),
        seTarget: z.number().min(0.1).max(1.5).default(0.3),
        /**
         * Placement: also stop as soon as the level band is decided (θ ± 1.96·SE within one band),
         * which is often well before the SE target. Missing: stop on SE and length only.
         */
        stopWhenBandDecided: z.boolean().optional(),
        /**
         * Only items of these levels (a placement test for 若手 draws from 新入社員, 若手 and 中堅);
         * missing or empty: every level. Items without a level are left out once levels are named.
         */
        levels: z
          .array(z.enum(LEVELS))
          .max(LEVELS.length)
          .transform((ls) => LEVELS.filter((l) => ls.includes(l)))
          .optional(),
      })
      .optional(),
    timeLimitMinutes: z.number().int().min(1).max(600).nullable().default(null),
    /** Percent correct for a fixed form; proficiency band 1–5 for an adaptive test. */
    passMark: z.number().min(0).max(100),
    attemptsAllowed: z.number().int().min(1).max(100).nullable().default(null),
    reviewPolicy: z.enum(REVIEW_POLICIES).default('after_submit'),
    dueAt: z.iso.datetime({ offset: true }).nullable().default(null),
    /** Who the test is for; missing (tests from before audiences) means everyone. */
    audience: audienceSchema.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.mode === 'fixed') {
      if (!a.fixed) ctx.addIssue({ code: 'custom', path: ['fixed'], message: 'A fixed form needs questions or draw rules' });
      else if (a.fixed.questionIds.length + a.fixed.draws.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['fixed', 'draws'], message: 'Add at least one draw rule or question' });
      }
    }
    if (a.mode === 'adaptive') {
      if (!a.adaptive) ctx.addIssue({ code: 'custom', path: ['adaptive'], message: 'An adaptive test needs its skills and limits' });
      else if (a.adaptive.minItems > a.adaptive.maxItems) {
        ctx.addIssue({ code: 'custom', path: ['adaptive', 'minItems'], message: 'Minimum items exceed maximum items' });
      }
      if (a.passMark > 5 || a.passMark < 1)
        ctx.addIssue({ code: 'custom', path: ['passMark'], message: 'For an adaptive test the pass mark is a band 1–5' });
    }
  });
export type AssessmentInput = z.output<typeof assessmentInputSchema>;

/**
 * Whether an item may be served by an adaptive test: its level is one the test names (any level
 * when it names none). Applied when the pool is frozen and again when an attempt picks, so a
 * snapshot can never serve an item of another level.
 */
export function inAdaptiveLevels(item: { level: string | null }, adaptive: { levels?: readonly string[] | undefined }): boolean {
  const levels = adaptive.levels ?? [];
  return levels.length === 0 || (item.level !== null && levels.includes(item.level));
}

/** A published question frozen into the assessment at publish time (the start path reads only this). */
export interface SnapshotItem {
  id: string;
  owner: 'tenant' | 'catalog' | 'vendor';
  /** The vendor whose bank it comes from (owner `vendor`). */
  vendorId?: string;
  version: number;
  type: string;
  skills: string[];
  level: string | null;
  irt: { a: number; b: number; c: number };
}

/**
 * What one published version of an assessment is: its settings and frozen pool. Immutable, so
 * attempts keep running on the version they started with, and servers may cache it.
 */
export interface AssessmentSnapshot {
  publishedVersion: number;
  settings: AssessmentInput;
  pool: SnapshotItem[];
  /**
   * Sympson–Hetter parameters fitted for this published version (fitAdaptiveExposure), stored with
   * it and refitted with its calibration. Missing: the adaptive test runs randomesque top-5.
   */
  exposure?: { sympsonHetter: Record<string, number> };
}
