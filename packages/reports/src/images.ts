import { z } from 'zod';
import { isRealIsoDate } from '@manabi/core';

/**
 * The records the aggregator sees: NEW/OLD images of the change stream after unmarshalling, reduced
 * to the fields reports use. The schemas are for the aggregator's edge (an image is data from the
 * table, and a malformed one must be rejected there, not silently counted); the functions of this
 * package take the parsed types.
 */

/** awaiting_grading is not closed for reports: the attempt is counted once its essays are graded. */
export const ATTEMPT_STATUSES = ['in_progress', 'awaiting_grading', 'finished', 'expired'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export interface SkillResult {
  skill: string;
  /** Partial credit allowed; the engine rounds to 0.1. */
  correct: number;
  answered: number;
  percent: number;
}

export interface AttemptResult {
  /** Percent 0–100, rounded to 0.1 by the engine. */
  score: number;
  passed: boolean;
  bySkill: SkillResult[];
  /** Proficiency band 1–5. */
  band: number;
  /** Adaptive tests only (rounded to 0.001 by the engine). */
  theta: number | null;
}

/** One answered item (item analysis): right or wrong, and the option chosen for choice items. */
export interface AnswerImage {
  questionId: string;
  correct: boolean;
  optionId: string | null;
}

export interface AttemptImage {
  id: string;
  tenantId: string;
  userId: string;
  assessmentId: string;
  status: AttemptStatus;
  finishedAt: string | null;
  result: AttemptResult | null;
  answers: AnswerImage[];
}

export const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export interface AssignmentImage {
  tenantId: string;
  userId: string;
  packageId: string;
  /** Japan calendar date `YYYY-MM-DD`. */
  dueDate: string | null;
  status: AssignmentStatus;
  completedAt: string | null;
  /** Open and past its due date, as of when the image was written (see README: freshness). */
  overdue: boolean;
  /** The learner's department and level when the package was assigned (see README: history). */
  departmentId: string | null;
  level: string | null;
}

export const GOAL_STATUSES = ['draft', 'agreed', 'in_progress', 'achieved', 'missed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A goal as reports count it: its status, in the group its owner belonged to when it was set. */
export interface GoalImage {
  tenantId: string;
  id: string;
  status: GoalStatus;
  departmentId: string | null;
  level: string | null;
}

/** One skill of a person's current standing: requirement at their level (null: none) and current value. */
export interface StandingSkill {
  skill: string;
  required: number | null;
  current: number | null;
}

/**
 * A person's current skill standing, as maintained for the gap heatmap. Current state, not history:
 * it is rewritten when the person moves, so the heatmap shows each department as it is today.
 */
export interface StandingImage {
  tenantId: string;
  userId: string;
  departmentId: string | null;
  level: string | null;
  skills: StandingSkill[];
}

/** Where a learner belonged at one moment: what a record is attributed to. */
export interface Attribution {
  departmentId: string | null;
  level: string | null;
}

const id = z.string().min(1).max(200);
const instant = z.union([z.iso.datetime({ offset: true }), z.string().refine(isRealIsoDate)]);

export const attemptImageSchema = z.object({
  id,
  tenantId: id,
  userId: id,
  assessmentId: id,
  status: z.enum(ATTEMPT_STATUSES),
  finishedAt: instant.nullable().default(null),
  result: z
    .object({
      score: z.number().min(0).max(100),
      passed: z.boolean(),
      bySkill: z
        .array(
          z.object({
            skill: z.string().min(1).max(200),
            correct: z.number().min(0),
            answered: z.number().int().min(0),
            percent: z.number().min(0).max(100),
          }),
        )
        .default([]),
      band: z.number().int().min(1).max(5),
      theta: z.number().nullable().default(null),
    })
    .nullable()
    .default(null),
  answers: z
    .array(
      z.object({
        questionId: id,
        correct: z.boolean(),
        response: z.unknown().optional(),
      }),
    )
    .default([])
    .transform((answers): AnswerImage[] =>
      answers.map((x) => {
        const optionId = (x.response as { optionId?: unknown } | null | undefined)?.optionId;
        return { questionId: x.questionId, correct: x.correct, optionId: typeof optionId === 'string' ? optionId : null };
      }),
    ),
});

export const assignmentImageSchema = z.object({
  tenantId: id,
  userId: id,
  packageId: id,
  dueDate: z.string().refine(isRealIsoDate, { message: 'Expected a date YYYY-MM-DD' }).nullable().default(null),
  status: z.enum(ASSIGNMENT_STATUSES),
  completedAt: instant.nullable().default(null),
  overdue: z.boolean().default(false),
  departmentId: id.nullable().default(null),
  level: id.nullable().default(null),
});

export const goalImageSchema = z
  .object({
    tenantId: id,
    goal: z.object({ id, status: z.enum(GOAL_STATUSES) }),
    departmentId: id.nullable().default(null),
    level: id.nullable().default(null),
  })
  .transform((g): GoalImage => ({
    tenantId: g.tenantId,
    id: g.goal.id,
    status: g.goal.status,
    departmentId: g.departmentId,
    level: g.level,
  }));

export const standingImageSchema = z.object({
  tenantId: id,
  userId: id,
  departmentId: id.nullable().default(null),
  level: id.nullable().default(null),
  skills: z.array(z.object({ skill: id, required: z.number().min(0).max(10).nullable(), current: z.number().min(0).max(10).nullable() })),
});

/** Parses a stream image (extra attributes such as keys and answers are dropped). */
export const parseAttemptImage = (raw: unknown): AttemptImage => attemptImageSchema.parse(raw);
export const parseAssignmentImage = (raw: unknown): AssignmentImage => assignmentImageSchema.parse(raw);
