import type { z } from '@hono/zod-openapi';

/** OpenAPI route-config helpers; the schemas themselves live in @manabi/contract. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
