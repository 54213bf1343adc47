import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { Role } from '@manabi/core';
import { checkQuestionImage, QUESTION_IMAGE_MAX_BYTES } from '@manabi/questions';
import type { AppDeps, AppEnv } from '../env.js';
import { ApiError } from '../errors.js';
import { BODY_LIMITS, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import { authorOwner } from '../services/content-owner.js';
import { ownQuestionImage, storeQuestionImage, type ImageOwner } from '../services/question-images.js';

const AUTHORS: readonly Role[] = ['tenant_admin', 'vendor_admin'];
/** Beyond this the body is not read at all; up to it, a clear "too large" answer is given. */
const UNREAD_ABOVE_BYTES = 8 * 1024 * 1024;
const MB = 1024 * 1024;

export const questionImageSchema = z
  .object({
    id: z.string().openapi({ description: 'Put it in question text as ![alt text](file:<id>)' }),
    url: z.string().openapi({ description: 'A signed URL serving the image until it expires' }),
    contentType: z.string(),
    size: z.number().int(),
    name: z.string(),
  })
  .openapi('QuestionImage');

const imageOwner = (auth: Parameters<typeof authorOwner>[0]) => authorOwner(auth) as ImageOwner;

const tooLarge = (size: number) =>
  new ApiError(
    400,
    'image_too_large',
    { key: 'image_too_large.question', params: { max: QUESTION_IMAGE_MAX_BYTES / MB, size: Math.ceil((size / MB) * 10) / 10 } },
    [{ path: 'file', message: 'field.too_large' }],
  );

export function registerQuestionImageRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/question-images',
      roles: AUTHORS,
      // Read in full so an image over its own 2 MB limit gets that clear message, not a bare 413.
      bodyLimit: BODY_LIMITS.image,
      tags: ['questions'],
      summary: 'Upload an image for a question’s stem or options (the file as the body: PNG, JPEG, GIF or WebP, at most 2 MB)',
      description: 'The same image uploaded twice gets the same id (ids name the content).',
      request: {
        query: z.object({ name: z.string().max(200).optional() }),
        body: { content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } },
      },
      responses: { 201: json(questionImageSchema, 'The stored image'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const declared = Number(c.req.header('content-length') ?? '0');
      if (declared > UNREAD_ABOVE_BYTES) throw tooLarge(declared);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const checked = checkQuestionImage(bytes);
      if (!checked.ok) {
        if (checked.reason === 'too_large') throw tooLarge(bytes.length);
        throw new ApiError(400, 'invalid_image', 'invalid_image.question', [{ path: 'file', message: 'invalid_image.question' }]);
      }
      const auth = c.get('auth');
      const owner = imageOwner(auth);
      const name = c.req.valid('query').name ?? `image.${checked.kind}`;
      const record = await storeQuestionImage(deps, owner, { bytes, name, contentType: checked.contentType }, auth.userId);
      return c.json(await ownQuestionImage(deps, owner, record.id), 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/question-images/{id}',
      roles: AUTHORS,
      tags: ['questions'],
      summary: 'One of the company’s (or vendor’s) question images, with a signed URL; another company’s id answers 404',
      request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: { 200: json(questionImageSchema, 'The image'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await ownQuestionImage(deps, imageOwner(c.get('auth')), c.req.valid('param').id), 200),
  );
}
