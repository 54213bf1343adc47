import { describe, expect, it } from 'vitest';
import { appendBlock, fileSnippet, referencedFileIds } from './lessonFiles';

describe('lesson file snippets', () => {
  it('shows images and video in place and links documents', () => {
    expect(fileSnippet({ id: 'aaaaaaaaaaaaaaaa', name: '構成図 [v2].png', kind: 'png' })).toBe('![構成図  v2 .png](file:aaaaaaaaaaaaaaaa)');
    expect(fileSnippet({ id: 'aaaaaaaaaaaaaaaa', name: 'intro.mp4', kind: 'mp4' })).toBe('![intro.mp4](file:aaaaaaaaaaaaaaaa)');
    expect(fileSnippet({ id: 'aaaaaaaaaaaaaaaa', name: '手順書.pdf', kind: 'pdf' })).toBe('[手順書.pdf](file:aaaaaaaaaaaaaaaa)');
  });

  it('appends as a paragraph of its own and finds the ids back', () => {
    const text = appendBlock(appendBlock('', '![a](file:aaaaaaaaaaaaaaaa)'), '[b](file:bbbbbbbbbbbbbbbb)');
    expect(text).toBe('![a](file:aaaaaaaaaaaaaaaa)\n\n[b](file:bbbbbbbbbbbbbbbb)\n');
    expect(referencedFileIds(text)).toEqual(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']);
  });
});
