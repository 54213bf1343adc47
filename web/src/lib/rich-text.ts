/**
 * Question text is plain text that may hold image tokens `![alt text](file:<image id>)` (see
 * packages/questions/src/images.ts, which this mirrors: the SPA does not depend on that package).
 * The player renders text runs as text and each token as an <img> whose signed URL the API sent
 * alongside: nothing in the text is ever read as HTML.
 */
export type RichPart = { kind: 'text'; text: string } | { kind: 'image'; id: string; alt: string };

const TOKEN = /!\[([^\]\n]*)\]\(file:([0-9a-z]{16})\)/g;

export function richParts(text: string): RichPart[] {
  const parts: RichPart[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > at) parts.push({ kind: 'text', text: text.slice(at, m.index) });
    parts.push({ kind: 'image', id: m[2]!, alt: m[1]! });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** The text with each image as "[alt]" (aria-labels, announcements, one-line summaries). */
export const richAsPlain = (text: string, imageLabel: string): string => text.replace(TOKEN, (_, alt: string) => `[${alt || imageLabel}]`);

/** Alt text fit for a token: one line, no brackets, at most 200 characters. */
export const cleanAlt = (alt: string): string =>
  [
    ...alt
      .replace(/[[\]\r\n\t]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  ]
    .slice(0, 200)
    .join('');

export const imageToken = (id: string, alt: string): string => `![${cleanAlt(alt)}](file:${id})`;

/** The text without the image `id` (and the blank line it sat on). */
export function removeImage(text: string, id: string): string {
  return text
    .replace(TOKEN, (token: string, _alt: string, tokenId: string) => (tokenId === id ? '\uE000' : token))
    .replace(/[ \t]*\uE000[ \t]*/g, '\uE000')
    .replace(/\n?\uE000\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The images a text shows, in order. */
export const imagesIn = (text: string): { id: string; alt: string }[] =>
  richParts(text).flatMap((p) => (p.kind === 'image' ? [{ id: p.id, alt: p.alt }] : []));

/** Image links as a lookup. */
export const imageMap = (images: { id: string; url: string }[] | null | undefined): Record<string, string> =>
  Object.fromEntries((images ?? []).map((i) => [i.id, i.url]));
