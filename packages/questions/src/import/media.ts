import { msg, type MessageRef } from '../messages/render.js';
import { checkQuestionImage, cleanAlt, importToken, QUESTION_IMAGE_MAX_LABEL, QUESTION_IMAGE_TYPES_LABEL } from '../images.js';
import { mediaName } from './html.js';
import type { ItemContext } from './types.js';

/**
 * Turns the <img> of an imported item into image tokens (see images.ts), for `htmlToText`'s
 * `image` option. Each format says where a relative source is (`find`): Moodle's
 * @@PLUGINFILE@@ files, a content package's files. `data:` URIs are read in place. Images on other
 * sites are never fetched (the import would otherwise make the server request any URL a file
 * names): the alt text is kept and a warning says so. A missing, unreadable or too large image
 * refuses the item with the reason, rather than storing a question that lost its picture.
 */
export type FoundImage = { bytes: Uint8Array; name: string } | { missing: MessageRef };

export function imageResolver(ctx: ItemContext, find: (src: string) => FoundImage): (src: string, alt: string) => string {
  return (src, rawAlt) => {
    const alt = cleanAlt(rawAlt);
    const source = src.trim();
    if (/^(https?:)?\/\//i.test(source)) {
      ctx.warn('dropped', alt ? msg('image.web_not_fetched_alt', { src: source, alt }) : msg('image.web_not_fetched', { src: source }));
      return alt ? `[${alt}]` : '';
    }
    const found = source.toLowerCase().startsWith('data:') ? dataUri(source) : find(source);
    if ('missing' in found) {
      ctx.error('invalid', found.missing);
      return '';
    }
    const checked = checkQuestionImage(found.bytes);
    if (!checked.ok) {
      ctx.error('invalid', imageRefusal(checked.reason, found.name, found.bytes.length));
      return '';
    }
    const ref = ctx.addImage({ name: found.name, contentType: checked.contentType, bytes: found.bytes });
    return importToken(ref, alt);
  };
}

/** `data:image/png;base64,…` (or percent-encoded) to bytes. */
export function dataUri(src: string): FoundImage {
  const m = /^data:([^,;]*)((?:;[^,;]*)*?)(;base64)?,(.*)$/is.exec(src);
  if (!m) return { missing: msg('image.data_uri_unreadable') };
  try {
    const body = m[4] ?? '';
    const bytes = m[3] ? base64Bytes(body) : new TextEncoder().encode(decodeURIComponent(body));
    return { bytes, name: `embedded image (${m[1] || 'no type'})` };
  } catch {
    return { missing: msg('image.data_uri_base64') };
  }
}

/** Base64 (whitespace ignored) to bytes; throws on characters that are not base64. */
export function base64Bytes(value: string): Uint8Array {
  const clean = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new Error('Not base64');
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** A source relative to a file in a package: "images/x.png" from "items/q1.xml" → "items/images/x.png" ("../", "./" resolved). */
export function resolveRelative(fromFile: string, src: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) return null;
  const parts = fromFile.split('/').slice(0, -1);
  for (const segment of mediaName(src.split(/[?#]/)[0] ?? '').split('/')) {
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

/** Why an image of an imported item is refused, in the person's words. */
export function imageRefusal(reason: 'too_large' | 'type_not_allowed' | 'svg', name: string, size: number): MessageRef {
  if (reason === 'svg') return msg('image.svg', { name, types: QUESTION_IMAGE_TYPES_LABEL });
  if (reason === 'type_not_allowed') return msg('image.type', { name, types: QUESTION_IMAGE_TYPES_LABEL });
  return msg('image.too_large', { name, megabytes: Math.ceil((size / 1024 / 1024) * 10) / 10, max: QUESTION_IMAGE_MAX_LABEL });
}
