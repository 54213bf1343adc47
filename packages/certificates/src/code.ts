/**
 * Verification codes: Crockford base32 (no I, L, O, U, so nothing is misread aloud), 15 random
 * symbols (75 bits: unguessable) and one check symbol, shown in four groups of four
 * (`7K3M-Q9XD-2FPA-W8RC`). A mistyped code fails its check and is "not found" without a lookup.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_SYMBOLS = 15;
export const CODE_LENGTH = RANDOM_SYMBOLS + 1;

/** A stored code: 16 symbols without separators. */
export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16}$/;

function checkSymbol(symbols: string): string {
  // Position-weighted, so swapping two neighbouring symbols changes the check as well.
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum += (i + 1) * ALPHABET.indexOf(symbols[i]!);
  return ALPHABET[sum % 32]!;
}

/** A new code (16 symbols, no separators). `random` fills bytes (Web Crypto by default). */
export function newVerificationCode(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(RANDOM_SYMBOLS));
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps every symbol equally likely.
  const body = Array.from(bytes, (b) => ALPHABET[b % 32]!).join('');
  return body + checkSymbol(body);
}

/** The code as printed and spoken: four groups of four. */
export const formatVerificationCode = (code: string): string => code.match(/.{1,4}/g)!.join('-');

/**
 * What someone typed, as a stored code, or null when it cannot be one: case, spaces and hyphens
 * do not matter, and the letters Crockford reads as digits (O → 0, I/L → 1) are accepted.
 */
export function parseVerificationCode(input: string): string | null {
  if (input.length > 64) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!CODE_PATTERN.test(code)) return null;
  return checkSymbol(code.slice(0, RANDOM_SYMBOLS)) === code[RANDOM_SYMBOLS] ? code : null;
}
