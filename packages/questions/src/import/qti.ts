import { msg } from '../messages/render.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { optionIdSchema } from '../model.js';
import { htmlToText } from './html.js';
import { importedEssay } from '../types/essay-import.js';
import { GAP_MARKS, gapMark, isClozeItem, qtiCloze, qtiMatching } from './qti-gaps.js';
import { qtiImageFinder, type PackageFiles } from './qti-images.js';
import { imageResolver } from './media.js';
import { qti2Attribute, qti2Element, renameTree } from './qti-names.js';
import {
  DEFAULT_MAX_ITEMS,
  ImportCollector,
  pct,
  unique,
  type Draft,
  type ImportOptions,
  type ImportResult,
  type ItemContext,
} from './types.js';

/**
 * IMS QTI 2.1 / 2.2 / 3.0 assessmentItem import (3.0's qti- names are read as 2.x's) — a subset:
 * - choiceInteraction: cardinality "single" → single_choice, "multiple" → multiple_response
 *   (correct set from correctResponse, else from the positive mapEntry keys; map_response
 *   scoring → partial credit, mapping values not kept exactly: warning);
 * - textEntryInteraction with a string response → short_text (accepted: correctResponse values
 *   and full-score mapEntry keys; case-sensitive as in QTI unless every entry says otherwise),
 *   with an integer/float response → numeric (exact value);
 * - orderInteraction → ordering;
 * - matchInteraction → matching; several inline gaps (text entry, inline choice) → cloze (qti-gaps.ts);
 * - extendedTextInteraction → essay (graded by a person): a rubricBlock for the scorer becomes the
 *   graders' notes, the SCORE outcome's normalMaximum the rubric criterion's points.
 * The stem is the itemBody as plain text with the interaction's prompt in place and "_____"
 * for an inline text entry. Items with another interaction, several interactions or template
 * variables are reported and not imported; images, feedback blocks and modal feedback are
 * reported as not kept. A QTI package (zip) is for the caller to unpack: pass its item files
 * to `parseQtiItems`.
 */
export function parseQti(text: string, options: ImportOptions = {}): ImportResult {
  return parseQtiItems([{ name: options.fileName ?? '', text }], options);
}

/** `packageFiles`: the other files of the content package the items come from (their images). */
export function parseQtiItems(
  files: { name: string; text: string }[],
  options: ImportOptions = {},
  packageFiles?: PackageFiles,
): ImportResult {
  const out = new ImportCollector('qti21', options);
  const max = options.maxItems ?? DEFAULT_MAX_ITEMS;
  if (files.length > max) {
    out.fileError(msg('file.too_many_items', { count: files.length, max }));
    return out.result();
  }
  for (const file of files) importItem(out, file.text, file.name || undefined, packageFiles);
  return out.result();
}

export type ONode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: true,
  // XML character references (&#233;) and the HTML names some exporters write are text.
  htmlEntities: true,
});

export const tagOf = (n: ONode): string => Object.keys(n).find((k) => k !== ':@') ?? '';
export const kidsOf = (n: ONode): ONode[] => {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as ONode[]) : [];
};
export const attrsOf = (n: ONode): Record<string, string> => (n[':@'] ?? {}) as Record<string, string>;
const isText = (n: ONode): boolean => '#text' in n;
export const elements = (nodes: ONode[], tag?: string): ONode[] =>
  nodes.filter((n) => !isText(n) && (tag === undefined || tagOf(n) === tag));
const textContent = (nodes: ONode[]): string =>
  nodes.map((n) => (isText(n) ? String(n['#text']) : n['#cdata'] ? textContent(kidsOf(n)) : textContent(kidsOf(n)))).join('');

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SUPPORTED = new Set([
  'choiceInteraction',
  'orderInteraction',
  'textEntryInteraction',
  'matchInteraction',
  'inlineChoiceInteraction',
  'extendedTextInteraction',
]);
const INTERACTIONS = new Set([
  ...SUPPORTED,
  'associateInteraction',
  'customInteraction',
  'drawingInteraction',
  'endAttemptInteraction',
  'gapMatchInteraction',
  'graphicAssociateInteraction',
  'graphicGapMatchInteraction',
  'graphicOrderInteraction',
  'hotspotInteraction',
  'hottextInteraction',
  'inlineChoiceInteraction',
  'matchInteraction',
  'mediaInteraction',
  'positionObjectInteraction',
  'selectPointInteraction',
  'sliderInteraction',
  'uploadInteraction',
  'portableCustomInteraction',
]);
const DROPPED_BLOCKS = new Set(['feedbackInline', 'feedbackBlock', 'rubricBlock', 'templateInline', 'templateBlock']);

export interface Declaration {
  cardinality: string;
  baseType: string;
  correct: string[];
  mapping: { key: string; value: number; caseSensitive: boolean }[];
}

function importItem(out: ImportCollector, text: string, file: string | undefined, packageFiles: PackageFiles | undefined): void {
  const rootLine = (() => {
    const m = /<([A-Za-z_][\w.-]*:)?(assessmentItem|qti-assessment-item)\b/.exec(text);
    return m ? text.slice(0, m.index).split('\n').length : 1;
  })();
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    out
      .item({ line: valid.err.line, ...(file ? { file } : {}) })
      .error('syntax', msg('file.xml_not_well_formed'), { line: valid.err.line });
    return;
  }
  let doc = parser.parse(text) as ONode[];
  // QTI 3.0 is QTI 2.x with new names (qti-choice-interaction, response-identifier): read it as 2.x.
  if (elements(doc).some((n) => tagOf(n) === 'qti-assessment-item')) doc = renameTree(doc, qti2Element, qti2Attribute);
  const root = elements(doc).find((n) => !tagOf(n).startsWith('?'));
  const rootTag = root ? tagOf(root) : '';
  const a = root ? attrsOf(root) : {};
  const ctx = out.item({
    line: rootLine,
    ...(a['title'] ? { name: a['title'] } : {}),
    ...(a['identifier'] ? { id: a['identifier'] } : {}),
    ...(file ? { file } : {}),
  });
  if (!root || rootTag !== 'assessmentItem') {
    const what =
      rootTag === 'questestinterop'
        ? msg('qti.not_an_item_v1')
        : rootTag === 'assessmentTest' || rootTag === 'qti-assessment-test'
          ? msg('qti.not_an_item_test')
          : msg('qti.not_an_item', { root: rootTag || msg('xml.type_none') });
    ctx.error('unsupported_type', what);
    return;
  }
  const item = kidsOf(root);
  if (elements(item, 'templateDeclaration').length > 0 || elements(item, 'templateProcessing').length > 0) {
    ctx.error('unsupported_feature', msg('qti.template_variables'));
  }
  const decls = new Map<string, Declaration>();
  for (const d of elements(item, 'responseDeclaration')) decls.set(attrsOf(d)['identifier'] ?? '', declaration(d));

  const body = elements(item, 'itemBody')[0];
  const found: ONode[] = [];
  const dropped: string[] = [];
  const media: string[] = [];
  const stemMarkup = body ? serialize(kidsOf(body), found, dropped) : '';
  const image = imageResolver(ctx, qtiImageFinder(file ?? '', packageFiles));
  const stemText = htmlToText(stemMarkup, { image });
  media.push(...stemText.images);

  const kinds = found.map(tagOf);
  const unsupported = unique(kinds.filter((k) => !SUPPORTED.has(k)));
  if (found.length === 0) ctx.error('invalid', msg('qti.no_interaction'));
  else if (unsupported.length > 0)
    ctx.error('unsupported_type', msg('qti.interaction_unsupported', { kinds: unsupported.map((k) => `"${k}"`).join(', ') }));
  else if (found.length > 1 && !isClozeItem(found))
    ctx.error('unsupported_feature', msg('qti.several_interactions', { count: found.length, kinds: kinds.join(', ') }));
  if (ctx.hasFailed) return;

  const kind0 = tagOf(found[0] as ONode);
  // An essay's rubricBlock for scorers is what graders read: kept as the graders' notes.
  const scorerNotes = kind0 === 'extendedTextInteraction' && body ? scorerRubric(kidsOf(body), image) : '';
  for (const tag of unique(dropped)) {
    if (tag === 'rubricBlock' && scorerNotes && !hasOtherRubric(body ? kidsOf(body) : [])) continue;
    ctx.warn('dropped', msg('qti.content_dropped', { tag }));
  }
  if (elements(item, 'modalFeedback').length > 0) ctx.warn('dropped', msg('qti.modal_feedback_dropped'));
  const rp = elements(item, 'responseProcessing')[0];
  // 2.x names templates ".../rptemplates/match_correct", 3.0 ".../rptemplates/match_correct.xml".
  const template = rp ? (attrsOf(rp)['template'] ?? '').replace(/\.xml$/, '') : '';
  const cloze = isClozeItem(found);
  // A cloze item scores each gap on its own correctResponse: custom processing that sums them is expected.
  if (rp && !template && elements(kidsOf(rp)).length > 0 && !cloze) {
    ctx.warn('suspicious', msg('qti.custom_processing'));
  }

  const interaction = found[0] as ONode;
  const kind = tagOf(interaction);
  if (cloze || kind === 'matchInteraction') {
    const mapped = cloze
      ? qtiCloze(ctx, stemText.text, found, decls, image)
      : qtiMatching(ctx, stemText.text.replace(GAP_MARKS, '_____'), interaction, decls, template, image);
    for (const src of unique(media)) ctx.warn('dropped', msg('media.dropped', { src }));
    if (mapped && !ctx.hasFailed) finish(ctx, mapped, a['title']);
    return;
  }
  const responseId = attrsOf(interaction)['responseIdentifier'] ?? '';
  const decl = decls.get(responseId);
  if (!decl) {
    ctx.error('invalid', msg('qti.no_declaration', { id: responseId }));
    return;
  }
  const stem = ctx.text(stemText.text.replace(GAP_MARKS, '_____'));
  let input: Draft | null = null;

  if (kind === 'choiceInteraction' || kind === 'orderInteraction') {
    const choices = elements(kidsOf(interaction), 'simpleChoice').map((c) => {
      const id = attrsOf(c)['identifier'] ?? '';
      const t = htmlToText(serialize(kidsOf(c), [], dropped), { image });
      media.push(...t.images);
      return { id, text: t.text };
    });
    for (const c of choices) {
      if (!optionIdSchema.safeParse(c.id).success) ctx.error('invalid', msg('qti.option_id', { id: c.id }));
    }
    const options = choices.map((c) => ({ id: c.id, text: ctx.text(c.text) ?? {} }));
    if (kind === 'orderInteraction') {
      if (decl.cardinality !== 'ordered') ctx.error('invalid', msg('qti.order_cardinality', { cardinality: decl.cardinality }));
      if (template && !template.endsWith('match_correct'))
        ctx.warn('dropped', msg('qti.order_template_dropped', { template: templateName(template) }));
      input = { stem, type: 'ordering', options, order: decl.correct };
    } else {
      let correct = decl.correct;
      if (correct.length === 0) correct = decl.mapping.filter((m) => m.value > 0).map((m) => m.key);
      const mapped = template.endsWith('map_response') || (decl.correct.length === 0 && decl.mapping.length > 0);
      if (decl.cardinality === 'single') {
        input = { stem, type: 'single_choice', options, correctOptionIds: correct };
      } else if (decl.cardinality === 'multiple') {
        if (mapped && decl.mapping.length > 0) {
          ctx.warn(
            'dropped',
            msg('qti.mapped_scores_dropped', { scores: decl.mapping.map((m) => `${m.key}: ${m.value}`).join(', '), count: correct.length }),
          );
        }
        input = { stem, type: 'multiple_response', options, correctOptionIds: correct, partialCredit: mapped };
      } else {
        ctx.error('invalid', msg('qti.choice_cardinality', { cardinality: decl.cardinality }));
      }
    }
  } else if (kind === 'extendedTextInteraction') {
    if (decl.cardinality !== 'single') ctx.error('unsupported_feature', msg('qti.essay_cardinality', { cardinality: decl.cardinality }));
    const maxScore = elements(item, 'outcomeDeclaration')
      .map(attrsOf)
      .find((o) => o['identifier'] === 'SCORE')?.['normalMaximum'];
    const format = attrsOf(interaction)['format'];
    if (format === 'xhtml') ctx.warn('dropped', msg('qti.xhtml_dropped'));
    input = {
      stem,
      ...importedEssay(ctx, { markOutOf: maxScore === undefined ? null : Number(maxScore), graderNotes: scorerNotes }),
    };
  } else if (kind === 'textEntryInteraction') {
    if (decl.cardinality !== 'single')
      ctx.error('unsupported_feature', msg('qti.text_entry_cardinality', { cardinality: decl.cardinality }));
    if (decl.baseType === 'integer' || decl.baseType === 'float') {
      const value = Number(decl.correct[0]);
      if (decl.correct.length !== 1 || !Number.isFinite(value)) ctx.error('invalid', msg('qti.numeric_one_value'));
      else input = { stem, type: 'numeric', answer: { value, tolerance: 0 } };
    } else if (decl.baseType === 'string') {
      const top = Math.max(0, ...decl.mapping.map((m) => m.value));
      const full = decl.mapping.filter((m) => m.value > 0 && m.value >= top);
      for (const m of decl.mapping.filter((m) => m.value > 0 && m.value < top)) {
        ctx.warn('dropped', msg('answer.partial_dropped', { answer: m.key, weight: pct((m.value / top) * 100) }));
      }
      const accepted = unique([...decl.correct, ...full.map((m) => m.key)]);
      const entries = decl.mapping.filter((m) => accepted.includes(m.key));
      const caseSensitive = !(entries.length > 0 && entries.every((m) => !m.caseSensitive));
      input = { stem, type: 'short_text', accepted, caseSensitive };
    } else {
      ctx.error('unsupported_feature', msg('qti.base_type', { baseType: decl.baseType }));
    }
  }
  for (const src of unique(media)) ctx.warn('dropped', msg('media.dropped', { src }));
  if (!input || ctx.hasFailed) return;
  finish(ctx, input, a['title']);
}

const isScorerRubric = (n: ONode): boolean => tagOf(n) === 'rubricBlock' && /\bscorer\b/.test(attrsOf(n)['view'] ?? '');

/**
 * The text of the item body's rubric blocks meant for scorers. `image` turns an <img> in them into
 * an image token, as in the stem (graders see it on the grading page).
 */
function scorerRubric(nodes: ONode[], image: (src: string, alt: string) => string): string {
  const blocks: string[] = [];
  const walk = (list: ONode[]): void => {
    for (const n of elements(list)) {
      if (isScorerRubric(n)) blocks.push(htmlToText(serialize(kidsOf(n), [], []), { image }).text);
      else walk(kidsOf(n));
    }
  };
  walk(nodes);
  return blocks.filter(Boolean).join('\n\n');
}

/** Whether a rubric block for someone other than the scorer (candidate, tutor…) is there too. */
function hasOtherRubric(nodes: ONode[]): boolean {
  return elements(nodes).some((n) => (tagOf(n) === 'rubricBlock' && !isScorerRubric(n)) || hasOtherRubric(kidsOf(n)));
}

function finish(ctx: ItemContext, input: Draft, title: string | undefined): void {
  ctx.finish({ ...input, ...(title?.trim() ? { title: title.trim() } : {}), skillTags: [] });
}

const templateName = (url: string): string => url.split('/').pop() ?? url;

function declaration(d: ONode): Declaration {
  const a = attrsOf(d);
  const kids = kidsOf(d);
  const correctNode = elements(kids, 'correctResponse')[0];
  const correct = correctNode ? elements(kidsOf(correctNode), 'value').map((v) => textContent(kidsOf(v)).trim()) : [];
  const mappingNode = elements(kids, 'mapping')[0];
  const mapping = mappingNode
    ? elements(kidsOf(mappingNode), 'mapEntry').map((e) => {
        const ea = attrsOf(e);
        return { key: ea['mapKey'] ?? '', value: Number(ea['mappedValue'] ?? '0') || 0, caseSensitive: ea['caseSensitive'] !== 'false' };
      })
    : [];
  return { cardinality: a['cardinality'] ?? 'single', baseType: a['baseType'] ?? '', correct, mapping };
}

/**
 * itemBody content back to HTML for htmlToText. Interactions are collected into `found`: block
 * interactions leave their <prompt>, inline text entries a "_____" blank.
 */
export function serialize(nodes: ONode[], found: ONode[], dropped: string[]): string {
  let html = '';
  for (const n of nodes) {
    if (isText(n)) {
      html += escapeXml(String(n['#text']));
      continue;
    }
    const tag = tagOf(n);
    if (tag === '#cdata') {
      html += escapeXml(textContent(kidsOf(n)));
      continue;
    }
    if (tag.startsWith('?') || tag === '#comment') continue;
    if (INTERACTIONS.has(tag)) {
      found.push(n);
      if (tag === 'textEntryInteraction' || tag === 'inlineChoiceInteraction') html += gapMark(found.length);
      else if (tag === 'endAttemptInteraction') html += '_____';
      else {
        const prompt = elements(kidsOf(n), 'prompt')[0];
        if (prompt) html += `<p>${serialize(kidsOf(prompt), found, dropped)}</p>`;
      }
      continue;
    }
    if (DROPPED_BLOCKS.has(tag)) {
      dropped.push(tag);
      continue;
    }
    const attrs = Object.entries(attrsOf(n))
      .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
      .join('');
    html += `<${tag}${attrs}>${serialize(kidsOf(n), found, dropped)}</${tag}>`;
  }
  return html;
}
