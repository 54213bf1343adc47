import type { LocalizedText } from '../model.js';
import { splitCloze, type ClozeBlank } from '../types/cloze.js';
import { escapeHtml, textToHtml } from './xml-text.js';

/** Characters the embedded-answers syntax reads as markup inside a gap: escaped with "\" (Moodle's rule). */
const escapeGapText = (value: string): string => value.replace(/[\\}~#/"]/g, (c) => `\\${c}`);

/** One blank in Moodle's embedded-answers syntax: `{1:SHORTANSWER:=a~=b}`, `{1:MULTICHOICE:~x~=y}`, `{1:NUMERICAL:=5:0.5}`. */
export function embeddedGap(blank: ClozeBlank, pick: (value: LocalizedText) => string): string {
  const answer = (text: string) => escapeHtml(escapeGapText(text));
  switch (blank.kind) {
    case 'text':
      return `{1:${blank.caseSensitive ? 'SHORTANSWER_C' : 'SHORTANSWER'}:${blank.accepted.map((a) => `=${answer(a)}`).join('~')}}`;
    case 'choice':
      return `{1:MULTICHOICE:${blank.options.map((o) => `${o.id === blank.correctOptionId ? '=' : ''}${answer(pick(o.text))}`).join('~')}}`;
    case 'numeric':
      return `{1:NUMERICAL:=${blank.value}:${blank.tolerance}}`;
  }
}

/** The stem as Moodle question text (HTML) with each `{{n}}` marker replaced by its gap. */
export function embeddedQuestionText(stem: string, blanks: ClozeBlank[], pick: (value: LocalizedText) => string): string {
  const byId = new Map(blanks.map((b) => [b.id, b]));
  // Markers become private-use placeholders while the text is turned into HTML paragraphs.
  const placeholder = (id: string) => `\uE200${id}\uE201`;
  const marked = splitCloze(stem)
    .map((part) => ('text' in part ? part.text : placeholder(part.blank)))
    .join('');
  return textToHtml(marked).replace(/\uE200(\d+)\uE201/g, (_m, id: string) => {
    const blank = byId.get(id);
    return blank ? embeddedGap(blank, pick) : '';
  });
}
