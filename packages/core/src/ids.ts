/**
 * Opaque ids. Tenant ids are fixed-length and random so that no tenant id is a prefix of
 * another: a key `T#<id>#…` can never be read as belonging to a different tenant.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case
export const ID_LENGTH = 16; // 80 random bits

export function randomId(length: number = ID_LENGTH): string {
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
