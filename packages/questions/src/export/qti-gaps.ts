import { msg } from '../messages/render.js';
import type { Question } from '../model.js';
import { splitCloze, type ClozeBlank } from '../types/cloze.js';
import { block, el, flow, identifiers, inline, response, text, type XmlNode } from './qti.js';
import { paragraphs, type TextWriter } from './xml-text.js';

/** What a question type contributes to an assessmentItem besides the common parts. */
export interface QtiParts {
  declarations: XmlNode[];
  body: XmlNode[];
  /** A standard template name, custom responseProcessing content, or null when a person scores the item (essay). */
  processing: { template: string } | { rules: XmlNode[] } | null;
  maximum: number;
  /** SCORE starts at 0 (needed when custom rules add to it). */
  scoreDefault?: boolean;
}

/**
 * matching → matchInteraction: the first simpleMatchSet holds the prompts (matchMax 1), the second the
 * choices (matchMax = prompts, so a choice may serve several); the key as directedPair values, and a
 * mapping of 1 per right pair with `map_response`, so SCORE is the number of prompts matched.
 */
export function qtiMatching(q: Extract<Question, { type: 'matching' }>, w: TextWriter, stemBlocks: XmlNode[]): QtiParts {
  const promptId = identifiers(q.prompts, w);
  const choiceId = identifiers(q.choices, w);
  const pairs = q.prompts.map((p) => `${promptId(p.id)} ${choiceId(q.key[p.id] ?? '')}`);
  const mapping = el(
    'mapping',
    { lowerBound: '0', upperBound: String(q.prompts.length), defaultValue: '0' },
    block(
      3,
      pairs.map((pair) => el('mapEntry', { mapKey: pair, mappedValue: '1' })),
    ),
  );
  const set = (rows: { id: string; text: Parameters<TextWriter['pick']>[0] }[], id: (x: string) => string, max: number) =>
    el(
      'simpleMatchSet',
      {},
      block(
        4,
        rows.map((r) => el('simpleAssociableChoice', { identifier: id(r.id), matchMax: String(max) }, flow(w.pick(r.text)))),
      ),
    );
  const interaction = el(
    'matchInteraction',
    { responseIdentifier: 'RESPONSE', shuffle: 'true', maxAssociations: String(q.prompts.length) },
    block(3, [set(q.prompts, promptId, 1), set(q.choices, choiceId, q.prompts.length)]),
  );
  return {
    declarations: [response('multiple', 'directedPair', pairs, [mapping])],
    body: [...stemBlocks, interaction],
    processing: { template: 'map_response' },
    maximum: q.prompts.length,
  };
}

/**
 * cloze → one inline interaction per blank where its marker is (RESPONSE_1, RESPONSE_2 …): text
 * blanks as textEntryInteraction with a string response (every accepted answer in the mapping,
 * `caseSensitive`), numeric ones with a float response (exact: a tolerance is reported as
 * dropped), choice ones as inlineChoiceInteraction. QTI templates score one response, so the
 * item's responseProcessing adds 1 to SCORE per right gap.
 */
export function qtiCloze(q: Extract<Question, { type: 'cloze' }>, w: TextWriter, stem: string): QtiParts {
  const rid = (b: ClozeBlank) => `RESPONSE_${b.id}`;
  const declarations: XmlNode[] = [];
  const rules: XmlNode[] = [];
  const interactions = new Map<string, XmlNode>();
  for (const b of q.blanks) {
    let right: XmlNode;
    switch (b.kind) {
      case 'text': {
        const accepted = b.accepted.map((a) => w.clean(a));
        const mapping = el(
          'mapping',
          { defaultValue: '0' },
          block(
            3,
            accepted.map((a) => el('mapEntry', { mapKey: a, mappedValue: '1', caseSensitive: String(b.caseSensitive) })),
          ),
        );
        declarations.push(response('single', 'string', accepted.slice(0, 1), [mapping], rid(b)));
        interactions.set(b.id, el('textEntryInteraction', { responseIdentifier: rid(b) }));
        right = el('gt', {}, [el('mapResponse', { identifier: rid(b) }), el('baseValue', { baseType: 'float' }, text('0'))]);
        break;
      }
      case 'numeric':
        declarations.push(response('single', 'float', [String(b.value)], [], rid(b)));
        interactions.set(b.id, el('textEntryInteraction', { responseIdentifier: rid(b) }));
        if (b.tolerance > 0) w.lose(msg('lost.blank_tolerance', { tolerance: b.tolerance, blank: b.id }));
        right = el('match', {}, [el('variable', { identifier: rid(b) }), el('correct', { identifier: rid(b) })]);
        break;
      case 'choice': {
        const id = identifiers(b.options, w);
        declarations.push(response('single', 'identifier', [id(b.correctOptionId)], [], rid(b)));
        interactions.set(
          b.id,
          el(
            'inlineChoiceInteraction',
            { responseIdentifier: rid(b), shuffle: 'false' },
            b.options.map((o) => el('inlineChoice', { identifier: id(o.id) }, flow(w.pick(o.text)))),
          ),
        );
        right = el('match', {}, [el('variable', { identifier: rid(b) }), el('correct', { identifier: rid(b) })]);
        break;
      }
    }
    rules.push(
      el('responseCondition', {}, [
        el('responseIf', {}, [
          right,
          el('setOutcomeValue', { identifier: 'SCORE' }, [
            el('sum', {}, [el('variable', { identifier: 'SCORE' }), el('baseValue', { baseType: 'float' }, text('1'))]),
          ]),
        ]),
      ]),
    );
  }
  const body = paragraphs(stem).map((lines) => {
    const parts = splitCloze(lines.join('\n'));
    return el(
      'p',
      {},
      parts.flatMap((part) => ('text' in part ? inline(part.text.split('\n')) : [interactions.get(part.blank) ?? el('span')])),
    );
  });
  return { declarations, body, processing: { rules: block(2, rules) }, maximum: q.blanks.length, scoreDefault: true };
}
