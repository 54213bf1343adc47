import { createHash } from 'node:crypto';
import {
  canEmbedImage,
  certificateTemplateSchema,
  DEFAULT_TEMPLATE,
  formatVerificationCode,
  newVerificationCode,
  renderCertificatePdf,
  type CertificateImage,
  type CertificateTemplate,
} from '@manabi/certificates';
import { checkBrandImage, extensionOf, tokyoDate } from '@manabi/core';
import type { LearningPackage } from '@manabi/upskilling';
import {
  getAssignmentWithState,
  getCertificate,
  getCertificateTemplate,
  getPackage,
  getTenantAccount,
  getUser,
  objectKeys,
  putCertificate,
  type CertificateRecord,
  type DataAccess,
  type ObjectStore,
  type TenantDb,
} from '@manabi/data';
import { ApiError, brandImageProblem, notFound } from '../errors.js';
import { brandingForTenant, mailContextFor, mailContextOf } from './branding.js';
import { certificateFonts } from './certificate-fonts.js';

/** What issuing needs: the API's deps, or the aggregator's (which runs it from the stream). */
export interface CertificateDeps {
  data: DataAccess;
  objects: ObjectStore;
  config: { publicUrl: string };
  now: () => Date;
}

const ASSET_PREFIX = '/api/assets/';

/** A stored image the PDF can draw (PNG or JPEG; an SVG or WebP brand logo is left out). */
async function imageOf(objects: ObjectStore, key: string | null | undefined): Promise<CertificateImage | null> {
  if (!key) return null;
  const object = await objects.get(key);
  if (!object || (object.contentType !== 'image/png' && object.contentType !== 'image/jpeg')) return null;
  return { bytes: object.body, type: object.contentType };
}

/** The company's saved template (the default until HR saves one) and its image keys: no image is read. */
export async function certificateTemplateOf(db: TenantDb) {
  const stored = await getCertificateTemplate<CertificateTemplate>(db);
  const parsed = certificateTemplateSchema.safeParse(stored?.template);
  return {
    template: parsed.success ? parsed.data : DEFAULT_TEMPLATE,
    logoKey: stored?.logoKey ?? null,
    signatureKey: stored?.signatureKey ?? null,
    updatedAt: stored?.updatedAt ?? null,
  };
}

/** Where the public verification page is: the vendor's own domain for a white-labelled company. */
export const certificateBaseUrl = async (deps: CertificateDeps, tenantId: string) => (await mailContextFor(deps, tenantId)).baseUrl;

/** Everything a certificate of the company is drawn with: template, images, brand, company, base URL. */
export async function certificateDesign(deps: CertificateDeps, db: TenantDb) {
  const [stored, { branding, vendor }, tenant] = await Promise.all([
    certificateTemplateOf(db),
    brandingForTenant(deps, db.tenantId),
    getTenantAccount(deps.data.platform, db.tenantId),
  ]);
  const brandLogoKey = branding.logoUrl?.startsWith(ASSET_PREFIX) ? branding.logoUrl.slice(ASSET_PREFIX.length) : null;
  const [templateLogo, signature, brandLogo] = await Promise.all([
    imageOf(deps.objects, stored.logoKey),
    imageOf(deps.objects, stored.signatureKey),
    imageOf(deps.objects, brandLogoKey),
  ]);
  return {
    ...stored,
    companyName: tenant?.name ?? '',
    brand: { name: branding.productName, color: branding.primaryColor, logo: templateLogo ?? brandLogo },
    signature,
    baseUrl: mailContextOf(deps.config, vendor).baseUrl,
  };
}

export type CertificateDesign = Awaited<ReturnType<typeof certificateDesign>>;

export const verifyUrlOf = (baseUrl: string, code: string) => `${baseUrl}/verify/${formatVerificationCode(code)}`;

/** Draws a certificate with a design (the template may be a draft HR is previewing). */
export async function drawCertificate(
  design: CertificateDesign,
  template: CertificateTemplate,
  c: { recipientName: string; packageTitle: { ja?: string; en?: string }; completedOn: string; code: string; issuedAt: Date },
): Promise<Uint8Array> {
  return renderCertificatePdf(
    {
      template,
      brand: design.brand,
      signature: design.signature,
      companyName: design.companyName,
      verifyUrl: verifyUrlOf(design.baseUrl, c.code),
      ...c,
    },
    await certificateFonts(),
  );
}

/** A sample certificate of the design (HR's preview): sample person, the code of nobody. */
export async function previewCertificate(deps: CertificateDeps, db: TenantDb, draft?: CertificateTemplate): Promise<Uint8Array> {
  const design = await certificateDesign(deps, db);
  const now = deps.now();
  return drawCertificate(design, draft ?? design.template, {
    recipientName: '山田 花子',
    packageTitle: { ja: '新入社員研修（サンプル）', en: 'New employee training (sample)' },
    completedOn: tokyoDate(now),
    code: '0000000000000000',
    issuedAt: now,
  });
}

/**
 * Issues the certificate of a completed assignment, once: an existing one is returned as it is.
 * The PDF is generated now and stored, so every download is the same file. Racing issuers (a
 * redelivered stream record) meet at the conditional put keyed by person and package; the loser
 * removes its own PDF. Returns null while the assignment is not completed.
 */
export async function issueCertificate(
  deps: CertificateDeps,
  db: TenantDb,
  userId: string,
  packageId: string,
): Promise<CertificateRecord | null> {
  const existing = await getCertificate(db, userId, packageId);
  if (existing) return existing;
  const [found, user, pkg] = await Promise.all([
    getAssignmentWithState(db, userId, packageId),
    getUser(db, userId),
    getPackage<LearningPackage>(deps.data.platform, { kind: 'tenant', tenantId: db.tenantId }, packageId),
  ]);
  if (found?.state?.status !== 'completed' || !user || !pkg) return null;
  const design = await certificateDesign(deps, db);
  const issuedAt = deps.now();
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = newVerificationCode();
    const record: CertificateRecord = {
      userId,
      packageId,
      code,
      issuedAt: issuedAt.toISOString(),
      completedOn: tokyoDate(found.state.completedAt ?? issuedAt),
      recipientName: user.name,
      packageTitle: pkg.package.title,
      objectKey: objectKeys.certificatePdf(db.tenantId, code),
    };
    const pdf = await drawCertificate(design, design.template, { ...record, issuedAt });
    await deps.objects.put(record.objectKey, { body: pdf, contentType: 'application/pdf' });
    // The verification code is a platform item, claimed with the certificate (an identity session).
    const outcome = await putCertificate(deps.data.identityFor({ tenantId: db.tenantId }), record);
    if (outcome === 'created') return record;
    await deps.objects.delete(record.objectKey);
    if (outcome === 'exists') return getCertificate(db, userId, packageId);
  }
  throw new Error('Could not claim a verification code');
}

/** The stored PDF of a certificate. */
export async function certificatePdf(objects: ObjectStore, c: CertificateRecord): Promise<Uint8Array> {
  const object = await objects.get(c.objectKey);
  if (!object) throw notFound('certificate');
  return object.body;
}

/** Checks and stores a template image (PNG or JPEG: what a PDF can draw); returns its key. */
export async function storeCertificateImage(
  deps: { objects: ObjectStore },
  tenantId: string,
  kind: 'logo' | 'signature',
  bytes: Uint8Array,
  declaredType: string,
): Promise<string> {
  const checked = checkBrandImage(bytes, declaredType, ['image/png', 'image/jpeg']);
  if ('code' in checked) throw brandImageProblem(checked, kind);
  // A file that looks like a PNG or JPEG but cannot be drawn would break every certificate later.
  if (!(await canEmbedImage({ bytes, type: checked.type as CertificateImage['type'] })))
    throw new ApiError(400, 'invalid_image', 'invalid_image', [{ path: kind, message: 'invalid_image' }]);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const key = objectKeys.certificateImage(tenantId, kind, hash, extensionOf(checked.type));
  await deps.objects.put(key, { body: bytes, contentType: checked.type });
  return key;
}

/** A file name that is safe everywhere and still says whose certificate it is: `<name>_<code>.pdf`. */
export function certificateFileName(c: Pick<CertificateRecord, 'recipientName' | 'code'>): string {
  const name = c.recipientName
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 60);
  return `${name || 'certificate'}_${formatVerificationCode(c.code)}.pdf`;
}
