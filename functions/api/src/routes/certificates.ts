import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { Zip, ZipPassThrough } from 'fflate';
import type { Context } from 'hono';
import { certificateTemplateSchema, DEFAULT_TEMPLATE, formatVerificationCode, parseVerificationCode } from '@manabi/certificates';
import { isId, type Role } from '@manabi/core';
import {
  certificateCodeExists,
  getCertificate,
  getPackage,
  getTenantAccount,
  listCertificatesOfPackage,
  listCertificatesOfUser,
  saveCertificateTemplate,
  setCertificateTemplateImage,
  type CertificateRecord,
} from '@manabi/data';
import type { AppDeps, AppEnv } from '../env.js';
import { notFound, validationError } from '../errors.js';
import { BODY_LIMITS, defineRoute, ERROR_RESPONSES } from '../openapi.js';
import { json, jsonBody } from '../schemas.js';
import { certificateListSchema, certificateTemplateViewSchema, certificateVerificationSchema } from '@manabi/contract';
import { brandingForTenant } from '../services/branding.js';
import {
  certificateBaseUrl,
  certificateFileName,
  certificatePdf,
  certificateTemplateOf,
  previewCertificate,
  storeCertificateImage,
  verifyUrlOf,
} from '../services/certificates.js';
import { readImageBody } from './image-body.js';

const HR: readonly Role[] = ['tenant_admin'];
const MEMBERS: readonly Role[] = ['tenant_admin', 'manager', 'learner'];

const pdfResponse = {
  200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
};
const pkgParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const imageParams = z.object({ kind: z.enum(['logo', 'signature']).openapi({ param: { name: 'kind', in: 'path' } }) });

/** `attachment` with the readable UTF-8 name and an ASCII fallback for old clients. */
function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function pdf(c: Context, bytes: Uint8Array, disposition: string) {
  c.header('content-type', 'application/pdf');
  c.header('content-disposition', disposition);
  c.header('cache-control', 'private, no-store');
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
}

/**
 * Certificates (修了証): the learner's own and their PDFs; HR's template (wording, signer, logo,
 * signature) with a sample preview, a package's certificates and all of them as one zip; and the
 * public check of a verification code, which answers valid or not and nothing else.
 */
export function registerCertificateRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const baseUrlOf = (tenantId: string) => certificateBaseUrl(deps, tenantId);
  const present = (r: CertificateRecord, baseUrl: string) => ({
    userId: r.userId,
    packageId: r.packageId,
    code: formatVerificationCode(r.code),
    issuedAt: r.issuedAt,
    completedOn: r.completedOn,
    recipientName: r.recipientName,
    packageTitle: r.packageTitle,
    verifyUrl: verifyUrlOf(baseUrl, r.code),
  });

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/certificates',
      roles: MEMBERS,
      tags: ['certificates'],
      summary: 'My certificates, newest first',
      responses: { 200: json(certificateListSchema, 'Certificates'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { tenantId, userId } = c.get('auth');
      const db = deps.data.clientFor({ tenantId });
      const [items, baseUrl] = await Promise.all([listCertificatesOfUser(db, userId), baseUrlOf(tenantId)]);
      return c.json({ items: items.map((r) => present(r, baseUrl)) }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/me/certificates/{packageId}/pdf',
      roles: MEMBERS,
      tags: ['certificates'],
      summary: 'Download my certificate of a package',
      request: { params: z.object({ packageId: z.string().openapi({ param: { name: 'packageId', in: 'path' } }) }) },
      responses: { ...pdfResponse, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { tenantId, userId } = c.get('auth');
      const { packageId } = c.req.valid('param');
      const cert = isId(packageId) ? await getCertificate(deps.data.clientFor({ tenantId }), userId, packageId) : null;
      if (!cert) throw notFound('certificate');
      return pdf(c, await certificatePdf(deps.objects, cert), attachment(certificateFileName(cert), `certificate_${cert.code}.pdf`));
    },
  );

  // ── HR: the template ─────────────────────────────────────────────────────────────────────
  const templateOf = async (tenantId: string) => {
    const [stored, { branding }, tenant] = await Promise.all([
      certificateTemplateOf(deps.data.clientFor({ tenantId })),
      brandingForTenant(deps, tenantId),
      getTenantAccount(deps.data.platform, tenantId),
    ]);
    return {
      template: stored.template,
      hasLogo: stored.logoKey !== null,
      hasSignature: stored.signatureKey !== null,
      brand: { name: branding.productName, color: branding.primaryColor },
      companyName: tenant?.name ?? '',
      updatedAt: stored.updatedAt,
    };
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/certificate-template',
      roles: HR,
      tags: ['certificates'],
      summary: 'The company’s certificate template (the default until HR saves one)',
      responses: { 200: json(certificateTemplateViewSchema, 'Template'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await templateOf(c.get('auth').tenantId), 200),
  );

  const parseTemplate = (body: unknown) => {
    const parsed = certificateTemplateSchema.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error);
    return parsed.data;
  };

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/certificate-template',
      roles: HR,
      tags: ['certificates'],
      summary: 'Save the wording (ja/en, placeholders {name} {package} {date} {company}), languages, signer and colour',
      request: { body: jsonBody(certificateTemplateSchema) },
      responses: { 200: json(certificateTemplateViewSchema, 'Template'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { tenantId } = c.get('auth');
      const template = parseTemplate(c.req.valid('json'));
      await saveCertificateTemplate(deps.data.clientFor({ tenantId }), template, deps.now().toISOString());
      return c.json(await templateOf(tenantId), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'post',
      path: '/api/certificate-template/preview',
      roles: HR,
      tags: ['certificates'],
      summary: 'A sample certificate of a draft template (not saved) with the company’s brand and images',
      request: { body: jsonBody(certificateTemplateSchema) },
      responses: { ...pdfResponse, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { tenantId } = c.get('auth');
      const draft = parseTemplate(c.req.valid('json'));
      const bytes = await previewCertificate(deps, deps.data.clientFor({ tenantId }), draft);
      return pdf(c, bytes, 'inline; filename="certificate-preview.pdf"');
    },
  );

  app.openapi(
    defineRoute({
      method: 'put',
      path: '/api/certificate-template/{kind}',
      bodyLimit: BODY_LIMITS.image,
      roles: HR,
      tags: ['certificates'],
      summary: 'Upload the certificate’s logo or signature (PNG or JPEG as the body; at most 256 KB)',
      request: { params: imageParams, body: { content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } } },
      responses: { 200: json(certificateTemplateViewSchema, 'Template'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { tenantId } = c.get('auth');
      const { kind } = c.req.valid('param');
      const { bytes, type } = await readImageBody(c, kind);
      const key = await storeCertificateImage(deps, tenantId, kind, bytes, type);
      const old = await setCertificateTemplateImage(
        deps.data.clientFor({ tenantId }),
        kind,
        key,
        DEFAULT_TEMPLATE,
        deps.now().toISOString(),
      );
      if (old) await deps.objects.delete(old);
      return c.json(await templateOf(tenantId), 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'delete',
      path: '/api/certificate-template/{kind}',
      roles: HR,
      tags: ['certificates'],
      summary: 'Remove the certificate’s logo (the brand’s shows again) or signature',
      request: { params: imageParams },
      responses: { 200: json(certificateTemplateViewSchema, 'Template'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { tenantId } = c.get('auth');
      const { kind } = c.req.valid('param');
      const old = await setCertificateTemplateImage(
        deps.data.clientFor({ tenantId }),
        kind,
        null,
        DEFAULT_TEMPLATE,
        deps.now().toISOString(),
      );
      if (old) await deps.objects.delete(old);
      return c.json(await templateOf(tenantId), 200);
    },
  );

  // ── HR: a package's certificates ─────────────────────────────────────────────────────────
  const packageCertificates = async (tenantId: string, packageId: string) => {
    const db = deps.data.clientFor({ tenantId });
    const pkg = isId(packageId) ? await getPackage(deps.data.platform, { kind: 'tenant', tenantId }, packageId) : null;
    if (!pkg) throw notFound('package');
    return listCertificatesOfPackage(db, packageId);
  };

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/packages/{id}/certificates',
      roles: HR,
      tags: ['certificates'],
      summary: 'The certificates issued for a package, oldest first',
      request: { params: pkgParams },
      responses: { 200: json(certificateListSchema, 'Certificates'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { tenantId } = c.get('auth');
      const [items, baseUrl] = await Promise.all([packageCertificates(tenantId, c.req.valid('param').id), baseUrlOf(tenantId)]);
      return c.json({ items: items.map((r) => present(r, baseUrl)) }, 200);
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/packages/{id}/certificates/{userId}/pdf',
      roles: HR,
      tags: ['certificates'],
      summary: 'Download one person’s certificate of a package',
      request: { params: pkgParams.extend({ userId: z.string().openapi({ param: { name: 'userId', in: 'path' } }) }) },
      responses: { ...pdfResponse, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { tenantId } = c.get('auth');
      const { id, userId } = c.req.valid('param');
      const cert = isId(id) && isId(userId) ? await getCertificate(deps.data.clientFor({ tenantId }), userId, id) : null;
      if (!cert) throw notFound('certificate');
      return pdf(c, await certificatePdf(deps.objects, cert), attachment(certificateFileName(cert), `certificate_${cert.code}.pdf`));
    },
  );

  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/packages/{id}/certificates.zip',
      roles: HR,
      tags: ['certificates'],
      summary: 'Every certificate of a package in one zip (`<name>_<code>.pdf`), streamed one PDF at a time',
      request: { params: pkgParams },
      responses: {
        200: { description: 'The zip', content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { tenantId } = c.get('auth');
      const { id } = c.req.valid('param');
      const certificates = await packageCertificates(tenantId, id);
      // PDFs are compressed already: stored as they are, each read and written before the next.
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          const zip = new Zip((error, chunk, final) => {
            if (error) return controller.error(error);
            controller.enqueue(chunk);
            if (final) controller.close();
          });
          try {
            for (const cert of certificates) {
              const file = new ZipPassThrough(certificateFileName(cert));
              zip.add(file);
              file.push(await certificatePdf(deps.objects, cert), true);
            }
            zip.end();
          } catch (error) {
            controller.error(error);
          }
        },
      });
      c.header('content-type', 'application/zip');
      c.header('content-disposition', attachment(`certificates_${id}.zip`, `certificates_${id}.zip`));
      c.header('cache-control', 'private, no-store');
      return c.body(stream, 200);
    },
  );

  // ── Public: verification ─────────────────────────────────────────────────────────────────
  app.openapi(
    defineRoute({
      method: 'get',
      path: '/api/certificates/verify/{code}',
      roles: 'public',
      tags: ['certificates'],
      summary: 'Whether a certificate with this code was issued: the same small answer for every code, nothing about whose it is',
      request: { params: z.object({ code: z.string().openapi({ param: { name: 'code', in: 'path' } }) }) },
      responses: { 200: json(certificateVerificationSchema, 'Validity'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const code = parseVerificationCode(c.req.valid('param').code);
      // A code failing its check symbol is answered without a read; the answer may be cached, so
      // repeated checks (a printed QR-less URL typed in again) cost nothing.
      const valid = code !== null && (await certificateCodeExists(deps.data.platform, code));
      c.header('cache-control', 'public, max-age=300');
      return c.json({ valid }, 200);
    },
  );
}
