import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '@manabi/api/local';
import { launchChromium } from '../support/browser.js';
import { inspectLessonHtml } from '../support/lesson-dom.js';
import { XSS_CORPUS } from '../fixtures/xss-corpus.js';

/**
 * The lesson renderer (web/src/lib/markdown.ts: markdown-it + DOMPurify) in a real browser DOM:
 * DOMPurify needs one, and happy-dom's is not faithful enough to judge a sanitiser. The module is
 * bundled as it is and loaded into a blank Chromium page; nothing else of the app is involved.
 */
let browser: Browser;
let page: Page;

declare global {
  interface Window {
    Lesson: typeof import('../../web/src/lib/markdown');
    __xss: (id?: number) => void;
    __xssHits: unknown[];
  }
}

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(repoRoot(), 'web/src/lib/markdown.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Lesson',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><head><title>renderer</title></head><body><main id="out"></main></body></html>');
  await page.evaluate(() => {
    window.__xssHits = [];
    window.__xss = (id) => void window.__xssHits.push(id ?? 'anonymous');
    window.alert = (message) => void window.__xssHits.push(`alert:${String(message)}`);
  });
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
});
afterAll(async () => {
  await browser?.close();
});

const render = (markdown: string, files: [string, unknown][] = []) =>
  page.evaluate(({ markdown, files }) => window.Lesson.renderLesson(markdown, { files: new Map(files as never), headingOffset: 1 }), {
    markdown,
    files,
  });

describe('the lesson renderer in Chromium', () => {
  it(`renders each of the ${XSS_CORPUS.length} corpus vectors to allowed markup only, and none of them runs`, async () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(100);
    const found = await page.evaluate(
      ({ corpus, inspect }) => {
        const check = new Function(`return (${inspect})`)() as (root: ParentNode) => string[];
        const out = document.getElementById('out')!;
        return corpus.map((v) => {
          const html = window.Lesson.renderLesson(v.markdown);
          const template = document.createElement('template');
          template.innerHTML = html;
          const problems = check(template.content);
          if (/<script|<style|<svg|<math|<iframe(?![^>]*(youtube-nocookie|player\.vimeo))/i.test(html)) problems.push('raw markup');
          // Live in the document too, where a handler or a URL would fire.
          const section = document.createElement('section');
          section.innerHTML = html;
          out.append(section);
          return { id: v.id, group: v.group, problems };
        });
      },
      { corpus: XSS_CORPUS, inspect: inspectLessonHtml.toString() },
    );
    expect(found.filter((f) => f.problems.length > 0)).toEqual([]);
    // Images that could fire onerror have settled (loaded or failed) before the verdict.
    await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete), undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => window.__xssHits)).toEqual([]);
    // And what the live document holds after parsing (and any mutation) is still allowed markup only.
    const live = await page.evaluate((inspect) => {
      const check = new Function(`return (${inspect})`)() as (root: ParentNode) => string[];
      return Array.from(document.querySelectorAll('#out > section')).flatMap((section) => check(section));
    }, inspectLessonHtml.toString());
    expect(live).toEqual([]);
  });

  it('renders the allowed forms: headings shifted, tables, checklists, safe links', async () => {
    const html = await render(
      '# 見出し\n\n| 項目 | 内容 |\n| --- | --- |\n| A | B |\n\n- [ ] 名刺\n- [x] 挨拶\n\n[社外](https://example.com) [メール](mailto:a@example.com)',
    );
    const shape = await page.evaluate((h) => {
      const t = document.createElement('template');
      t.innerHTML = h;
      const c = t.content;
      return {
        heading: c.querySelector('h2')?.textContent,
        cells: Array.from(c.querySelectorAll('td')).map((td) => td.textContent),
        boxes: Array.from(c.querySelectorAll('li input')).map((i) => [(i as HTMLInputElement).disabled, (i as HTMLInputElement).checked]),
        literal: c.textContent?.includes('[ ]'),
        links: Array.from(c.querySelectorAll('a')).map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]),
      };
    }, html);
    expect(shape).toEqual({
      heading: '見出し',
      cells: ['A', 'B'],
      boxes: [
        [true, false],
        [true, true],
      ],
      literal: false,
      links: [
        ['https://example.com', '_blank', 'noopener noreferrer nofollow'],
        ['mailto:a@example.com', null, null],
      ],
    });
  });

  it('embeds uploaded files and the two video players, sandboxed and without referrer beyond the origin', async () => {
    const html = await render(
      '![図](file:aaaaaaaaaaaaaaaa)\n\n![動画](file:bbbbbbbbbbbbbbbb)\n\n[資料](file:cccccccccccccccc)\n\nhttps://youtu.be/abcdefghijk\n\nhttps://vimeo.com/12345',
      [
        ['aaaaaaaaaaaaaaaa', { id: 'aaaaaaaaaaaaaaaa', name: 'a.png', kind: 'png', url: '/api/objects/file?t=a.b' }],
        ['bbbbbbbbbbbbbbbb', { id: 'bbbbbbbbbbbbbbbb', name: 'b.mp4', kind: 'mp4', url: 'https://bucket.example/b?X-Amz-Signature=1' }],
        ['cccccccccccccccc', { id: 'cccccccccccccccc', name: 'c.pdf', kind: 'pdf', url: '/api/objects/file?t=c.d' }],
      ],
    );
    const shape = await page.evaluate((h) => {
      const t = document.createElement('template');
      t.innerHTML = h;
      const c = t.content;
      return {
        img: c.querySelector('img')?.getAttribute('src'),
        video: [c.querySelector('video')?.getAttribute('src'), c.querySelector('video')?.hasAttribute('controls')],
        doc: [c.querySelector('a')?.getAttribute('href'), c.querySelector('a')?.getAttribute('target')],
        frames: Array.from(c.querySelectorAll('iframe')).map((f) => [
          f.getAttribute('src'),
          f.getAttribute('sandbox'),
          f.getAttribute('referrerpolicy'),
        ]),
      };
    }, html);
    expect(shape).toEqual({
      img: '/api/objects/file?t=a.b',
      video: ['https://bucket.example/b?X-Amz-Signature=1', true],
      doc: ['/api/objects/file?t=c.d', '_blank'],
      frames: [
        [
          'https://www.youtube-nocookie.com/embed/abcdefghijk',
          'allow-scripts allow-same-origin allow-presentation',
          'strict-origin-when-cross-origin',
        ],
        [
          'https://player.vimeo.com/video/12345?dnt=1',
          'allow-scripts allow-same-origin allow-presentation',
          'strict-origin-when-cross-origin',
        ],
      ],
    });
  });
});
