import { isId } from '@manabi/core';
import { getTenantAccount, getUser, getVendor, type AuditActor, type TenantAccount } from '@manabi/data';
import type { AppDeps, AuthClaims } from '../env.js';
import { notFound } from '../errors.js';

/** The caller's vendor, from the token only. */
export function vendorOf(auth: AuthClaims): string {
  if (!auth.vendorId) throw notFound('vendor');
  return auth.vendorId;
}

/** One of the caller vendor's client companies; any other company is not found (404). */
export async function ownTenant(deps: Pick<AppDeps, 'data'>, auth: AuthClaims, id: string): Promise<TenantAccount> {
  const t = isId(id) ? await getTenantAccount(deps.data.platform, id) : null;
  if (!t || t.kind !== 'client' || t.vendorId !== vendorOf(auth)) throw notFound('company');
  return t;
}

/** How a vendor admin appears in a company's audit log: their name and their vendor's. */
export async function vendorActor(deps: Pick<AppDeps, 'data'>, auth: AuthClaims): Promise<AuditActor> {
  const [user, vendor] = await Promise.all([
    getUser(deps.data.clientFor({ tenantId: auth.tenantId }), auth.userId),
    getVendor(deps.data.platform, vendorOf(auth)),
  ]);
  return { kind: 'vendor', id: auth.userId, name: `${user?.name ?? ''} (${vendor?.name ?? ''})` };
}
