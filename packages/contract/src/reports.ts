import { z } from '@hono/zod-openapi';
import { LEVELS } from '@manabi/core';
import { attemptStatusSchema } from './attempts.js';
import { goalSchema } from './goals.js';
import { localizedTextSchema } from './text.js';

const rate = z.number().nullable();

/** Mean and spread of a group (population SD); null where there is nothing to average. */
export const momentsSchema = z.object({ count: z.number(), mean: rate, variance: rate, sd: rate });

/** Results from the maintained aggregates. Rates are fractions 0–1, scores 0–100. */
export const resultStatsSchema = z
  .object({
    closed: z.number().int(),
    count: z.number().int(),
    unscored: z.number().int(),
    expired: z.number().int(),
    passCount: z.number().int(),
    passRate: rate,
    score: momentsSchema,
    histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int(), share: rate })),
    bands: z.array(z.object({ band: z.number().int(), count: z.number().int(), share: rate })),
    theta: momentsSchema,
  })
  .openapi('ReportResults');

/** Completion of assigned packages. Rates are fractions 0–1 (null when there is nothing to divide by). */
export const completionStatsSchema = z.object({
  assigned: z.number().int(),
  notStarted: z.number().int(),
  inProgress: z.number().int(),
  completed: z.number().int(),
  completedOnTime: z.number().int(),
  completedLate: z.number().int(),
  overdue: z.number().int(),
  completionRate: rate,
  onTimeRate: rate,
  overdueRate: rate,
});

/** Goals by status; `achievedRate` = achieved / (achieved + missed). */
export const goalCountsSchema = z.object({
  total: z.number().int(),
  draft: z.number().int(),
  agreed: z.number().int(),
  in_progress: z.number().int(),
  achieved: z.number().int(),
  missed: z.number().int(),
  achievedRate: rate,
});

const groupResults = z.object({ count: z.number().int(), passRate: rate, mean: rate });
const groupRow = { completion: completionStatsSchema, results: groupResults, goals: goalCountsSchema };

/** One week of results; `week` is the Monday (YYYY-MM-DD). */
export const reportWeekSchema = z.object({ week: z.string(), count: z.number().int(), mean: rate, passRate: rate });

export const overviewQuery = z.object({ departmentId: z.string().max(40).optional(), level: z.enum(LEVELS).optional() });

/** The company overview; a manager's is always their own department. */
export const reportOverviewSchema = z
  .object({
    filter: z.object({ departmentId: z.string().optional(), level: z.string().optional() }),
    completion: completionStatsSchema,
    results: resultStatsSchema,
    goals: goalCountsSchema,
    byDepartment: z.array(z.object({ departmentId: z.string().nullable(), name: z.string().nullable(), ...groupRow })),
    byLevel: z.array(z.object({ level: z.string().nullable(), ...groupRow })),
    bySkill: z.array(z.object({ skill: z.string(), count: z.number().int(), answered: z.number(), percent: rate })),
    trend: z.array(reportWeekSchema),
  })
  .openapi('ReportOverview');

export const skillGapsQuery = z.object({ by: z.enum(['department', 'level']).default('department') });

/** Group × skill gap on the 1–5 proficiency scale; `meanGap` > 0 means below the requirement. */
export const skillGapCellSchema = z.object({
  skillId: z.string(),
  people: z.number().int(),
  assessed: z.number().int(),
  meanCurrent: rate,
  meanRequired: rate,
  meanGap: rate,
  below: z.number().int(),
});

export const skillGapHeatmapSchema = z
  .object({
    by: z.enum(['department', 'level']),
    skills: z.array(z.object({ id: z.string(), name: localizedTextSchema })),
    rows: z.array(
      z.object({ key: z.string().nullable(), name: z.string().nullable(), people: z.number().int(), cells: z.array(skillGapCellSchema) }),
    ),
    total: z.object({ people: z.number().int(), cells: z.array(skillGapCellSchema) }),
  })
  .openapi('SkillGapHeatmap');

export const assessmentReportQuery = z.object({
  departmentId: z.string().max(40).optional(),
  level: z.enum(LEVELS).optional(),
  week: z.string().max(10).optional(),
});

export const assessmentReportSchema = z
  .object({
    assessmentId: z.string(),
    filter: z.object({ departmentId: z.string().optional(), level: z.enum(LEVELS).optional(), week: z.string().optional() }),
    results: resultStatsSchema,
    skills: z.array(z.object({ skill: z.string(), count: z.number().int(), correct: z.number(), answered: z.number(), percent: rate })),
  })
  .openapi('AssessmentReport');

export const assessmentTrendQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(52).default(12),
  departmentId: z.string().max(40).optional(),
  level: z.enum(LEVELS).optional(),
});

export const assessmentTrendSchema = z
  .object({
    filter: z.object({ departmentId: z.string().optional(), level: z.enum(LEVELS).optional() }),
    weeks: z.array(reportWeekSchema),
  })
  .openapi('AssessmentTrend');

/** θ, SE, the scaled score and per-skill estimates come for HR and managers only. */
export const reportResultSchema = z.object({
  score: z.number(),
  passed: z.boolean(),
  band: z.number(),
  theta: z.number().nullable().optional(),
  se: z.number().nullable().optional(),
  scaledScore: z.number().nullable().optional(),
  bySkill: z
    .array(
      z.object({
        skill: z.string(),
        percent: z.number(),
        band: z.number().nullable(),
        theta: z.number().nullable(),
        se: z.number().nullable(),
      }),
    )
    .optional(),
});

export const learnerHistorySchema = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), departmentId: z.string().nullable(), level: z.enum(LEVELS).nullable() }),
    attempts: z.array(
      z.object({
        id: z.string(),
        assessmentId: z.string(),
        title: localizedTextSchema.nullable(),
        status: attemptStatusSchema,
        startedAt: z.string(),
        finishedAt: z.string().nullable(),
        result: reportResultSchema.nullable(),
      }),
    ),
    proficiency: z.array(
      z.object({
        skillId: z.string(),
        skillName: localizedTextSchema.nullable(),
        source: z.enum(['assessment', 'manager_rating', 'self_rating']),
        date: z.string(),
        percent: rate,
        band: rate,
        value: rate,
      }),
    ),
    goals: z.array(goalSchema),
    assignments: z.array(
      z.object({
        packageId: z.string(),
        title: localizedTextSchema,
        level: z.string().nullable(),
        dueDate: z.string().nullable(),
        assignedAt: z.string(),
        progress: z
          .object({
            done: z.number().int(),
            total: z.number().int(),
            percent: z.number(),
            status: z.enum(['not_started', 'in_progress', 'completed']),
            overdue: z.boolean(),
          })
          .nullable(),
      }),
    ),
  })
  .openapi('LearnerHistory');

export const ONBOARDING_STEPS = ['importPeople', 'reviewFramework', 'assignPackages', 'publishTest', 'firstResults'] as const;

const weekRate = z.object({ week: z.string(), count: z.number().int(), passRate: rate });
const weekMoves = z.object({ week: z.string(), closed: z.number().int(), opened: z.number().int() });

/** HR's home: the getting-started checklist read from real state, and the weekly figures. */
export const hrHomeSchema = z
  .object({
    checklist: z.object({
      steps: z.array(z.object({ id: z.enum(ONBOARDING_STEPS), done: z.boolean() })),
      done: z.number().int(),
      total: z.number().int(),
    }),
    hasData: z.boolean(),
    kpis: z.object({
      completion: completionStatsSchema.pick({
        assigned: true,
        completed: true,
        completedOnTime: true,
        onTimeRate: true,
        completionRate: true,
        overdue: true,
      }),
      overdueByDepartment: z.array(
        z.object({
          departmentId: z.string().nullable(),
          name: z.string().nullable(),
          assigned: z.number().int(),
          overdue: z.number().int(),
        }),
      ),
      passRate: z.object({ count: z.number().int(), passRate: rate, thisWeek: weekRate, lastWeek: weekRate }),
      skillGaps: z.object({
        people: z.number().int(),
        requirements: z.number().int(),
        met: z.number().int(),
        open: z.number().int(),
        metRate: rate,
        thisWeek: weekMoves,
        lastWeek: weekMoves,
      }),
      activeLearners: z.object({ month: z.string(), count: z.number().int(), previousMonth: z.string(), previous: z.number().int() }),
    }),
  })
  .openapi('HrHome');
