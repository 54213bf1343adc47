import { msg } from '../messages/render.js';
import { optionIdSchema } from '../model.js';
import { attrsOf, elements, kidsOf, serialize, tagOf, type Declaration, type ONode } from './qti.js';
import { htmlToText } from './html.js';
import { pct, unique, type Draft, type ItemContext } from './types.js';

/**
 * The QTI interactions that become Manabi's matching and cloze questions:
 * - matchInteraction (two simpleMatchSets: the first holds the prompts, the second the choices;
 *   directedPair responses "prompt choice") → matching, one right choice per prompt. Scored as
 *   the share of prompts matched, whatever the item's template says (reported when it differs).
 * - inlineChoiceInteraction and textEntryInteraction gaps in one item body (two or more, or any
 *   inline choice) → cloze: each gap is a blank numbered in body order, scored against its own
 *   responseDeclaration (correctResponse, else the mapping's top-valued keys). A text entry with a
 *   string response is a text blank, with an integer / float one a numeric blank (exact).
 */

/** Where `serialize` leaves an inline gap (the n-th interaction found, 1-based), until we know what to write there. */
export const gapMark = (n: number): string => `\uE100${n}\uE101`;
export const GAP_MARKS = /\uE100(\d+)\uE101/g;

export const GAP_INTERACTIONS = new Set(['textEntryInteraction', 'inlineChoiceInteraction']);

/** True when the item's interactions make a cloze question (a lone text entry stays short_text / numeric). */
export function isClozeItem(found: ONode[]): boolean {
  const kinds = found.map(tagOf);
  return kinds.length > 0 && kinds.every((k) => GAP_INTERACTIONS.has(k)) && (kinds.length > 1 || kinds[0] === 'inlineChoiceInteraction');
}

/** `image` turns an <img> in a choice into an image token (see media.ts), as for the stem. */
export type ImageResolver = (src: string, alt: string) => string;

export function qtiCloze(
  ctx: ItemContext,
  stemHtmlText: string,
  found: ONode[],
  decls: Map<string, Declaration>,
  image?: ImageResolver,
): Draft | null {
  const blanks: Draft[] = [];
  found.forEach((gap, i) => {
    const id = String(i + 1);
    const where = msg('part.gap', { number: id });
    const responseId = attrsOf(gap)['responseIdentifier'] ?? '';
    const decl = decls.get(responseId);
    if (!decl) {
      ctx.error('invalid', msg('qti.gap_no_declaration', { gap: where, id: responseId }));
      return;
    }
    if (decl.cardinality !== 'single') {
      ctx.error('unsupported_feature', msg('qti.gap_cardinality', { gap: where, cardinality: decl.cardinality }));
      return;
    }
    const top = Math.max(0, ...decl.mapping.map((m) => m.value));
    const full = decl.mapping.filter((m) => m.value > 0 && m.value >= top);
    for (const m of decl.mapping.filter((m) => m.value > 0 && m.value < top)) {
      ctx.warn('dropped', msg('cloze.partial_dropped', { gap: where, answer: m.key, weight: pct((m.value / top) * 100) }));
    }
    const right = unique([...decl.correct, ...(decl.correct.length === 0 ? full.map((m) => m.key) : [])]);
    if (tagOf(gap) === 'inlineChoiceInteraction') {
      const options = elements(kidsOf(gap), 'inlineChoice').map((c) => ({
        id: attrsOf(c)['identifier'] ?? '',
        text: ctx.text(htmlToText(serialize(kidsOf(c), [], []), { image }).text) ?? {},
      }));
      for (const o of options) {
        if (!optionIdSchema.safeParse(o.id).success) ctx.error('invalid', msg('qti.gap_option_id', { gap: where, id: o.id }));
      }
      if (right.length !== 1) {
        ctx.error('invalid', msg('qti.gap_one_correct', { gap: where, count: right.length }));
        return;
      }
      blanks.push({ id, kind: 'choice', options, correctOptionId: right[0] });
    } else if (decl.baseType === 'integer' || decl.baseType === 'float') {
      const value = Number(right[0]);
      if (right.length !== 1 || !Number.isFinite(value)) ctx.error('invalid', msg('qti.gap_numeric', { gap: where }));
      else blanks.push({ id, kind: 'numeric', value, tolerance: 0 });
    } else if (decl.baseType === 'string') {
      const accepted = unique([...decl.correct, ...full.map((m) => m.key)]);
      const entries = decl.mapping.filter((m) => accepted.includes(m.key));
      const caseSensitive = !(entries.length > 0 && entries.every((m) => !m.caseSensitive));
      blanks.push({ id, kind: 'text', accepted, caseSensitive });
    } else {
      ctx.error('unsupported_feature', msg('qti.gap_base_type', { gap: where, baseType: decl.baseType }));
    }
  });
  if (ctx.hasFailed) return null;
  const stem = stemHtmlText.replace(GAP_MARKS, (_m, n: string) => `{{${n}}}`);
  return { stem: ctx.text(stem) ?? {}, type: 'cloze', blanks };
}

export function qtiMatching(
  ctx: ItemContext,
  stemText: string,
  interaction: ONode,
  decls: Map<string, Declaration>,
  template: string,
  image?: ImageResolver,
): Draft | null {
  const responseId = attrsOf(interaction)['responseIdentifier'] ?? '';
  const decl = decls.get(responseId);
  if (!decl) {
    ctx.error('invalid', msg('qti.match_no_declaration', { id: responseId }));
    return null;
  }
  const sets = elements(kidsOf(interaction), 'simpleMatchSet');
  if (sets.length !== 2) {
    ctx.error('invalid', msg('qti.match_sets', { count: sets.length }));
    return null;
  }
  const rows = (set: ONode) =>
    elements(kidsOf(set), 'simpleAssociableChoice').map((c) => ({
      id: attrsOf(c)['identifier'] ?? '',
      text: ctx.text(htmlToText(serialize(kidsOf(c), [], []), { image }).text) ?? {},
    }));
  const prompts = rows(sets[0] as ONode);
  const choices = rows(sets[1] as ONode);
  for (const r of [...prompts, ...choices]) {
    if (!optionIdSchema.safeParse(r.id).success) ctx.error('invalid', msg('qti.match_id', { id: r.id }));
  }
  const top = Math.max(0, ...decl.mapping.map((m) => m.value));
  const pairs = decl.correct.length > 0 ? decl.correct : decl.mapping.filter((m) => m.value > 0 && m.value >= top).map((m) => m.key);
  const key: Record<string, string> = {};
  for (const pair of pairs) {
    const [source = '', target = ''] = pair.trim().split(/\s+/);
    if (key[source] !== undefined && key[source] !== target) {
      ctx.error('unsupported_feature', msg('qti.match_several', { prompt: source }));
      continue;
    }
    key[source] = target;
  }
  for (const p of prompts) {
    if (key[p.id] === undefined) ctx.error('invalid', msg('qti.match_missing', { prompt: p.id }));
  }
  if (template && !template.endsWith('map_response')) {
    ctx.warn('dropped', msg('qti.match_template_dropped', { template: template.split('/').pop() ?? template }));
  } else if (new Set(decl.mapping.map((m) => m.value)).size > 1) {
    ctx.warn('dropped', msg('qti.match_points_dropped'));
  }
  if (ctx.hasFailed) return null;
  return { stem: ctx.text(stemText) ?? {}, type: 'matching', prompts, choices, key };
}
