import { describe, expect, it } from 'vitest';
import { renderLessonMarkup as renderLesson, videoEmbedUrl, type LessonFile } from './markdown';
import { inAppPath } from './learning';

/** Parsed inert (a template's content is not connected: no frame loads, nothing runs). */
const dom = (html: string) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
};

const files = new Map<string, LessonFile>([
  ['aaaaaaaaaaaaaaaa', { id: 'aaaaaaaaaaaaaaaa', name: 'diagram.png', kind: 'png', url: '/api/objects/file?t=abc.def' }],
  [
    'bbbbbbbbbbbbbbbb',
    { id: 'bbbbbbbbbbbbbbbb', name: 'intro.mp4', kind: 'mp4', url: 'https://bucket.s3.amazonaws.com/files/x?X-Amz-Signature=1' },
  ],
  ['cccccccccccccccc', { id: 'cccccccccccccccc', name: '手順書.pdf', kind: 'pdf', url: '/api/objects/file?t=pdf.sig' }],
]);

// The Markdown step only: the sanitiser needs a real browser DOM and is tested with the XSS corpus
// in Chromium (test/browser/lesson-sanitizer.test.ts).
describe('renderLessonMarkup', () => {
  it('renders headings (shifted), lists, tables, code, quotes and emphasis', () => {
    const d = dom(
      renderLesson(
        '# 見出し\n\n本文の1行目\n2行目 **太字** *斜体* `code`\n\n- いち\n- に\n\n3. さん\n\n| 項目 | 内容 |\n| --- | --- |\n| A | B |\n\n> 引用\n\n```\nx < y\n```',
        {
          headingOffset: 1,
        },
      ),
    );
    expect(d.querySelector('h2')?.textContent).toBe('見出し');
    expect(d.querySelector('p')?.innerHTML).toContain('<br>');
    expect(d.querySelector('strong')?.textContent).toBe('太字');
    expect(d.querySelector('em')?.textContent).toBe('斜体');
    expect([...d.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['いち', 'に']);
    expect(d.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect([...d.querySelectorAll('table td')].map((td) => td.textContent)).toEqual(['A', 'B']);
    expect(d.querySelector('blockquote')?.textContent?.trim()).toBe('引用');
    expect(d.querySelector('pre code')?.textContent).toBe('x < y\n');
  });

  it('shows a checklist with disabled boxes instead of a literal "[ ]"', () => {
    const d = dom(renderLesson('- [ ] 名刺を用意する\n- [x] 挨拶を練習した'));
    const boxes = [...d.querySelectorAll('li input')] as HTMLInputElement[];
    expect(boxes.map((b) => [b.type, b.disabled, b.checked])).toEqual([
      ['checkbox', true, false],
      ['checkbox', true, true],
    ]);
    expect(d.textContent).not.toContain('[ ]');
    expect(d.querySelector('li')?.className).toBe('lesson-task');
  });

  it('makes links of web and mail addresses only', () => {
    const d = dom(renderLesson('[社外](https://example.com/a) [メール](mailto:hr@example.com) [相対](/admin) [js](javascript:alert(1))'));
    expect([...d.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.com/a', 'mailto:hr@example.com']);
  });

  it('shows uploaded images, video and documents from their signed URLs, and a missing one as unavailable', () => {
    const d = dom(
      renderLesson(
        '![構成図](file:aaaaaaaaaaaaaaaa)\n\n![紹介動画](file:bbbbbbbbbbbbbbbb)\n\n[手順書](file:cccccccccccccccc)\n\n![消えた](file:dddddddddddddddd)\n\n![外部](https://img.example.com/a.png)\n\n![平文](http://img.example.com/a.png)',
        { files, labels: { fileUnavailable: '表示できません', video: '動画' } },
      ),
    );
    const imgs = [...d.querySelectorAll('img')];
    expect(imgs.map((i) => [i.getAttribute('src'), i.getAttribute('alt')])).toEqual([
      ['/api/objects/file?t=abc.def', '構成図'],
      ['https://img.example.com/a.png', '外部'],
    ]);
    const video = d.querySelector('video')!;
    expect(video.getAttribute('src')).toBe(files.get('bbbbbbbbbbbbbbbb')!.url);
    expect(video.hasAttribute('controls')).toBe(true);
    const doc = d.querySelector('a.lesson-file')!;
    expect([doc.getAttribute('href'), doc.textContent]).toEqual(['/api/objects/file?t=pdf.sig', '手順書']);
    expect(d.querySelector('.lesson-file-missing')?.textContent).toBe('消えた (表示できません)');
    expect(d.textContent).toContain('平文');
  });

  it('embeds a YouTube or Vimeo URL on a line of its own through the cookie-less players only', () => {
    const d = dom(
      renderLesson('https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nhttps://vimeo.com/76979871\n\nhttps://youtu.be/dQw4w9WgXcQ 説明つき'),
    );
    const frames = [...d.querySelectorAll('iframe')];
    expect(frames.map((f) => f.getAttribute('src'))).toEqual([
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://player.vimeo.com/video/76979871?dnt=1',
    ]);
  });

  it('knows the video URL forms', () => {
    expect(videoEmbedUrl('https://youtu.be/abcdefghijk')).toBe('https://www.youtube-nocookie.com/embed/abcdefghijk');
    expect(videoEmbedUrl('https://www.youtube.com/shorts/abcdefghijk')).toBe('https://www.youtube-nocookie.com/embed/abcdefghijk');
    expect(videoEmbedUrl('https://player.vimeo.com/video/123')).toBe('https://player.vimeo.com/video/123?dnt=1');
    expect(videoEmbedUrl('https://www.youtube.com/watch?v=short')).toBeNull();
    expect(videoEmbedUrl('https://youtube.com.evil.example/watch?v=abcdefghijk')).toBeNull();
    expect(videoEmbedUrl('javascript:alert(1)')).toBeNull();
  });

  it('keeps HTML as text', () => {
    const d = dom(renderLesson('<img src=x onerror=alert(1)>'));
    expect(d.querySelector('img')).toBeNull();
    expect(d.textContent?.trim()).toBe('<img src=x onerror=alert(1)>');
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
