import type { BankOwner, PackageOwner, QuestionBank, Role } from '../api/types';

/**
 * Where a bank or a package comes from, as its reader sees it: the caller's own (a company's for
 * HR, the vendor's for a vendor admin), the company's provider (its vendor) or the platform catalog.
 */
export type ContentSource = 'own' | 'provider' | 'catalog';

/** Whose content the signed-in person writes: HR its company's, a vendor admin its vendor's. */
export function authorOwner(role: Role | null | undefined): 'tenant' | 'vendor' {
  return role === 'vendor_admin' ? 'vendor' : 'tenant';
}

/** A package is the caller's own (editable) when it belongs to whoever the caller writes for. */
export function ownsPackage(owner: PackageOwner, role: Role | null | undefined): boolean {
  return owner === authorOwner(role);
}

/** The source label of a bank or package: own when the caller may edit it, else by its owner. */
export function contentSource(owner: BankOwner | PackageOwner, editable: boolean): ContentSource {
  if (editable) return 'own';
  if (owner === 'vendor') return 'provider';
  if (owner === 'catalog') return 'catalog';
  return 'own';
}

const SOURCE_ORDER: Record<ContentSource, number> = { own: 0, provider: 1, catalog: 2 };

/** Own content first, then the provider's, then the platform catalog's. */
export function sourceRank(source: ContentSource): number {
  return SOURCE_ORDER[source];
}

/** A bank's source label. */
export const bankSource = (bank: Pick<QuestionBank, 'owner' | 'editable'>): ContentSource => contentSource(bank.owner, bank.editable);

/**
 * The option value a stored bank reference stands for. Options are the API's `ref`s; a value
 * stored before (`catalog:<id>`, a bare id of one's own bank) is matched to its bank's `ref`, and
 * anything unknown is kept as it is so that nothing is silently dropped.
 */
export function matchBankRef(value: string, banks: readonly Pick<QuestionBank, 'id' | 'ref' | 'editable'>[]): string {
  if (!value || banks.some((bank) => bank.ref === value)) return value;
  const own = banks.find((bank) => bank.editable && bank.id === value);
  return own ? own.ref : value;
}
