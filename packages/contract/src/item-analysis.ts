import { z } from '@hono/zod-openapi';

/** Classical item analysis of an assessment, maintained from the change stream. Rates are fractions 0–1. */
export const itemStatisticsSchema = z
  .object({
    computedAt: z.string().nullable(),
    attempts: z.number().int(),
    items: z.array(
      z.object({
        itemId: z.string(),
        exposureCount: z.number().int(),
        exposureRate: z.number(),
        pValue: z.number(),
        pointBiserial: z.number().nullable(),
        optionRates: z.record(z.string(), z.number()),
      }),
    ),
  })
  .openapi('ItemStatistics');

export const calibrateBodySchema = z.object({
  minResponses: z.number().int().min(10).max(100_000).default(200),
  apply: z.boolean().default(false),
});

/** 2PL estimates per item (with the prior they replace), and how many were applied. */
export const calibrationReportSchema = z
  .object({
    items: z.array(
      z.object({
        questionId: z.string(),
        responses: z.number().int(),
        calibrated: z.boolean(),
        reason: z.string().nullable(),
        prior: z.object({ a: z.number(), b: z.number(), c: z.number() }),
        a: z.number(),
        b: z.number(),
        se: z.object({ a: z.number(), b: z.number() }).nullable(),
        rmsd: z.number(),
        note: z.string().nullable(),
      }),
    ),
    applied: z.number().int(),
    logLikelihood: z.number().nullable(),
    iterations: z.number().int(),
    converged: z.boolean(),
  })
  .openapi('CalibrationReport');
