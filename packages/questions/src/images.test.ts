import { describe, expect, it } from 'vitest';
import {
  checkQuestionImage,
  cleanAlt,
  imagesAsAlt,
  imageToken,
  questionImageIds,
  QUESTION_IMAGE_MAX_BYTES,
  resolveImportTokens,
  textParts,
} from './images.js';
import { fixtureBytes, q } from './test-support.js';

const ID = '0123456789abcdef';

describe('image tokens in question text', () => {
  it('splits text into text runs and stored images; anything else stays text', () => {
    expect(textParts(`図を見て ![非常口 <b>](file:${ID}) 答えよ`)).toEqual([
      { kind: 'text', text: '図を見て ' },
      { kind: 'image', id: ID, alt: '非常口 <b>' },
      { kind: 'text', text: ' 答えよ' },
    ]);
    // An import token, a short id, a javascript: target and raw HTML are plain text.
    for (const text of ['![x](import:1)', '![x](file:abc)', '![x](javascript:alert(1))', '<img src=x onerror=alert(1)>']) {
      expect(textParts(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('alt text is one line without brackets', () => {
    expect(cleanAlt(' a [b]\n c ')).toBe('a b c');
    expect(imageToken(ID, 'x]y')).toBe(`![x y](file:${ID})`);
  });

  it('swaps import tokens for stored ids everywhere in a question, and lists them', () => {
    const draft = {
      type: 'single_choice',
      stem: { ja: '![標識](import:1)' },
      options: [
        { id: 'a', text: { ja: '![矢印](import:2)' }, feedback: { ja: '![標識](import:1)' } },
        { id: 'b', text: { ja: 'いいえ' } },
      ],
      correctOptionIds: ['a'],
      explanation: { en: 'See ![lost](import:9)' },
    };
    const stored = resolveImportTokens(
      draft,
      new Map([
        [1, ID],
        [2, 'abcdefghjkmnpqrs'],
      ]),
    );
    expect(stored).toMatchObject({
      stem: { ja: `![標識](file:${ID})` },
      options: [{ text: { ja: '![矢印](file:abcdefghjkmnpqrs)' }, feedback: { ja: `![標識](file:${ID})` } }, { text: { ja: 'いいえ' } }],
      explanation: { en: 'See [image: lost]' },
    });
    expect(questionImageIds(q(stored as never))).toEqual([ID, 'abcdefghjkmnpqrs']);
    expect(imagesAsAlt(`![標識](file:${ID}) と ![](file:${ID})`)).toBe('[image: 標識] と [image]');
  });
});

describe('checkQuestionImage', () => {
  it('accepts PNG by its bytes and refuses other types, SVG and oversize with the limit', () => {
    const png = fixtureBytes('images/green-sign.png');
    expect(checkQuestionImage(png)).toEqual({ ok: true, kind: 'png', contentType: 'image/png' });
    expect(checkQuestionImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatchObject({
      ok: false,
      reason: 'svg',
    });
    expect(checkQuestionImage(new TextEncoder().encode('%PDF-1.4'))).toEqual({
      ok: false,
      reason: 'type_not_allowed',
      message: 'The image is not a PNG, JPEG, GIF, WebP image',
    });
    const big = new Uint8Array(QUESTION_IMAGE_MAX_BYTES + 1);
    big.set(png);
    expect(checkQuestionImage(big)).toEqual({
      ok: false,
      reason: 'too_large',
      message: 'The image is 2.1 MB; an image may be at most 2 MB',
    });
  });
});
