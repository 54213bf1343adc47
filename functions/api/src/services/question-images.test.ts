import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isId } from '@manabi/core';
import { contentId, textImageIds } from './question-images.js';

describe('contentId', () => {
  it('names the bytes: the same image gives the same valid id, another image another', () => {
    const a = new Uint8Array([1, 2, 3]);
    expect(contentId(a)).toBe(contentId(new Uint8Array([1, 2, 3])));
    expect(isId(contentId(a))).toBe(true);
    expect(contentId(new Uint8Array([1, 2, 4]))).not.toBe(contentId(a));
  });

  it('is the first 80 bits of the SHA-256 in the id alphabet', () => {
    const digest = createHash('sha256')
      .update(new Uint8Array([7]))
      .digest();
    const bits = [...digest.subarray(0, 10)].map((b) => b.toString(2).padStart(8, '0')).join('');
    const expected = bits
      .match(/.{5}/g)!
      .map((chunk) => '0123456789abcdefghjkmnpqrstvwxyz'[parseInt(chunk, 2)])
      .join('');
    expect(contentId(new Uint8Array([7]))).toBe(expected);
  });
});

describe('textImageIds', () => {
  it('finds stored image ids in every language of some texts', () => {
    expect(textImageIds([{ ja: '![a](file:0123456789abcdef)' }, null, { en: 'x ![b](file:abcdefghjkmnpqrs)' }])).toEqual([
      '0123456789abcdef',
      'abcdefghjkmnpqrs',
    ]);
  });
});
