import { describe, expect, it } from 'vitest';
import { inlineText, parseInline, parseMarkdown, type Block } from './markdown';
import { inAppPath } from './learning';

describe('parseMarkdown', () => {
  it('reads headings, lists and paragraphs', () => {
    const blocks = parseMarkdown('# 見出し\n\n本文の1行目\n2行目\n\n- いち\n- に\n  つづき\n\n3. さん\n4. よん\n## 小見出し ##');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'heading']);
    expect(blocks[0]).toMatchObject({ level: 1 });
    expect(inlineText((blocks[1] as Extract<Block, { type: 'paragraph' }>).children)).toBe('本文の1行目\n2行目');
    const bullets = blocks[2] as Extract<Block, { type: 'list' }>;
    expect(bullets.ordered).toBe(false);
    expect(bullets.items.map(inlineText)).toEqual(['いち', 'に\nつづき']);
    const numbered = blocks[3] as Extract<Block, { type: 'list' }>;
    expect(numbered).toMatchObject({ ordered: true, start: 3 });
    expect(blocks[4]).toMatchObject({ level: 2, children: [{ type: 'text', text: '小見出し' }] });
  });

  it('reads bold and code inside text, and leaves lone markers alone', () => {
    expect(parseInline('a **太字** b `x**y**` c')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', children: [{ type: 'text', text: '太字' }] },
      { type: 'text', text: ' b ' },
      { type: 'code', text: 'x**y**' },
      { type: 'text', text: ' c' },
    ]);
    expect(parseInline('2 * 3 ** 4')).toEqual([{ type: 'text', text: '2 * 3 ** 4' }]);
  });

  it('keeps HTML as text', () => {
    const blocks = parseMarkdown('<img src=x onerror=alert(1)>');
    expect(blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] }]);
  });
});

describe('inAppPath', () => {
  it('keeps only the path of links to the app', () => {
    expect(inAppPath('https://app.example.com/me/checkins?x=1')).toBe('/me/checkins?x=1');
    expect(inAppPath('/me')).toBe('/me');
    expect(inAppPath('//evil.example/x')).toBeNull();
    expect(inAppPath('javascript:alert(1)')).toBeNull();
    expect(inAppPath(null)).toBeNull();
  });
});
