import { z } from '@hono/zod-openapi';
import { LEVELS } from '@manabi/core';

/** Text in Japanese and/or English (at least one is present where the domain requires it). */
export const localizedTextSchema = z.object({ ja: z.string().optional(), en: z.string().optional() }).openapi('LocalizedText');

/** Signed URLs of the images a text shows (`![alt](file:<id>)` tokens). */
export const imageLinksSchema = z.array(z.object({ id: z.string(), url: z.string() }));

/** A person named in an answer. */
export const personRefSchema = z.object({ id: z.string(), name: z.string() });

/** Who a test or package is for: an empty list means everyone on that dimension. */
export const audienceViewSchema = z
  .object({ levels: z.array(z.enum(LEVELS)), departmentIds: z.array(z.string()), jobRoles: z.array(z.string()) })
  .openapi('Audience');
