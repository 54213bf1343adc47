import { describe, expect, it } from 'vitest';
import { imagesIn, imageToken, removeImage, richAsPlain, richParts } from './rich-text';

const ID = '0123456789abcdef';

describe('rich text (question text with image tokens)', () => {
  it('splits text and images; HTML and other targets stay text', () => {
    expect(richParts(`前 ![標識](file:${ID}) 後`)).toEqual([
      { kind: 'text', text: '前 ' },
      { kind: 'image', id: ID, alt: '標識' },
      { kind: 'text', text: ' 後' },
    ]);
    expect(richParts('<img src=x onerror=alert(1)> ![x](javascript:alert(1))')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> ![x](javascript:alert(1))' },
    ]);
  });

  it('writes, lists, removes and flattens tokens', () => {
    const text = `問題文\n\n${imageToken(ID, 'a [b]\nc')}`;
    expect(text).toBe(`問題文\n\n![a b c](file:${ID})`);
    expect(imagesIn(text)).toEqual([{ id: ID, alt: 'a b c' }]);
    expect(removeImage(text, ID)).toBe('問題文');
    expect(richAsPlain(`![](file:${ID}) と ![図](file:${ID})`, '画像')).toBe('[画像] と [図]');
  });
});
