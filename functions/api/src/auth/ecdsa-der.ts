/**
 * ECDSA signatures as KMS returns them (ASN.1 DER: `SEQUENCE { INTEGER r, INTEGER s }`) turned into
 * what JWS ES256 needs (RFC 7518 §3.4: r and s as 32-byte big-endian numbers, concatenated).
 *
 * DER integers are minimal two's complement: a value whose top bit is set gets a leading 0x00, and
 * a value with leading zero bytes loses them (so r or s may be shorter than 32 bytes). Anything
 * else (wrong tags, lengths that disagree, trailing bytes, a negative or oversized number) is
 * refused rather than guessed at.
 */
export function derToJoseSignature(der: Uint8Array, size = 32): Uint8Array {
  let at = 0;
  const byte = (): number => {
    if (at >= der.length) throw new Error('DER signature: truncated');
    return der[at++]!;
  };
  const length = (): number => {
    const first = byte();
    if (first < 0x80) return first;
    // Long form (0x81 nn): a P-256 signature never needs it, but a larger curve or a padded encoder may.
    if (first !== 0x81) throw new Error('DER signature: unsupported length');
    return byte();
  };
  const integer = (): Uint8Array => {
    if (byte() !== 0x02) throw new Error('DER signature: expected INTEGER');
    const len = length();
    if (len === 0 || at + len > der.length) throw new Error('DER signature: bad INTEGER length');
    let value = der.subarray(at, at + len);
    at += len;
    if (value[0]! & 0x80) throw new Error('DER signature: negative INTEGER');
    if (value.length > 1 && value[0] === 0 && !(value[1]! & 0x80)) throw new Error('DER signature: non-minimal INTEGER');
    while (value.length > 0 && value[0] === 0) value = value.subarray(1);
    if (value.length > size) throw new Error('DER signature: INTEGER too large');
    const out = new Uint8Array(size);
    out.set(value, size - value.length);
    return out;
  };

  if (byte() !== 0x30) throw new Error('DER signature: expected SEQUENCE');
  const seqLength = length();
  if (at + seqLength !== der.length) throw new Error('DER signature: SEQUENCE length does not match');
  const r = integer();
  const s = integer();
  if (at !== der.length) throw new Error('DER signature: trailing bytes');
  const jose = new Uint8Array(size * 2);
  jose.set(r, 0);
  jose.set(s, size);
  return jose;
}
