import { msg } from '../messages/render.js';
import {
  extensionOfKind,
  hasImage,
  imagesAsAlt,
  mapQuestionTexts,
  replaceImageTokens,
  textParts,
  type QuestionImageKind,
} from '../images.js';
import type { Question } from '../model.js';
import type { TextWriter } from './xml-text.js';

/**
 * Images on export. Moodle XML and QTI packages carry files, so each image a question shows is
 * written with it (`ExportImages` holds the bytes, looked up by the caller in the owner's store).
 * GIFT and CSV carry text only: the image is written as its alt text and the export's issue list
 * says so for the question.
 */
export interface ExportImage {
  bytes: Uint8Array;
  contentType: string;
}
export type ExportImages = ReadonlyMap<string, ExportImage>;

const KINDS: Record<string, QuestionImageKind> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/gif': 'gif', 'image/webp': 'webp' };

/** The file name an image is written under: its id and the extension of its type. */
export const exportImageName = (id: string, image: ExportImage): string => `${id}.${extensionOfKind(KINDS[image.contentType] ?? 'png')}`;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Moodle XML: a text field in the html format whose image tokens are `<img src="@@PLUGINFILE@@/…">`
 * with a base64 `<file>` beside the text (how Moodle itself writes images). `html` is the text
 * already escaped as HTML (tokens survive escaping: only their alt text is escaped).
 */
export function moodleImageField(html: string, images: ExportImages | undefined, w: TextWriter): Record<string, unknown> {
  const files: Record<string, unknown>[] = [];
  const text = replaceImageTokens(html, ({ source, id, alt }) => {
    const image = source === 'file' ? images?.get(id) : undefined;
    if (!image) {
      w.lose(alt ? msg('lost.image_not_found_alt', { alt }) : msg('lost.image_not_found'));
      return alt;
    }
    const name = exportImageName(id, image);
    if (!files.some((f) => f['@name'] === name))
      files.push({ '@name': name, '@path': '/', '@encoding': 'base64', '#text': base64(image.bytes) });
    return `<img src="@@PLUGINFILE@@/${name}" alt="${alt}">`;
  });
  return { '@format': 'html', text, ...(files.length > 0 ? { file: files } : {}) };
}

/** One line of QTI inline content: text runs and `<img>` elements (src fixed later by `qtiImages`). */
export function qtiLineParts(line: string): ({ text: string } | { id: string; alt: string })[] {
  return textParts(line).map((p) => (p.kind === 'text' ? { text: p.text } : { id: p.id, alt: p.alt }));
}

/**
 * QTI: points each `<img data-image="<id>">` of an item's body at its file in the package
 * (`images/<id>.<ext>`) and returns the files the item needs; an image without bytes becomes its alt text.
 */
export function qtiImages(
  body: Record<string, unknown>[],
  images: ExportImages | undefined,
  w: TextWriter,
): { body: Record<string, unknown>[]; files: { name: string; bytes: Uint8Array }[] } {
  const used = new Map<string, Uint8Array>();
  const walk = (nodes: unknown): Record<string, unknown>[] =>
    (Array.isArray(nodes) ? nodes : []).map((node: Record<string, unknown>) => {
      if (!node || typeof node !== 'object' || '#text' in node) return node;
      const tag = Object.keys(node).find((k) => k !== ':@') ?? '';
      const attrs = (node[':@'] ?? {}) as Record<string, string>;
      if (tag === 'img' && attrs['data-image']) {
        const id = attrs['data-image'];
        const image = images?.get(id);
        if (!image) {
          w.lose(attrs['alt'] ? msg('lost.image_not_found_alt', { alt: attrs['alt'] }) : msg('lost.image_not_found'));
          return { '#text': attrs['alt'] ?? '' };
        }
        const name = `images/${exportImageName(id, image)}`;
        used.set(name, image.bytes);
        return { img: [], ':@': { src: name, alt: attrs['alt'] ?? '' } };
      }
      return { ...node, [tag]: walk(node[tag]) };
    });
  return { body: walk(body), files: [...used].map(([name, bytes]) => ({ name, bytes })) };
}

/** GIFT / CSV: the question with each image as "[image: alt]", and whether it had any. */
export function withImagesAsAlt(q: Question): { question: Question; hadImages: boolean } {
  let had = false;
  const question = mapQuestionTexts(q, (text) => {
    if (!hasImage(text)) return text;
    had = true;
    return imagesAsAlt(text);
  });
  return { question, hadImages: had };
}
