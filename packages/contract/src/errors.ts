import { z } from '@hono/zod-openapi';

/** Every error the API answers: a stable code, a message in the caller's language, and per-field details. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .openapi('Error');
