/**
 * Opaque ids. Tenant ids are fixed-length and random so that no tenant id is a prefix of
 * another: a key `T#<id>#…` can never be read as belonging to a different tenant.
 */
export const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case
const ALPHABET = ID_ALPHABET;
export const ID_LENGTH = 16; // 80 random bits

/** Where ids come from in the current context, if not from crypto (see `useIdSource`). */
let contextualSource: (() => ((length: number) => string) | undefined) | undefined;

/**
 * Lets a runtime hand out ids from a seeded sequence inside one context: the local demo seed
 * runs under an async context of its own, so the same demo company (ids included, hence the same
 * test draws) comes out on every machine, while requests outside that context keep crypto ids.
 * Nothing in the cloud calls this.
 */
export function useIdSource(lookup: () => ((length: number) => string) | undefined): void {
  contextualSource = lookup;
}

export function randomId(length: number = ID_LENGTH): string {
  const seeded = contextualSource?.();
  if (seeded) return seeded(length);
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

export const ID_PATTERN = new RegExp(`^[${ALPHABET}]{${ID_LENGTH}}$`);

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

export const newTenantId = (): string => randomId();
export const newUserId = (): string => randomId();
export const newDepartmentId = (): string => randomId();
