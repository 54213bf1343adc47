import { decodeHTMLStrict } from 'entities';
/**
 * HTML from other LMSs (Moodle "html" text format, GIFT [html], QTI itemBody) becomes PLAIN
 * TEXT: Manabi stores and renders question text as text, so no markup (and no script) survives.
 * Block ends and <br> become line breaks, list items get "- ", entities are decoded, spaces are
 * collapsed — except inside <pre>, whose lines and indentation are kept (code). Formatting that
 * carries meaning is converted, not dropped: <sup>2</sup> → ², <sub>2</sub> → ₂ (or ^(…) / _(…)
 * where a character has no Unicode form), and ruby keeps its base text (村田, not 村田むらた).
 * Images and media are dropped and listed in `images` so importers can warn; link targets are
 * dropped (the link text stays) and listed in `links`.
 */
export interface HtmlText {
  text: string;
  images: string[];
  links: string[];
}

/** Every HTML character reference (named from the full HTML table, decimal, hex); a name needs its ";". */
export function decodeEntities(value: string): string {
  return decodeHTMLStrict(value);
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? m[4] ?? '') : undefined;
};

const SUPERSCRIPT: Record<string, string> = Object.fromEntries(
  [...'0123456789+-=()ni'].map((c, i) => [c, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ'[i] as string]),
);
const SUBSCRIPT: Record<string, string> = Object.fromEntries(
  [...'0123456789+-=()aeox'].map((c, i) => [c, '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓ'[i] as string]),
);

/** x<sup>2</sup> → x², or x^(ab) when a character has no superscript form. */
function script(inner: string, table: Record<string, string>, mark: '^' | '_'): string {
  const text = decodeEntities(inner.replace(/<[^>]*>/g, '')).trim();
  if (text === '') return '';
  const chars = [...text];
  return chars.every((c) => table[c]) ? chars.map((c) => table[c]).join('') : `${mark}${chars.length === 1 ? text : `(${text})`}`;
}

// <pre> blocks are set aside while the rest is collapsed, and put back with their lines intact.
const PRE_MARK = (i: number): string => `\uE010${i}\uE011`;

/**
 * `image` (optional) is asked about each <img>: it returns the text to put in its place (an image
 * token, or alt text) and the image is then not listed in `images`; null keeps the default.
 */
export interface HtmlTextOptions {
  image?: (src: string, alt: string) => string | null;
}

// Image tokens are set aside like <pre> blocks, so entity decoding and tidying leave them as made.
const IMAGE_MARK = (i: number): string => `\uE012${i}\uE013`;

export function htmlToText(html: string, options: HtmlTextOptions = {}): HtmlText {
  const images: string[] = [];
  const tokens: string[] = [];
  const links: string[] = [];
  const pres: string[] = [];
  let s = html
    .replace(/<pre\b[^>]*>([\s\S]*?)<\/pre\s*>/gi, (_, inner: string) => {
      const code = decodeEntities(inner.replace(/<br\s*\/?>/gi, '\n').replace(/<[/!?]?[a-z][^>]*>/gi, ''))
        .replace(/\r\n?/g, '\n')
        .replace(/^\n/, '')
        .replace(/\s+$/, '');
      pres.push(code);
      return `<p>${PRE_MARK(pres.length - 1)}</p>`;
    })
    // Source line breaks are plain whitespace in HTML: only <br> and block ends break lines.
    .replace(/\s+/g, ' ')
    .replace(/<(rt|rp)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<sup\b[^>]*>([\s\S]*?)<\/sup\s*>/gi, (_, inner: string) => script(inner, SUPERSCRIPT, '^'))
    .replace(/<sub\b[^>]*>([\s\S]*?)<\/sub\s*>/gi, (_, inner: string) => script(inner, SUBSCRIPT, '_'))
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(img|audio|video|source|embed|object|iframe)\b[^>]*>/gi, (tag, name: string) => {
      const src = attr(tag, 'src') ?? attr(tag, 'data');
      const replaced = src && name.toLowerCase() === 'img' && options.image ? options.image(src, attr(tag, 'alt') ?? '') : null;
      if (replaced !== null) {
        tokens.push(replaced);
        return ` ${IMAGE_MARK(tokens.length - 1)} `;
      }
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
  const text = tidy(s.replace(/\uE012(\d+)\uE013/g, (_, i: string) => tokens[Number(i)] ?? '')).replace(
    /\uE010(\d+)\uE011/g,
    (_, i: string) => pres[Number(i)] ?? '',
  );
  return { text, images, links };
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
