import { msg } from '../messages/render.js';
import { mediaName } from './html.js';
import { base64Bytes, type FoundImage } from './media.js';

/**
 * Moodle XML carries a text's files beside it: `<file name="x.png" path="/" encoding="base64">…</file>`
 * inside <questiontext>, <generalfeedback>, <answer>, <feedback>…, and the HTML names them
 * `@@PLUGINFILE@@/x.png` (URL-encoded). A question's files are collected by name (path + name,
 * path "/" omitted) from anywhere in it: names are unique within a question in what Moodle writes.
 */
export function moodleFiles(question: unknown): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key !== 'file') {
        walk(value);
        continue;
      }
      for (const f of Array.isArray(value) ? value : [value]) {
        if (typeof f !== 'object' || f === null) continue;
        const file = f as Record<string, unknown>;
        const name = typeof file['@name'] === 'string' ? file['@name'] : '';
        const path = typeof file['@path'] === 'string' ? file['@path'].replace(/^\/+|\/+$/g, '') : '';
        const body = typeof file['#text'] === 'string' ? file['#text'] : '';
        if (name) files.set(path ? `${path}/${name}` : name, body);
      }
    }
  };
  walk(question);
  return files;
}

/** Finds `@@PLUGINFILE@@/<name>` among the question's files, and notes which ones were used. */
export function moodleImageFinder(files: Map<string, string>, used: Set<string>): (src: string) => FoundImage {
  return (src) => {
    const name = mediaName(src.split(/[?#]/)[0] ?? '');
    if (!src.startsWith('@@PLUGINFILE@@/')) {
      return { missing: msg('image.moodle_outside', { name }) };
    }
    const body = files.get(name);
    if (body === undefined) return { missing: msg('image.moodle_missing', { name }) };
    used.add(name);
    try {
      return { bytes: base64Bytes(body), name };
    } catch {
      return { missing: msg('image.moodle_base64', { name }) };
    }
  };
}
