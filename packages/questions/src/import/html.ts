/**
 * HTML from other LMSs (Moodle "html" text format, GIFT [html], QTI itemBody) becomes PLAIN
 * TEXT: Manabi stores and renders question text as text, so no markup (and no script) survives.
 * Block ends and <br> become line breaks, list items get "- ", entities are decoded, spaces are
 * collapsed. Images and media are dropped and listed in `images` so importers can warn; link
 * targets are dropped (the link text stays) and listed in `links`.
 */
export interface HtmlText {
  text: string;
  images: string[];
  links: string[];
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  copy: '©',
  reg: '®',
  yen: '¥',
  euro: '€',
  middot: '·',
  bull: '•',
};

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? m[4] ?? '') : undefined;
};

export function htmlToText(html: string): HtmlText {
  const images: string[] = [];
  const links: string[] = [];
  let s = html
    // Source line breaks are plain whitespace in HTML: only <br> and block ends break lines.
    .replace(/\s+/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(img|audio|video|source|embed|object|iframe)\b[^>]*>/gi, (tag) => {
      const src = attr(tag, 'src') ?? attr(tag, 'data');
      if (src) images.push(src);
      return ' ';
    })
    .replace(/<a\b[^>]*>/gi, (tag) => {
      const href = attr(tag, 'href');
      if (href) links.push(href);
      return '';
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/li\s*>/gi, '')
    .replace(/<\/(p|div|ul|ol|h[1-6]|tr|table|blockquote|pre|section|article)\s*>/gi, '\n')
    .replace(/<(p|div|ul|ol|h[1-6]|tr|table|blockquote|pre|section|article)\b[^>]*>/gi, '\n')
    .replace(/<\/?(td|th)\b[^>]*>/gi, ' ')
    // Only a real tag starts with a letter, / or !: "x < 2 and y > 1" is text.
    .replace(/<[/!?]?[a-z][^>]*>/gi, '');
  s = decodeEntities(s);
  return { text: tidy(s), images, links };
}

/** Collapses runs of spaces in each line, trims lines, keeps at most one empty line in a row. */
export function tidy(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A media reference as shown to the admin: Moodle's @@PLUGINFILE@@/ prefix removed, URL-decoded ("%E9%A0%98…" → "領…"). */
export function mediaName(src: string): string {
  const name = src.replace(/^@@PLUGINFILE@@\//, '');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
