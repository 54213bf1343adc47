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

  it('leaves unknown entities and lone angle brackets alone; a NUL reference is the replacement character, as HTML says', () => {
    expect(decodeEntities('&unknown; &lt;b&gt; &#0; AT&T')).toBe('&unknown; <b> \uFFFD AT&T');
    expect(htmlToText('x < 2 and y > 1').text).toBe('x < 2 and y > 1');
  });
});

describe('htmlToText keeps what formatting means', () => {
  it('decodes every named and numeric reference', () => {
    expect(htmlToText('O ( &radic; n) &rarr; caf&#233; &#x263A; &hearts;').text).toBe('O ( √ n) → café ☺ ♥');
  });

  it('turns sup and sub into Unicode where it can, and ^( ) / _( ) where it cannot', () => {
    expect(htmlToText('O ( n<sup>2</sup> )').text).toBe('O ( n² )');
    expect(htmlToText('2<sup>n+1</sup> and H<sub>2</sub>O, x<sub>i</sub>, e<sup>x</sup>').text).toBe('2ⁿ⁺¹ and H₂O, x_i, e^x');
    expect(htmlToText('10<sup>-3</sup> m, a<sup>bc</sup>').text).toBe('10⁻³ m, a^(bc)');
  });

  it('keeps ruby base text without its reading (村田, not 村田むらた)', () => {
    expect(htmlToText('<ruby>村田<rp>(</rp><rt>むらた</rt><rp>)</rp></ruby>さんの<ruby>北海道<rt>ほっかいどう</rt></ruby>出張').text).toBe(
      '村田さんの北海道出張',
    );
  });

  it('keeps the lines and indentation of <pre> code', () => {
    const html =
      '<p>What does this print?</p><pre><code>for i in range(2):\n    if i &gt; 0:\n        print(i)\n</code></pre><p>Pick one.</p>';
    expect(htmlToText(html).text).toBe('What does this print?\n\nfor i in range(2):\n    if i > 0:\n        print(i)\n\nPick one.');
  });
});
