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
