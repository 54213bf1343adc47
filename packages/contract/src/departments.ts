import { z } from '@hono/zod-openapi';

export const departmentSchema = z
  .object({ id: z.string(), name: z.string(), userCount: z.number().int(), createdAt: z.string(), updatedAt: z.string() })
  .openapi('Department');
