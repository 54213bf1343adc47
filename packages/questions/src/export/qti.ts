import { msg } from '../messages/render.js';
import type { Locale } from '@manabi/core';
import { XMLBuilder } from 'fast-xml-parser';
import { optionIdAt } from '../import/types.js';
import { QTI2_NS, QTI3_NS, qti3Attribute, qti3Element, renameTree, rpTemplate } from '../import/qti-names.js';
import type { Question, QuestionOption } from '../model.js';
import { qtiCloze, qtiMatching, type QtiParts } from './qti-gaps.js';
import { issue, type ExportIssue } from './types.js';
import { excerpt, paragraphs, TextWriter } from './xml-text.js';
import { qtiImages, qtiLineParts, type ExportImages } from './images.js';
import { imagesAsAlt } from '../images.js';

export interface QtiExportOptions {
  /** QTI items carry no language here: the text in this locale is written (else the other one). */
  locale: Locale;
  /** QTI 2.1 (default) or 3.0, whose elements and attributes carry the `qti-` names. */
  version?: '2.1' | '3.0';
  /** The bytes of the images the questions show, by id (written into the package; see export/images.ts). */
  images?: ExportImages;
}

export interface QtiFile {
  name: string;
  text: string;
  /** The image files the item shows (`images/<id>.<ext>`): put them in the package beside it. */
  images?: { name: string; bytes: Uint8Array }[];
}

export interface QtiExportResult {
  /** One assessmentItem per file (`item-001.xml`, numbered by position in the exported list). `parseQtiItems` reads them back. */
  files: QtiFile[];
  /** `imsmanifest.xml` listing the files: zip it with them for an IMS content package. */
  manifest: string;
  /** Number of questions written (= files). */
  exported: number;
  /** Everything that is not in the files, question by question. */
  warnings: ExportIssue[];
}

export type XmlNode = Record<string, unknown>;

const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const SCHEMA: Record<'2.1' | '3.0', string> = {
  '2.1': `${QTI2_NS} ${QTI2_NS}.xsd`,
  '3.0': `${QTI3_NS} https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd`,
};
/** What `parseQti` writes for an inline text entry, and where the exporter puts one back. */
const BLANK = '_____';
/** QTI identifiers are XML names (NCName): a letter or "_" first. Manabi option ids may start with a digit, "." or "-". */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

// preserveOrder: itemBody is mixed content (text, <br/>, inline interactions), so the layout is
// written by hand (`block`) instead of by the builder's formatter, which would add whitespace inside paragraphs.
const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', suppressEmptyNode: true });

export const el = (tag: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlNode => ({
  [tag]: children,
  ...(Object.keys(attrs).length > 0 ? { ':@': attrs } : {}),
});
export const text = (value: string): XmlNode[] => (value === '' ? [] : [{ '#text': value }]);
/** Element children each on its own line, indented for `depth`. */
export const block = (depth: number, children: XmlNode[]): XmlNode[] => [
  ...children.flatMap((c) => [...text(`\n${'  '.repeat(depth)}`), c]),
  ...text(`\n${'  '.repeat(depth - 1)}`),
];
/** Lines of one paragraph, separated by <br/>. */
export const inline = (lines: string[]): XmlNode[] => lines.flatMap((line, i) => [...(i > 0 ? [el('br')] : []), ...lineNodes(line)]);
/** A line's text, with each image token as an <img> (pointed at its package file by `qtiImages`). */
const lineNodes = (line: string): XmlNode[] =>
  qtiLineParts(line).flatMap((p) => ('text' in p ? text(p.text) : [el('img', { 'data-image': p.id, alt: p.alt })]));
/** Several paragraphs inside one inline context (a choice): a blank line is two <br/>. */
export const flow = (value: string): XmlNode[] =>
  paragraphs(value).flatMap((p, i) => [...(i > 0 ? [el('br'), el('br')] : []), ...inline(p)]);
const xml = (root: XmlNode): string => `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build([root]) as string}\n`;

/**
 * Writes questions as IMS QTI 2.1 assessmentItems, one file each (read back by `parseQtiItems`),
 * plus an `imsmanifest.xml` for a content package. The subset `parseQti` reads:
 *
 * - single_choice / multiple_response → choiceInteraction (cardinality single / multiple,
 *   `match_correct`; multiple response with partial credit: `map_response` with +1 per correct
 *   and −1 per wrong choice, bounded 0…N — Manabi's rule);
 * - ordering → orderInteraction (`match_correct`);
 * - short_text → textEntryInteraction, string: correctResponse = the first accepted answer, a
 *   mapEntry (1 point, `caseSensitive`) per accepted answer, `map_response`;
 * - numeric → textEntryInteraction, float: correctResponse = the value, `match_correct`. A
 *   tolerance cannot be expressed without custom response processing (which `parseQti` does not
 *   evaluate): the exact value is written and the tolerance reported as dropped.
 * - matching → matchInteraction, cloze → inline text entries and inline choices (see qti-gaps.ts).
 * The stem is the itemBody (paragraphs, <br/>); a text entry goes in place of the stem's first
 * "_____", else in a paragraph after it. true_false has no interaction in the subset: skipped.
 * Not written, reported per question: feedback, explanation, option feedback, skill tags,
 * level, difficulty, the other language, control characters, option ids that are not QTI identifiers (renamed a, b, c…).
 */
export function exportQti(questions: Question[], options: QtiExportOptions): QtiExportResult {
  const version = options.version ?? '2.1';
  const warnings: ExportIssue[] = [];
  const files: QtiFile[] = [];
  const width = Math.max(3, String(questions.length).length);
  questions.forEach((q, i) => {
    const index = i + 1;
    if (q.type === 'true_false') {
      warnings.push(issue(index, q.title, 'skipped', msg('export.qti_true_false')));
      return;
    }
    if (q.type === 'description') {
      warnings.push(issue(index, q.title, 'skipped', msg('export.qti_description')));
      return;
    }
    const w = new TextWriter(options.locale);
    const identifier = `item-${String(index).padStart(width, '0')}`;
    const stem = w.pick(q.stem);
    const title = q.title ? w.clean(q.title) : excerpt(imagesAsAlt(stem), `Question ${index}`);
    let declaration!: XmlNode;
    let interaction!: XmlNode;
    let parts: QtiParts | null = null;
    let template: string | null = 'match_correct';
    let scorerNotes: XmlNode | null = null;
    let maximum = 1;
    switch (q.type) {
      case 'single_choice':
      case 'multiple_response':
      case 'ordering': {
        const id = identifiers(q.options, w);
        const choices = block(
          3,
          q.options.map((o) => el('simpleChoice', { identifier: id(o.id) }, flow(w.pick(o.text)))),
        );
        if (q.options.some((o) => o.feedback)) w.lose(msg('lost.option_feedback'));
        if (q.type === 'ordering') {
          declaration = response('ordered', 'identifier', q.order.map(id));
          interaction = el('orderInteraction', { responseIdentifier: 'RESPONSE', shuffle: 'true' }, choices);
        } else {
          const single = q.type === 'single_choice';
          const mapped = q.type === 'multiple_response' && q.partialCredit;
          const mapping = mapped
            ? [
                el(
                  'mapping',
                  { lowerBound: '0', upperBound: String(q.correctOptionIds.length), defaultValue: '0' },
                  block(
                    3,
                    q.options.map((o) => el('mapEntry', { mapKey: id(o.id), mappedValue: q.correctOptionIds.includes(o.id) ? '1' : '-1' })),
                  ),
                ),
              ]
            : [];
          if (mapped) {
            template = 'map_response';
            maximum = q.correctOptionIds.length;
          }
          declaration = response(single ? 'single' : 'multiple', 'identifier', q.correctOptionIds.map(id), mapping);
          interaction = el(
            'choiceInteraction',
            { responseIdentifier: 'RESPONSE', shuffle: 'true', maxChoices: single ? '1' : '0' },
            choices,
          );
        }
        break;
      }
      case 'short_text': {
        const accepted = q.accepted.map((a) => w.clean(a));
        const caseSensitive = String(q.caseSensitive);
        const mapping = el(
          'mapping',
          { defaultValue: '0' },
          block(
            3,
            accepted.map((a) => el('mapEntry', { mapKey: a, mappedValue: '1', caseSensitive })),
          ),
        );
        declaration = response('single', 'string', accepted.slice(0, 1), [mapping]);
        interaction = el('textEntryInteraction', { responseIdentifier: 'RESPONSE' });
        template = 'map_response';
        break;
      }
      case 'matching':
        parts = qtiMatching(q, w, stemBlocks(stem));
        break;
      case 'cloze':
        parts = qtiCloze(q, w, stem);
        break;
      case 'numeric':
        declaration = response('single', 'float', [String(q.answer.value)]);
        interaction = el('textEntryInteraction', { responseIdentifier: 'RESPONSE' });
        if (q.answer.tolerance > 0) w.lose(msg('lost.tolerance', { tolerance: q.answer.tolerance }));
        break;
      case 'essay': {
        // Scored by a person: no correct response and no response processing; the grade is out of the rubric's points.
        declaration = el('responseDeclaration', { identifier: 'RESPONSE', cardinality: 'single', baseType: 'string' });
        interaction = el('extendedTextInteraction', { responseIdentifier: 'RESPONSE' });
        template = null;
        maximum = q.rubric.reduce((n, c) => n + c.maxPoints, 0);
        if (q.graderNotes) scorerNotes = el('rubricBlock', { view: 'scorer' }, block(3, stemBlocks(w.pick(q.graderNotes))));
        w.lose(msg('lost.rubric'));
        if (q.minWords !== undefined || q.maxWords !== undefined) w.lose(msg('lost.word_limits'));
        break;
      }
    }
    const inlineEntry = q.type === 'short_text' || q.type === 'numeric';
    parts ??= {
      declarations: [declaration],
      body: inlineEntry ? stemBlocks(stem, interaction) : [...stemBlocks(stem), ...(scorerNotes ? [scorerNotes] : []), interaction],
      processing: template === null ? null : { template },
      maximum,
    };
    // Image tokens anywhere in the body (stem, options, matching prompts and choices) become package files.
    const pictured = qtiImages(parts.body, options.images, w);
    const { processing } = parts;
    if (q.feedback) w.lose(msg('lost.feedback'));
    if (q.explanation) w.lose(msg('lost.explanation'));
    if (q.skillTags.length > 0) w.lose(msg('lost.skill_tags'));
    if (q.level) w.lose(msg('lost.level'));
    if (q.difficultyPrior !== null) w.lose(msg('lost.difficulty'));
    if (w.lost.length > 0) warnings.push(issue(index, q.title, 'dropped', msg('export.not_in_qti', { lost: w.lost })));
    const item = el(
      'assessmentItem',
      {
        xmlns: version === '3.0' ? QTI3_NS : QTI2_NS,
        'xmlns:xsi': XSI_NS,
        'xsi:schemaLocation': SCHEMA[version],
        identifier,
        title,
        adaptive: 'false',
        timeDependent: 'false',
      },
      block(1, [
        ...parts.declarations,
        el(
          'outcomeDeclaration',
          { identifier: 'SCORE', cardinality: 'single', baseType: 'float', normalMaximum: String(parts.maximum) },
          parts.scoreDefault ? [el('defaultValue', {}, [el('value', {}, text('0'))])] : [],
        ),
        el('itemBody', {}, block(2, pictured.body)),
        ...(processing === null
          ? []
          : [
              'template' in processing
                ? el('responseProcessing', { template: rpTemplate(processing.template, version) })
                : el('responseProcessing', {}, processing.rules),
            ]),
      ]),
    );
    // 3.0 is the same item with the qti- names.
    const root = version === '3.0' ? (renameTree([item], qti3Element, qti3Attribute)[0] as XmlNode) : item;
    files.push({ name: `${identifier}.xml`, text: xml(root), ...(pictured.files.length > 0 ? { images: pictured.files } : {}) });
  });
  return { files, manifest: manifest(files, version), exported: files.length, warnings };
}

/** A responseDeclaration with its correctResponse (and mapping). */
export function response(
  cardinality: string,
  baseType: string,
  values: string[],
  mapping: XmlNode[] = [],
  identifier = 'RESPONSE',
): XmlNode {
  const correct = el(
    'correctResponse',
    {},
    block(
      3,
      values.map((v) => el('value', {}, text(v))),
    ),
  );
  return el('responseDeclaration', { identifier, cardinality, baseType }, block(2, [correct, ...mapping]));
}

/** Option id → QTI identifier: the ids themselves, or a, b, c… for all options when one is not an identifier. */
export function identifiers(options: Pick<QuestionOption, 'id'>[], w: TextWriter): (id: string) => string {
  const bad = options.filter((o) => !IDENTIFIER.test(o.id));
  if (bad.length === 0) return (id) => id;
  const renamed = new Map(options.map((o, i) => [o.id, optionIdAt(i)]));
  w.lose(msg('lost.option_ids', { ids: bad.map((o) => o.id).join(', '), renamed: [...renamed.values()].join(', ') }));
  return (id) => renamed.get(id) ?? id;
}

/** The stem as paragraphs; an inline `entry` replaces the first "_____", else it gets a paragraph of its own. */
function stemBlocks(stem: string, entry?: XmlNode): XmlNode[] {
  const paras = paragraphs(stem);
  const at = entry ? paras.findIndex((p) => p.some((line) => line.includes(BLANK))) : -1;
  const blocks = paras.map((p, i) => {
    if (i !== at || !entry) return el('p', {}, inline(p));
    const joined = p.join('\n');
    const k = joined.indexOf(BLANK);
    return el('p', {}, [...inline(joined.slice(0, k).split('\n')), entry, ...inline(joined.slice(k + BLANK.length).split('\n'))]);
  });
  if (entry && at < 0) blocks.push(el('p', {}, [entry]));
  return blocks;
}

function manifest(files: QtiFile[], version: '2.1' | '3.0'): string {
  const CP_NS = version === '3.0' ? 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1' : 'http://www.imsglobal.org/xsd/imscp_v1p1';
  const location =
    version === '3.0'
      ? 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd'
      : 'http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd';
  return xml(
    el(
      'manifest',
      {
        xmlns: CP_NS,
        'xmlns:xsi': XSI_NS,
        'xsi:schemaLocation': `${CP_NS} ${location}`,
        identifier: 'manabi-questions',
      },
      block(1, [
        el(
          'metadata',
          {},
          block(2, [
            el('schema', {}, text(version === '3.0' ? 'QTI Package' : 'QTIv2.1 Package')),
            el('schemaversion', {}, text(version === '3.0' ? '3.0.0' : '1.0.0')),
          ]),
        ),
        el('organizations'),
        el(
          'resources',
          {},
          block(
            2,
            files.map((f) =>
              el(
                'resource',
                {
                  identifier: f.name.replace(/\.xml$/, ''),
                  type: version === '3.0' ? 'imsqti_item_xmlv3p0' : 'imsqti_item_xmlv2p1',
                  href: f.name,
                },
                block(3, [el('file', { href: f.name }), ...(f.images ?? []).map((i) => el('file', { href: i.name }))]),
              ),
            ),
          ),
        ),
      ]),
    ),
  );
}
