import type { LessonFile } from './markdown';

/** File ids a text refers to (`file:<id>` as a link or image target); the server reads them the same way. */
export function referencedFileIds(text: string): string[] {
  return [...new Set([...text.matchAll(/\(\s*file:([0-9a-z]{16})\s*(?:"[^"]*")?\s*\)/g)].map((m) => m[1]!))];
}

/** The Markdown that shows a file: images and video in place, documents as a link. */
export function fileSnippet(file: Pick<LessonFile, 'id' | 'name' | 'kind'>): string {
  const label = file.name.replace(/[[\]\\\n\r]/g, ' ').trim() || 'file';
  const shown = file.kind !== 'pdf' && file.kind !== 'pptx';
  return `${shown ? '!' : ''}[${label}](file:${file.id})`;
}

/** Appends a snippet to a text as a paragraph of its own. */
export function appendBlock(text: string, snippet: string): string {
  const trimmed = text.replace(/\s+$/, '');
  return trimmed ? `${trimmed}\n\n${snippet}\n` : `${snippet}\n`;
}
