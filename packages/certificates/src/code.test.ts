import { describe, expect, it } from 'vitest';
import { CODE_PATTERN, formatVerificationCode, newVerificationCode, parseVerificationCode } from './code.js';

describe('verification codes', () => {
  it('are 16 Crockford symbols shown in four groups of four', () => {
    const code = newVerificationCode();
    expect(code).toMatch(CODE_PATTERN);
    expect(formatVerificationCode(code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(code).not.toMatch(/[ILOU]/);
  });

  it('do not repeat over many draws and use the whole alphabet', () => {
    const codes = new Set(Array.from({ length: 20_000 }, () => newVerificationCode()));
    expect(codes.size).toBe(20_000);
    const symbols = new Set([...codes].join(''));
    expect(symbols.size).toBe(32);
  });

  it('read back whatever way they are typed', () => {
    const code = newVerificationCode();
    const typed = formatVerificationCode(code).toLowerCase().replace(/-/g, ' ');
    expect(parseVerificationCode(typed)).toBe(code);
    expect(parseVerificationCode(formatVerificationCode(code))).toBe(code);
  });

  it('take O for zero and I or L for one', () => {
    const bytes = new Uint8Array(15); // all zeros: "000…0" plus its check symbol
    const code = newVerificationCode(() => bytes);
    expect(parseVerificationCode(code.replace(/0/g, 'O'))).toBe(code);
    const ones = newVerificationCode(() => new Uint8Array(15).fill(1));
    expect(parseVerificationCode(ones.slice(0, 15).replace(/1/g, 'l') + ones[15])).toBe(ones);
  });

  it('refuse a mistyped symbol, swapped neighbours and anything that is not a code', () => {
    const code = newVerificationCode(() => Uint8Array.from({ length: 15 }, (_, i) => i * 7));
    const wrong = (code[3] === 'A' ? 'B' : 'A') + code.slice(1);
    expect(parseVerificationCode(code.slice(0, 3) + wrong[0] + code.slice(4))).toBeNull();
    const swapped = code[0]! + code[2] + code[1] + code.slice(3);
    expect(swapped).not.toBe(code);
    expect(parseVerificationCode(swapped)).toBeNull();
    for (const bad of ['', 'ABC', 'U'.repeat(16), `${code}0`, '<script>', 'x'.repeat(100)]) expect(parseVerificationCode(bad)).toBeNull();
  });
});
