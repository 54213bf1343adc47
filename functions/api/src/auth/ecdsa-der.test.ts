import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derToJoseSignature } from './ecdsa-der.js';

const hex = (s: string) => new Uint8Array(Buffer.from(s.replaceAll(' ', ''), 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');
/** A DER INTEGER from its minimal content bytes. */
const int = (content: string) => `02${(content.length / 2).toString(16).padStart(2, '0')}${content}`;
const seq = (...parts: string[]) => {
  const body = parts.join('');
  return hex(`30${(body.length / 2).toString(16).padStart(2, '0')}${body}`);
};
const r32 = '11'.repeat(32);
const s32 = '22'.repeat(32);

describe('DER → JOSE (r‖s) for ES256', () => {
  it('converts what node:crypto (OpenSSL) produces exactly as its own IEEE P1363 output, for many real signatures', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let i = 0; i < 300; i++) {
      const message = Buffer.from(`message ${i}`);
      const der = sign('sha256', message, privateKey);
      const jose = derToJoseSignature(der);
      expect(jose).toHaveLength(64);
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'ieee-p1363' }, jose)).toBe(true);
    }
  });

  it('drops the 0x00 that keeps a high-bit integer positive', () => {
    const r = `80${'00'.repeat(31)}`;
    const s = `ff${'ee'.repeat(31)}`;
    expect(toHex(derToJoseSignature(seq(int(`00${r}`), int(`00${s}`))))).toBe(r + s);
  });

  it('left-pads an r or s that is shorter than 32 bytes (leading zero bytes are not encoded)', () => {
    const short = '7f'.repeat(31); // the value 0x00 7f7f… : 31 bytes in DER
    expect(toHex(derToJoseSignature(seq(int(short), int(s32))))).toBe(`00${short}${s32}`);
    expect(toHex(derToJoseSignature(seq(int(r32), int('01'))))).toBe(`${r32}${'00'.repeat(31)}01`);
    // Both very short at once.
    expect(toHex(derToJoseSignature(seq(int('05'), int('0102'))))).toBe(`${'00'.repeat(31)}05${'00'.repeat(30)}0102`);
  });

  it('accepts the long length form some encoders use for the sequence', () => {
    const body = int(`00${'80'.repeat(32)}`) + int(`00${'90'.repeat(32)}`); // 70 bytes
    const der = hex(`3081${(body.length / 2).toString(16)}${body}`);
    expect(toHex(derToJoseSignature(der))).toBe('80'.repeat(32) + '90'.repeat(32));
  });

  it('refuses anything that is not one minimal SEQUENCE of two positive 32-byte integers', () => {
    const good = seq(int(r32), int(s32));
    expect(() => derToJoseSignature(hex(`31${toHex(good).slice(2)}`))).toThrow(/SEQUENCE/);
    expect(() => derToJoseSignature(new Uint8Array([...good, 0]))).toThrow(/length/);
    expect(() => derToJoseSignature(good.subarray(0, good.length - 1))).toThrow();
    expect(() => derToJoseSignature(seq(int(r32), int(s32), int('01')))).toThrow(/trailing/);
    expect(() => derToJoseSignature(seq(int(r32)))).toThrow();
    expect(() => derToJoseSignature(seq(int(`80${'00'.repeat(31)}`), int(s32)))).toThrow(/negative/);
    expect(() => derToJoseSignature(seq(int(`0011${'00'.repeat(30)}`), int(s32)))).toThrow(/non-minimal/);
    expect(() => derToJoseSignature(seq(int(`11${'00'.repeat(32)}`), int(s32)))).toThrow(/too large/);
    expect(() => derToJoseSignature(seq(`0400`, int(s32)))).toThrow(/INTEGER/);
    expect(() => derToJoseSignature(new Uint8Array())).toThrow(/truncated/);
  });
});
