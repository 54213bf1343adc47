import { z } from '@hono/zod-openapi';

/** A path holding one resource id (`/…/{id}`). */
export const idParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

/** A page of a list read with a cursor: `nextCursor` is null on the last page. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A plain list. */
export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A text in both languages of the product. */
export const bilingual = z.object({ ja: z.string(), en: z.string() });

/**
 * The file of a multipart upload. Optional at the edge on purpose: the route answers a missing or
 * non-file part with its own message (which file it wanted), not a generic schema one.
 */
export const uploadFileSchema = z
  .instanceof(File)
  .optional()
  .openapi({ type: 'string', format: 'binary', description: 'The file (required; a missing file gets a message naming it)' });

/** What a schema answers (responses): the SPA's types, with no zod of its own (`import type`). */
export type Infer<T extends z.ZodType> = z.output<T>;
/** What a schema takes (request bodies): fields with a default may be left out. */
export type Input<T extends z.ZodType> = z.input<T>;

/**
 * A document the domain's own schema checks inside the route, after the route has found what it
 * belongs to, so that a foreign id stays a 404 whatever the body holds (an edge check would answer
 * 400 first). Typed as the domain's input for the SPA; the edge takes it as it comes.
 */
export const checkedByDomain = <T>(description: string) => z.custom<T>(() => true).openapi({ type: 'object', description });
