import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText, mediaName } from './html.js';

describe('htmlToText', () => {
  it('keeps text and line structure, drops markup, scripts and styles', () => {
    const html = `<p>First  <b>bold</b>
      line</p><ul><li>one</li><li>two &amp; three</li></ul><script>alert(1)</script><style>p{}</style>last<br/>line&nbsp;&#x3042;&#12356;`;
    expect(htmlToText(html).text).toBe('First bold line\n\n- one\n- two & three\nlast\nline あい');
  });

  it('lists images and link targets so importers can report them', () => {
    const r = htmlToText('<p><img src="@@PLUGINFILE@@/a%20b.png" alt="x"> see <a href="https://example.com/doc">the doc</a></p>');
    expect(r).toEqual({ text: 'see the doc', images: ['@@PLUGINFILE@@/a%20b.png'], links: ['https://example.com/doc'] });
    expect(mediaName('@@PLUGINFILE@@/a%20b.png')).toBe('a b.png');
    expect(mediaName('@@PLUGINFILE@@/100%.png')).toBe('100%.png');
  });

  it('leaves unknown entities and lone angle brackets alone', () => {
    expect(decodeEntities('&unknown; &lt;b&gt; &#0;')).toBe('&unknown; <b> &#0;');
    expect(htmlToText('x < 2 and y > 1').text).toBe('x < 2 and y > 1');
  });
});
