import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb, TenantDb } from './db.js';
import { cancelledIndexes, isConditionFailure } from './errors.js';
import { keys } from './keys.js';
import { queryAll, writeAtomically } from './transact.js';

/** An issued certificate (修了証): one per person and package, its PDF generated once. */
export interface CertificateRecord {
  userId: string;
  packageId: string;
  /** The verification code (16 Crockford symbols, no separators). */
  code: string;
  issuedAt: string;
  /** The day the package was completed (Japan time). */
  completedOn: string;
  /** As printed, so lists need not read people or packages again. */
  recipientName: string;
  packageTitle: { ja?: string; en?: string };
  /** The PDF in the object store. */
  objectKey: string;
}

const toCertificate = (i: Record<string, unknown>): CertificateRecord => ({
  userId: i.userId as string,
  packageId: i.packageId as string,
  code: i.code as string,
  issuedAt: i.issuedAt as string,
  completedOn: i.completedOn as string,
  recipientName: i.recipientName as string,
  packageTitle: (i.packageTitle as CertificateRecord['packageTitle']) ?? {},
  objectKey: i.objectKey as string,
});

/**
 * Stores a certificate and claims its verification code in one transaction, both only if new:
 * a second issue for the same person and package (a retry, a redelivered stream record) changes
 * nothing and answers 'exists'; a code already taken (astronomically unlikely) answers
 * 'code_taken' so the caller draws another.
 */
export async function putCertificate(db: TenantDb, c: CertificateRecord): Promise<'created' | 'exists' | 'code_taken'> {
  try {
    await writeAtomically(db, [
      {
        Put: {
          TableName: db.table,
          Item: {
            ...keys.certificate(db.tenantId, c.userId, c.packageId),
            ...keys.certificatesOfUser(db.tenantId, c.userId, c.issuedAt, c.packageId),
            ...keys.certificatesOfPackage(db.tenantId, c.packageId, c.issuedAt, c.userId),
            entity: 'certificate',
            tenantId: db.tenantId,
            ...c,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: db.table,
          Item: { ...keys.certificateCode(c.code), entity: 'certificateCode', tenantId: db.tenantId, issuedAt: c.issuedAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
    return 'created';
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return cancelledIndexes(error).includes(0) ? 'exists' : 'code_taken';
  }
}

export async function getCertificate(db: TenantDb, userId: string, packageId: string): Promise<CertificateRecord | null> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.certificate(db.tenantId, userId, packageId), ConsistentRead: true }),
  );
  return out.Item ? toCertificate(out.Item) : null;
}

export async function listCertificatesOfUser(db: TenantDb, userId: string): Promise<CertificateRecord[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.certificatesOfUser(db.tenantId, userId).gsi1pk },
    ScanIndexForward: false,
  });
  return items.map(toCertificate);
}

export async function listCertificatesOfPackage(db: TenantDb, packageId: string): Promise<CertificateRecord[]> {
  const items = await queryAll(db, {
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :p',
    ExpressionAttributeValues: { ':p': keys.certificatesOfPackage(db.tenantId, packageId).gsi2pk },
  });
  return items.map(toCertificate);
}

/** Whether a verification code was issued (the public check learns nothing else). */
export async function certificateCodeExists(db: PlatformDb, code: string): Promise<boolean> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.certificateCode(code), ProjectionExpression: 'pk' }));
  return out.Item !== undefined;
}

// ── Template ───────────────────────────────────────────────────────────────────────────────

/** The company's certificate design as stored: the template itself is validated by @manabi/certificates. */
export interface CertificateTemplateRecord<T = unknown> {
  template: T;
  logoKey: string | null;
  signatureKey: string | null;
  updatedAt: string;
}

export async function getCertificateTemplate<T>(db: TenantDb): Promise<CertificateTemplateRecord<T> | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.certificateTemplate(db.tenantId), ConsistentRead: true }));
  if (!out.Item) return null;
  return {
    template: out.Item.template as T,
    logoKey: (out.Item.logoKey as string | null) ?? null,
    signatureKey: (out.Item.signatureKey as string | null) ?? null,
    updatedAt: out.Item.updatedAt as string,
  };
}

/** Saves the wording, signer and colour; the images are set on their own, so neither overwrites the other. */
export async function saveCertificateTemplate<T>(db: TenantDb, template: T, now: string): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: keys.certificateTemplate(db.tenantId),
      UpdateExpression: 'SET template = :t, updatedAt = :n, entity = :e, tenantId = :tenant',
      ExpressionAttributeValues: { ':t': template, ':n': now, ':e': 'certificateTemplate', ':tenant': db.tenantId },
    }),
  );
}

/**
 * Sets (or, with null, removes) the template's logo or signature; returns the key it replaced so
 * the caller can delete that object. The template's wording is kept, or the default until saved.
 */
export async function setCertificateTemplateImage<T>(
  db: TenantDb,
  kind: 'logo' | 'signature',
  key: string | null,
  defaultTemplate: T,
  now: string,
): Promise<string | null> {
  const field = kind === 'logo' ? 'logoKey' : 'signatureKey';
  const out = await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: keys.certificateTemplate(db.tenantId),
      UpdateExpression: 'SET #f = :k, updatedAt = :n, template = if_not_exists(template, :t), entity = :e, tenantId = :tenant',
      ExpressionAttributeNames: { '#f': field },
      ExpressionAttributeValues: { ':k': key, ':n': now, ':t': defaultTemplate, ':e': 'certificateTemplate', ':tenant': db.tenantId },
      ReturnValues: 'UPDATED_OLD',
    }),
  );
  const old = out.Attributes?.[field];
  return typeof old === 'string' && old !== key ? old : null;
}
