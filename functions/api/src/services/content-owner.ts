import type { Owner } from '@manabi/data';
import type { AuthClaims } from '../env.js';
import { type Detail } from '../errors.js';

/**
 * Whose content the caller authors, from the token only: a vendor admin writes its vendor's
 * banks and packages (offered read-only to its client companies); HR writes its company's.
 */
export function authorOwner(auth: AuthClaims): Owner {
  if (auth.role === 'vendor_admin' && auth.vendorId) return { kind: 'vendor', vendorId: auth.vendorId };
  return { kind: 'tenant', tenantId: auth.tenantId };
}

/** Content the caller may read but not change: the platform catalog, and for a company its vendor's. */
export function readOnlyOwners(auth: AuthClaims): Owner[] {
  const catalog: Owner = { kind: 'catalog' };
  if (auth.role === 'vendor_admin' || !auth.vendorId) return [catalog];
  return [catalog, { kind: 'vendor', vendorId: auth.vendorId }];
}

/**
 * How an assessment or a quiz template names a bank: `catalog:<id>` (the platform's),
 * `vendor:<id>` (the company's vendor's) or a bare id (the author's own).
 */
export function bankRef(ref: string, home: Owner, vendorId: string | null): { owner: Owner; bankId: string } | null {
  if (ref.startsWith('catalog:')) return { owner: { kind: 'catalog' }, bankId: ref.slice(8) };
  if (ref.startsWith('vendor:')) return vendorId ? { owner: { kind: 'vendor', vendorId }, bankId: ref.slice(7) } : null;
  return { owner: home, bankId: ref };
}

/**
 * The reference to a bank (see bankRef). A vendor's bank is `vendor:<id>` from either side, so a
 * quiz template the vendor writes means the same bank in each client company that copies it.
 */
export function refOf(owner: Owner['kind'], bankId: string): string {
  return owner === 'catalog' ? `catalog:${bankId}` : owner === 'vendor' ? `vendor:${bankId}` : bankId;
}

/**
 * A package a vendor offers: its quizzes are templates (the vendor has no assessments; each
 * company that copies the package gets its own), drawing from the vendor's or the catalog's banks.
 * Names each template's banks as the vendor's companies will (in place) and returns the problems found.
 */
export async function vendorPackageProblems(
  pkg: { modules: { kind: string; assessmentId?: string | null; template?: { bankIds: string[] } }[] },
  vendorId: string,
  bankExists: (owner: Owner, bankId: string) => Promise<boolean>,
): Promise<Detail[]> {
  const problems: Detail[] = [];
  for (const [i, m] of pkg.modules.entries()) {
    if (m.kind !== 'quiz') continue;
    if (m.assessmentId) problems.push({ path: `modules.${i}.assessmentId`, message: 'field.vendor_quiz_template' });
    for (const [j, ref] of (m.template?.bankIds ?? []).entries()) {
      const resolved = bankRef(ref.includes(':') ? ref : `vendor:${ref}`, { kind: 'vendor', vendorId }, vendorId);
      if (!resolved || resolved.owner.kind === 'tenant' || !(await bankExists(resolved.owner, resolved.bankId)))
        problems.push({ path: `modules.${i}.template.bankIds.${j}`, message: 'field.not_own_bank' });
      else m.template!.bankIds[j] = refOf(resolved.owner.kind, resolved.bankId);
    }
  }
  return problems;
}
