import { authorOwner, readOnlyOwners, refOf } from '../services/content-owner.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { isId, randomId, type Role } from '@manabi/core';
import { questionSchema, pickText, imagesAsAlt, type Question } from '@manabi/questions';
import {
  createBank,
  createQuestion,
  getBank,
  getQuestionHead,
  listBanks,
  listQuestions,
  publishQuestion,
  saveQuestionVersion,
  getQuestionVersion,
  type Bank,
  type Owner,
  type QuestionHead,
  type QuestionMeta,
} from '@manabi/data';
import type { AppDeps, AppEnv, AuthClaims } from '../env.js';
import { notFound, validationError } from '../errors.js';
import { defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import {
  bankBodySchema,
  bankListSchema,
  bankParams,
  bankSchema,
  errorSchema,
  idParams,
  questionBodySchema,
  questionDetailSchema,
  questionListQuery,
  questionPageSchema,
  questionSaveBodySchema,
} from '@manabi/contract';
import { questionImageLinks } from '../services/question-images.js';

/** Who writes banks and questions: HR for its company, a vendor admin for its vendor (see authorOwner). */
const AUTHORS: readonly Role[] = ['tenant_admin', 'vendor_admin'];
const CATALOG_OWNER = { kind: 'catalog' } as const;

const presentBank = (viewer: Owner) => (b: Bank) => ({
  id: b.id,
  name: b.name,
  owner: b.owner,
  editable: b.owner === viewer.kind,
  ref: refOf(b.owner, b.id),
  questionCount: b.questionCount,
});

/** What the head of a question keeps for lists (derived from the content, in one place). */
export function questionMeta(q: Question): QuestionMeta {
  // Lists show an image as its alt text ("[image: …]"), never the token.
  const stem = imagesAsAlt(pickText(q.stem, 'ja'));
  return {
    type: q.type,
    title: q.title ?? null,
    stemPreview: stem.length > 120 ? `${stem.slice(0, 119)}…` : stem,
    skillTags: [...new Set(q.skillTags)],
    level: q.level,
    irt: q.irt,
  };
}

export const presentQuestion = (h: QuestionHead) => ({
  id: h.id,
  bankId: h.bankId,
  type: h.type,
  title: h.title,
  stemPreview: h.stemPreview,
  skillTags: h.skillTags,
  level: h.level,
  status: h.status,
  latestVersion: h.latestVersion,
  publishedVersion: h.publishedVersion,
  irt: h.irt,
  updatedAt: h.updatedAt,
});

/** Validates question content with the shared model; a bad question is a 400 with a detail per field. */
export function parseQuestion(body: unknown): Question {
  const parsed = questionSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export function registerQuestionRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const loadBank = async (owner: Owner, bankId: string) => {
    const bank = isId(bankId) ? await getBank(deps.data.platform, owner, bankId) : null;
    if (!bank) throw notFound('bank');
    return bank;
  };
  /** A bank the caller reads but does not write: the platform catalog's, or the company's vendor's. */
  const readableBank = async (auth: AuthClaims, bankId: string) => {
    for (const owner of readOnlyOwners(auth)) {
      const bank = isId(bankId) ? await getBank(deps.data.platform, owner, bankId) : null;
      if (bank) return { owner, bank };
    }
    throw notFound('bank');
  };
  const loadQuestion = async (owner: Owner, id: string) => {
    const head = isId(id) ? await getQuestionHead(deps.data.platform, owner, id) : null;
    if (!head) throw notFound('question');
    return head;
  };
  const detail = async (owner: Owner, head: QuestionHead) => {
    // Stored only after questionSchema accepted it.
    const content = (await getQuestionVersion(deps.data.platform, owner, head.id, head.latestVersion)) as Question | null;
    // Signed URLs of the images its text shows (for the editor's preview).
    return { ...presentQuestion(head), content, images: await questionImageLinks(deps, owner, content ? [content] : []) };
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/banks',
      roles: AUTHORS,
      tags: ['questions'],
      summary: 'Question banks: the caller’s own, the platform catalog and the company’s vendor’s (read-only)',
      responses: { 200: json(bankListSchema, 'Banks'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const auth = c.get('auth');
      const owner = authorOwner(auth);
      const lists = await Promise.all([owner, ...readOnlyOwners(auth)].map((o) => listBanks(deps.data.platform, o)));
      return c.json({ items: lists.flat().map(presentBank(owner)) }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/banks',
      roles: AUTHORS,
      tags: ['questions'],
      summary: 'Create a question bank',
      request: { body: jsonBody(bankBodySchema) },
      responses: { 201: json(bankSchema, 'Created'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const owner = authorOwner(c.get('auth'));
      const bank = await createBank(deps.data.platform, owner, randomId(), c.req.valid('json').name, deps.now().toISOString());
      return c.json(presentBank(owner)(bank), 201);
    },
  );

  for (const catalog of [false, true]) {
    app.openapi(
      defineRoute({
        method: 'get',
        path: catalog ? '/api/catalog/banks/{bankId}/questions' : '/api/banks/{bankId}/questions',
        roles: AUTHORS,
        tags: ['questions'],
        summary: catalog
          ? 'Questions of a platform catalog bank or the company’s vendor’s (read-only)'
          : 'Questions of a bank (filter by skill, level, type, status)',
        request: { params: bankParams, query: questionListQuery },
        responses: { 200: json(questionPageSchema, 'One page of questions, most recently changed first'), ...ERROR_RESPONSES },
      }),
      async (c) => {
        const auth = c.get('auth');
        const { bankId } = c.req.valid('param');
        const { owner, bank } = catalog
          ? await readableBank(auth, bankId)
          : { owner: authorOwner(auth), bank: await loadBank(authorOwner(auth), bankId) };
        const { q: text, ...query } = c.req.valid('query');
        const result = await listQuestions(deps.data.platform, owner, bank.id, { ...query, ...(text ? { text } : {}) });
        return c.json({ items: result.items.map(presentQuestion), nextCursor: result.nextCursor }, 200);
      },
    );
  }

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/banks/{bankId}/questions',
      roles: AUTHORS,
      tags: ['questions'],
      summary: 'Add a question (draft unless status is published)',
      request: { params: bankParams, body: jsonBody(questionBodySchema) },
      responses: { 201: json(questionDetailSchema, 'Created'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const owner = authorOwner(c.get('auth'));
      const bank = await loadBank(owner, c.req.valid('param').bankId);
      const content = parseQuestion(c.req.valid('json'));
      const head = await createQuestion(
        deps.data.platform,
        owner,
        { id: randomId(), bankId: bank.id, meta: questionMeta(content), content, publish: content.status === 'published' },
        deps.now().toISOString(),
      );
      return c.json(await detail(owner, head), 201);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/questions/{id}',
      roles: AUTHORS,
      tags: ['questions'],
      summary: 'One question with its latest content (answer key included: HR only)',
      request: { params: idParams },
      responses: { 200: json(questionDetailSchema, 'The question'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const owner = authorOwner(c.get('auth'));
      return c.json(await detail(owner, await loadQuestion(owner, c.req.valid('param').id)), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/questions/{id}',
      roles: AUTHORS,
      tags: ['questions'],
      summary: 'Save new content as the next immutable version (attempts keep the version they showed)',
      request: { params: idParams, body: jsonBody(questionSaveBodySchema) },
      responses: { 200: json(questionDetailSchema, 'Saved'), 409: json(errorSchema, 'Changed meanwhile'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const owner = authorOwner(c.get('auth'));
      const head = await loadQuestion(owner, c.req.valid('param').id);
      const body = c.req.valid('json');
      const content = parseQuestionAt(body.content);
      const saved = await saveQuestionVersion(
        deps.data.platform,
        owner,
        head,
        body.expectedVersion,
        questionMeta(content),
        content,
        deps.now().toISOString(),
      );
      return c.json(await detail(owner, saved), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/questions/{id}/publish',
      roles: AUTHORS,
      tags: ['questions'],
      summary: 'Publish the latest version',
      request: { params: idParams },
      responses: { 200: json(questionDetailSchema, 'Published'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const owner = authorOwner(c.get('auth'));
      const head = await loadQuestion(owner, c.req.valid('param').id);
      return c.json(await detail(owner, await publishQuestion(deps.data.platform, owner, head, deps.now().toISOString())), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/catalog/questions/{id}',
      roles: ['tenant_admin'],
      tags: ['questions'],
      summary: 'A platform catalog question as learners get it, with its key and explanation (read-only: HR previews it before using it)',
      request: { params: idParams },
      responses: { 200: json(questionDetailSchema, 'The published version'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      // Only the platform catalog: a vendor's bank keeps its keys to itself, and the company's own questions have /api/questions/{id}.
      const head = await loadQuestion(CATALOG_OWNER, c.req.valid('param').id);
      if (head.publishedVersion === null) throw notFound('question');
      const content = (await getQuestionVersion(deps.data.platform, CATALOG_OWNER, head.id, head.publishedVersion)) as Question | null;
      // Catalog questions hold no images (the catalog is text content: see question-images.ts).
      return c.json({ ...presentQuestion(head), content, images: [] }, 200);
    },
  );
}

/** Like parseQuestion, with error paths under `content.` (the body's field). */
function parseQuestionAt(body: unknown): Question {
  const parsed = questionSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, 'content');
  return parsed.data;
}
