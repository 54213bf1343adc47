import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PlatformDb } from './db.js';
import { keys } from './keys.js';
import { ConflictError, cancelledIndexes, isConditionFailure } from './errors.js';
import { queryAll, writeAtomically, type TransactItem } from './transact.js';
import type { TenantPlan } from './plans.js';

export interface VendorBranding {
  productName: string;
  primaryColor: string;
  /** A second colour (the header stripe and the current page's marker); null: the primary colour. */
  accentColor?: string | null;
  signInText: { ja?: string; en?: string } | null;
  supportEmail: string | null;
  emailSenderName: string | null;
}

export interface Vendor {
  id: string;
  name: string;
  status: 'active' | 'suspended';
  createdAt: string;
  /** The vendor's own company, where its vendor admins sign in. */
  homeTenantId?: string | null;
  branding?: VendorBranding | null;
  /** Hosts that show this vendor's brand (each claimed platform-wide). */
  domains?: string[];
  /** Whether a company may sign itself up on the vendor's hosts. */
  selfSignup?: boolean;
  /** Object keys of the uploaded brand images. */
  logoKey?: string | null;
  faviconKey?: string | null;
  /** Whether client companies may put their own name, colour and logo over the vendor's brand. */
  allowTenantBranding?: boolean;
  /** The plan a company that signs itself up on the vendor's host starts with (null: the default plan). */
  selfSignupPlan?: TenantPlan | null;
  /**
   * The vendor's own sending domain, once it is a verified SES identity: its companies' emails come
   * from no-reply@ it. Null: the platform's sending domain (with the vendor's sender name).
   */
  emailDomain?: string | null;
}

const toVendor = (i: Record<string, unknown>): Vendor => ({
  id: i.id as string,
  name: i.name as string,
  status: i.status as Vendor['status'],
  createdAt: i.createdAt as string,
  homeTenantId: (i.homeTenantId as string | null) ?? null,
  branding: (i.branding as VendorBranding | null) ?? null,
  domains: (i.domains as string[]) ?? [],
  selfSignup: i.selfSignup === true,
  logoKey: (i.logoKey as string | null) ?? null,
  faviconKey: (i.faviconKey as string | null) ?? null,
  allowTenantBranding: i.allowTenantBranding === true,
  selfSignupPlan: (i.selfSignupPlan as TenantPlan | null) ?? null,
  ...(typeof i.emailDomain === 'string' ? { emailDomain: i.emailDomain } : {}),
});

export async function putVendor(db: PlatformDb, vendor: Vendor): Promise<void> {
  await db.doc.send(
    new PutCommand({
      TableName: db.table,
      Item: { ...keys.vendor(vendor.id), ...keys.vendorRegistry(vendor.createdAt, vendor.id), entity: 'vendor', ...vendor },
    }),
  );
}

export async function getVendor(db: PlatformDb, id: string): Promise<Vendor | null> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.vendor(id), ConsistentRead: true }));
  return out.Item ? toVendor(out.Item) : null;
}

export async function listVendors(db: PlatformDb): Promise<Vendor[]> {
  return (
    await queryAll(db, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.vendorRegistry().gsi1pk },
    })
  ).map(toVendor);
}

export async function setVendorFields(db: PlatformDb, id: string, fields: Partial<Omit<Vendor, 'id'>>): Promise<void> {
  const entries = Object.entries(fields);
  await db.doc.send(
    new UpdateCommand({
      TableName: db.table,
      Key: keys.vendor(id),
      UpdateExpression: `SET ${entries.map((_, k) => `#f${k} = :v${k}`).join(', ')}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: Object.fromEntries(entries.map(([f], k) => [`#f${k}`, f])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], k) => [`:v${k}`, v])),
    }),
  );
}

/**
 * Saves a vendor's branding and domains in one transaction: each new host is claimed (a host
 * another vendor holds is a conflict naming its index), released hosts are given up.
 */
export async function saveVendorBranding(
  db: PlatformDb,
  vendor: Vendor,
  next: { branding: VendorBranding; domains: string[]; selfSignup: boolean },
): Promise<void> {
  const before = new Set(vendor.domains ?? []);
  const added = next.domains.filter((d) => !before.has(d));
  const removed = [...before].filter((d) => !next.domains.includes(d));
  const items: TransactItem[] = [
    {
      Update: {
        TableName: db.table,
        Key: keys.vendor(vendor.id),
        UpdateExpression: 'SET branding = :b, domains = :d, selfSignup = :s',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':b': next.branding, ':d': next.domains, ':s': next.selfSignup },
      },
    },
    ...added.map((host): TransactItem => ({
      Put: {
        TableName: db.table,
        Item: { ...keys.domain(host), entity: 'domain', host, vendorId: vendor.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
    ...removed.map((host): TransactItem => ({
      Delete: {
        TableName: db.table,
        Key: keys.domain(host),
        ConditionExpression: 'vendorId = :v',
        ExpressionAttributeValues: { ':v': vendor.id },
      },
    })),
  ];
  try {
    await writeAtomically(db, items);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const failed = cancelledIndexes(error).find((i) => i >= 1 && i <= added.length);
    if (failed !== undefined) {
      const host = added[failed - 1]!;
      throw new ConflictError('domain_taken', `${host} is already in use`, `domains.${next.domains.indexOf(host)}`);
    }
    throw error;
  }
}

/** The vendor whose brand a host shows (null: the platform's own). */
export async function vendorOfHost(db: PlatformDb, host: string): Promise<string | null> {
  if (!host || host.includes('#')) return null;
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.domain(host) }));
  return (out.Item?.vendorId as string | undefined) ?? null;
}

/** Whether the demo seed has completed (a second start keeps the data and seeds nothing). */
export async function isSeeded(db: PlatformDb): Promise<boolean> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.seedMarker(), ConsistentRead: true }));
  return Boolean(out.Item);
}

/** Marks the seed done, once it has written everything. */
export async function markSeeded(db: PlatformDb, now: string): Promise<void> {
  await db.doc.send(new PutCommand({ TableName: db.table, Item: { ...keys.seedMarker(), seededAt: now } }));
}
