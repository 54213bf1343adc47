import { z } from '@hono/zod-openapi';
import { questionSchema } from '@manabi/questions';
import { imageLinksSchema } from './text.js';
import { checkedByDomain } from './common.js';

/** Question content, one version with its answer key (the domain's own schema: the edge checks what the domain checks). */
export { questionSchema };

export const questionSummarySchema = z
  .object({
    id: z.string(),
    bankId: z.string(),
    type: z.string(),
    title: z.string().nullable(),
    stemPreview: z.string(),
    skillTags: z.array(z.string()),
    level: z.string().nullable(),
    status: z.enum(['draft', 'published']),
    latestVersion: z.number().int(),
    publishedVersion: z.number().int().nullable(),
    irt: z.object({ a: z.number(), b: z.number(), c: z.number(), source: z.string() }),
    updatedAt: z.string(),
  })
  .openapi('QuestionSummary');

export const questionDetailSchema = questionSummarySchema
  .extend({ content: questionSchema.nullable(), images: imageLinksSchema })
  .openapi('QuestionDetail');

export const questionPageSchema = z.object({ items: z.array(questionSummarySchema), nextCursor: z.string().nullable() });

export type QuestionInput = z.input<typeof questionSchema>;

/** New question content, checked by `questionSchema` once the route has found the bank. */
export const questionBodySchema = checkedByDomain<QuestionInput>('Question content (the shape of QuestionDetail.content)');

/** Saving a question: the content is checked by `questionSchema` once the route has found the question. */
export const questionSaveBodySchema = z.object({
  content: checkedByDomain<QuestionInput>('Question content (the shape of QuestionDetail.content)'),
  expectedVersion: z.number().int().min(1),
});

export const bankSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    owner: z.enum(['tenant', 'catalog', 'vendor']),
    /** Whether the caller authors it (their company's, or for a vendor admin the vendor's own). */
    editable: z.boolean(),
    /** How assessments and quiz templates name it: `catalog:<id>`, `vendor:<id>` or the bare id. */
    ref: z.string(),
    questionCount: z.number().int(),
  })
  .openapi('Bank');
export const bankListSchema = z.object({ items: z.array(bankSchema) });
export const bankBodySchema = z.object({ name: z.string().trim().min(1).max(100) });

export const questionListQuery = z.object({
  skill: z.string().max(100).optional(),
  /** Text in a question's title or stem (the assessment form's question picker searches with it). */
  q: z.string().trim().max(100).optional(),
  level: z.string().max(20).optional(),
  type: z.string().max(30).optional(),
  status: z.enum(['draft', 'published']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export const bankParams = z.object({ bankId: z.string().openapi({ param: { name: 'bankId', in: 'path' } }) });
