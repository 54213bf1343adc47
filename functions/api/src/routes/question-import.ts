import { authorOwner } from '../services/content-owner.js';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { isId, LOCALES, localeSchema, randomId, type Locale, type Role } from '@manabi/core';
import {
  parseGift,
  parseMoodleXml,
  parseQti,
  parseQuestionCsv,
  exportGift,
  exportMoodleXml,
  exportQti,
  exportQuestionCsv,
  decodeText,
  isZip,
  parseQtiPackage,
  textPreview,
  TEXT_ENCODINGS,
  type ExportIssue,
  type ImportIssue,
  type ImportResult,
  type Question,
} from '@manabi/questions';
import { strToU8, zipSync } from 'fflate';
import { createQuestions, getBank, getQuestionVersion, listQuestions, type Owner } from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { acceptedLocale, ApiError, notFound } from '../errors.js';
import { BODY_LIMITS, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json } from '../schemas.js';
import { uploadFileSchema } from '@manabi/contract';
import { questionMeta } from './questions.js';
import { type MessageKey } from '../error-messages.js';
import { exportImagesOf, importImagesReport, withStoredImages } from '../services/question-images.js';
import { questionMessage } from '../services/question-messages.js';

const AUTHORS: readonly Role[] = ['tenant_admin', 'vendor_admin'];
const MAX_BYTES = 5 * 1024 * 1024;
const FORMATS = ['csv', 'gift', 'moodle_xml', 'qti21'] as const;

const issueSchema = z.object({
  item: z.union([z.number(), z.string()]).openapi({ description: 'Item number, or "file" / "header" for the whole file' }),
  line: z.number().nullable(),
  code: z
    .string()
    .openapi({ description: 'unreadable, unsupported_type, unsupported_feature, syntax, invalid; warnings dropped, suspicious, file' }),
  key: z.string().openapi({ description: 'The message’s key in the question message catalog (stable)' }),
  message: z.string().openapi({ description: 'What happened and what to do, in the request’s language (Accept-Language)' }),
});

const reportSchema = z
  .object({
    mode: z.enum(['preview', 'commit']),
    format: z.enum(FORMATS),
    total: z.number().int(),
    imported: z.number().int(),
    errors: z.array(issueSchema),
    warnings: z.array(issueSchema),
    encoding: z
      .object({
        name: z.enum(TEXT_ENCODINGS),
        source: z.enum(['chosen', 'bom', 'declaration', 'utf8', 'detected']),
        guessed: z.boolean().openapi({ description: 'Detected among encodings that fit the bytes: check textPreview' }),
        declarationIgnored: z.string().nullable().openapi({ description: 'An XML encoding declaration the bytes did not fit' }),
      })
      .nullable()
      .openapi({ description: 'How the file was decoded (null for a QTI content package: each item file is decoded on its own)' }),
    textPreview: z.string().openapi({ description: 'The start of the decoded text, to check the encoding' }),
    images: z
      .object({
        count: z.number().int(),
        bytes: z.number().int(),
        items: z.array(z.object({ item: z.number().int(), name: z.string(), contentType: z.string(), size: z.number().int() })),
      })
      .openapi({ description: 'Images the imported questions show (stored on commit, once each)' }),
    preview: z.array(
      z.object({
        item: z.number(),
        type: z.string(),
        title: z.string().nullable(),
        stemPreview: z.string(),
        skillTags: z.array(z.string()),
        language: z.enum(LOCALES),
      }),
    ),
  })
  .openapi('QuestionImportReport');

function parse(format: (typeof FORMATS)[number], text: string, options: Parameters<typeof parseGift>[1]): ImportResult {
  switch (format) {
    case 'csv':
      return parseQuestionCsv(text, options);
    case 'gift':
      return parseGift(text, options);
    case 'moodle_xml':
      return parseMoodleXml(text, options);
    case 'qti21':
      return parseQti(text, options);
  }
}

const issue = (i: ImportIssue, locale: Locale) => ({
  item: i.item,
  line: i.line ?? null,
  code: i.code,
  key: i.key,
  message: [
    i.name ? (locale === 'ja' ? `「${i.name}」` : `"${i.name}": `) : '',
    i.column ? `[${i.column}] ` : '',
    questionMessage(i, locale),
  ].join(''),
});

const exportNote = (w: ExportIssue, locale: Locale) => ({
  index: w.index,
  ...(w.title ? { title: w.title } : {}),
  code: w.code,
  key: w.key,
  message: questionMessage(w, locale),
});

export function registerQuestionImportRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const bankParams = z.object({ bankId: z.string().openapi({ param: { name: 'bankId', in: 'path' } }) });

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/banks/{bankId}/import',
      bodyLimit: BODY_LIMITS.import,
      roles: AUTHORS,
      tags: ['questions'],
      summary: 'Import questions (CSV, Moodle GIFT, Moodle XML, QTI 2.1/2.2/3.0 items or content packages): preview, then commit',
      description: 'Every item that is not imported is listed in errors with its reason; nothing is dropped silently.',
      request: {
        params: bankParams,
        query: z.object({
          format: z.enum(FORMATS),
          mode: z.enum(['preview', 'commit']).default('preview'),
          locale: z
            .enum(['auto', ...LOCALES])
            .default('auto')
            .openapi({ description: 'Language of the questions; auto reads each item’s script (kana/kanji → ja, Latin → en)' }),
          encoding: z.enum(TEXT_ENCODINGS).optional().openapi({ description: 'Read the file in this encoding instead of detecting it' }),
        }),
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                file: uploadFileSchema,
                publish: z.enum(['true', 'false']).optional(),
              }),
            },
          },
        },
      },
      responses: { 200: json(reportSchema, 'What was (or would be) imported, and every item that was not'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const owner: Owner = authorOwner(c.get('auth'));
      const { bankId } = c.req.valid('param');
      const bank = isId(bankId) ? await getBank(deps.data.platform, owner, bankId) : null;
      if (!bank) throw notFound('bank');
      const { format, mode, locale, encoding } = c.req.valid('query');
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const file = form.file;
      if (!(file instanceof File)) throw fileError('validation_error.multipart_file');
      if (file.size > MAX_BYTES) throw fileError('validation_error.file_over_5mb');
      const bytes = new Uint8Array(await file.arrayBuffer());
      // A QTI content package (zip) is read whole: its manifest names the item files.
      const packaged = format === 'qti21' && isZip(bytes);
      const decoded = packaged ? null : decodeText(bytes, encoding);
      const publish = form.publish === 'true';
      // A CSV names its languages in its columns; "auto" there means the person's language.
      // The report is read on the page that sent the file, so it is worded in that page's language.
      const fallbackLocale: Locale = acceptedLocale(c.req.header('accept-language'));
      const textLocale = format === 'csv' && locale === 'auto' ? fallbackLocale : locale;
      const options = {
        locale: textLocale,
        fallbackLocale,
        status: publish ? ('published' as const) : ('draft' as const),
        fileName: file.name,
      };
      const result = decoded ? parse(format, decoded.text, options) : parseQtiPackage(bytes, options);
      if (mode === 'commit' && result.questions.length > 0) {
        const questions = await withStoredImages(deps, owner, result, c.get('auth').userId);
        await createQuestions(
          deps.data.platform,
          owner,
          questions.map((q) => ({ id: randomId(), bankId: bank.id, meta: questionMeta(q), content: q, publish })),
          deps.now().toISOString(),
        );
      }
      c.header('Content-Language', fallbackLocale);
      return c.json(
        {
          mode,
          format,
          total: result.total,
          imported: result.questions.length,
          errors: result.errors.map((i) => issue(i, fallbackLocale)),
          warnings: result.warnings.map((i) => issue(i, fallbackLocale)),
          encoding: decoded
            ? {
                name: decoded.encoding,
                source: decoded.source,
                guessed: decoded.guessed,
                declarationIgnored: decoded.declarationIgnored ?? null,
              }
            : null,
          textPreview: decoded ? textPreview(decoded.text) : '',
          images: importImagesReport(result.images),
          preview: result.questions.slice(0, 50).map((q) => ({
            item: q.sourceRef.item,
            type: q.type,
            title: q.title ?? null,
            stemPreview: questionMeta(q).stemPreview,
            skillTags: q.skillTags,
            language: q.stem.en !== undefined && q.stem.ja === undefined ? ('en' as const) : ('ja' as const),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/banks/{bankId}/export',
      roles: AUTHORS,
      tags: ['questions'],
      summary:
        'Export a bank’s questions (latest versions): CSV, GIFT, Moodle XML, or a QTI 2.1 or 3.0 content package (zip); warnings in x-export-warnings',
      request: {
        params: bankParams,
        query: z.object({ format: z.enum(['csv', 'gift', 'moodle_xml', 'qti21', 'qti3']), locale: localeSchema.default('ja') }),
      },
      responses: {
        200: {
          description: 'The file: CSV (csv), GIFT text (gift), Moodle XML (moodle_xml) or a QTI content package (qti21, qti3)',
          content: {
            'text/csv': { schema: z.string() },
            'text/plain': { schema: z.string() },
            'application/xml': { schema: z.string() },
            'application/zip': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const owner: Owner = authorOwner(c.get('auth'));
      const { bankId } = c.req.valid('param');
      const bank = isId(bankId) ? await getBank(deps.data.platform, owner, bankId) : null;
      if (!bank) throw notFound('bank');
      const { format, locale } = c.req.valid('query');
      const questions: Question[] = [];
      let cursor: string | undefined;
      do {
        const page = await listQuestions(deps.data.platform, owner, bank.id, { limit: 200, cursor });
        for (const head of page.items)
          questions.push((await getQuestionVersion(deps.data.platform, owner, head.id, head.latestVersion)) as Question);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      // What a format cannot hold is reported per question in a header (as JSON), never dropped silently.
      // Worded in the language of the page that asked (the file's language is `locale`).
      const uiLocale = acceptedLocale(c.req.header('accept-language'));
      const report = (warnings: ExportIssue[]) =>
        c.header('x-export-warnings', encodeURIComponent(JSON.stringify(warnings.map((w) => exportNote(w, uiLocale)))));
      // Moodle XML and QTI packages carry the images the questions show (read from the owner's store).
      const images =
        format === 'moodle_xml' || format === 'qti21' || format === 'qti3' ? await exportImagesOf(deps, owner, questions) : undefined;
      if (format === 'qti21' || format === 'qti3') {
        const out = exportQti(questions, { locale, version: format === 'qti3' ? '3.0' : '2.1', ...(images ? { images } : {}) });
        report(out.warnings);
        const zip = zipSync({
          'imsmanifest.xml': strToU8(out.manifest),
          ...Object.fromEntries(out.files.map((f) => [f.name, strToU8(f.text)])),
          ...Object.fromEntries(out.files.flatMap((f) => (f.images ?? []).map((i) => [i.name, i.bytes]))),
        });
        c.header('content-type', 'application/zip');
        c.header('content-disposition', `attachment; filename="questions-${bank.id}-${format}.zip"`);
        return c.body(zip.slice().buffer as ArrayBuffer, 200);
      }
      const out =
        format === 'csv'
          ? exportQuestionCsv(questions)
          : format === 'gift'
            ? exportGift(questions, { locale })
            : exportMoodleXml(questions, { locale, ...(images ? { images } : {}) });
      report(out.warnings);
      const ext = { csv: 'csv', gift: 'gift.txt', moodle_xml: 'moodle.xml' }[format];
      const type = { csv: 'text/csv', gift: 'text/plain', moodle_xml: 'application/xml' }[format];
      c.header('content-type', `${type}; charset=utf-8`);
      c.header('content-disposition', `attachment; filename="questions-${bank.id}.${ext}"`);
      return c.body((format === 'csv' ? '\uFEFF' : '') + out.text, 200);
    },
  );
}

const fileError = (message: MessageKey) => new ApiError(400, 'validation_error', message, [{ path: 'file', message }]);
