/**
 * QTI 3.0 renamed QTI 2.x's elements and attributes: `choiceInteraction` became
 * `qti-choice-interaction`, `responseIdentifier` became `response-identifier`, in a new namespace.
 * The structure did not change for the subset Manabi reads and writes, so one mapping turns either
 * version into the other; HTML elements in the item body (p, br, img, ruby…) keep their names.
 */

/** QTI 2.x element names that have a `qti-` counterpart in 3.0 (the ones our subset meets). */
const QTI_ELEMENTS = [
  'assessmentItem',
  'responseDeclaration',
  'outcomeDeclaration',
  'templateDeclaration',
  'templateProcessing',
  'correctResponse',
  'defaultValue',
  'value',
  'mapping',
  'mapEntry',
  'areaMapping',
  'stylesheet',
  'itemBody',
  'responseProcessing',
  'modalFeedback',
  'feedbackInline',
  'feedbackBlock',
  'rubricBlock',
  'templateInline',
  'templateBlock',
  'prompt',
  'simpleChoice',
  'inlineChoice',
  'choiceInteraction',
  'orderInteraction',
  'textEntryInteraction',
  'extendedTextInteraction',
  'inlineChoiceInteraction',
  'matchInteraction',
  'simpleMatchSet',
  'simpleAssociableChoice',
  'associateInteraction',
  'gapMatchInteraction',
  'gapText',
  'gap',
  'hottextInteraction',
  'hottext',
  'hotspotInteraction',
  'hotspotChoice',
  'sliderInteraction',
  'uploadInteraction',
  'drawingInteraction',
  'mediaInteraction',
  'customInteraction',
  'portableCustomInteraction',
  'endAttemptInteraction',
  'selectPointInteraction',
  'graphicOrderInteraction',
  'graphicAssociateInteraction',
  'graphicGapMatchInteraction',
  'positionObjectInteraction',
  // Response processing written for cloze items (one rule per gap).
  'responseCondition',
  'responseIf',
  'responseElse',
  'setOutcomeValue',
  'match',
  'variable',
  'correct',
  'sum',
  'gt',
  'baseValue',
  'mapResponse',
] as const;

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

const TO_3 = new Map<string, string>(QTI_ELEMENTS.map((n) => [n, `qti-${kebab(n)}`]));
const FROM_3 = new Map<string, string>(QTI_ELEMENTS.map((n) => [`qti-${kebab(n)}`, n]));

export const QTI2_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
export const QTI3_NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';

/** A QTI 3.0 element name as QTI 2.x spells it, or null for a non-QTI (HTML) element. */
export function qti2Element(name: string): string | null {
  return FROM_3.get(name) ?? (name.startsWith('qti-') ? camel(name.slice(4)) : null);
}

/** A QTI 2.x element name as QTI 3.0 spells it, or null for a non-QTI (HTML) element. */
export function qti3Element(name: string): string | null {
  return TO_3.get(name) ?? null;
}

/** Attributes of a QTI element: kebab-case in 3.0, camelCase in 2.x. Namespaced ones (xml:lang, xsi:…) stay. */
export function qti2Attribute(name: string): string {
  return name.includes(':') || name.startsWith('data-') ? name : camel(name);
}

export function qti3Attribute(name: string): string {
  return name.includes(':') || name === 'xmlns' ? name : kebab(name);
}

/** Response-processing templates: the 2.1 URL and the 3.0 one for the same template name. */
export const rpTemplate = (name: string, version: '2.1' | '3.0'): string =>
  version === '3.0'
    ? `https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/${name}.xml`
    : `http://www.imsglobal.org/question/qti_v2p1/rptemplates/${name}`;

type Node = Record<string, unknown>;

/**
 * Renames a fast-xml-parser `preserveOrder` tree (`[{ tag: [children], ':@': attrs }]`) from
 * one version's names to the other's. Only QTI elements and their attributes change.
 */
export function renameTree(nodes: Node[], element: (name: string) => string | null, attribute: (name: string) => string): Node[] {
  return nodes.map((node) => {
    const tag = Object.keys(node).find((k) => k !== ':@');
    if (tag === undefined || tag === '#text' || tag === '#cdata' || tag === '#comment' || tag.startsWith('?')) return node;
    const renamed = element(tag);
    const attrs = node[':@'] as Record<string, string> | undefined;
    const children = Array.isArray(node[tag]) ? renameTree(node[tag] as Node[], element, attribute) : node[tag];
    return {
      [renamed ?? tag]: children,
      ...(attrs ? { ':@': renamed ? Object.fromEntries(Object.entries(attrs).map(([k, v]) => [attribute(k), v])) : attrs } : {}),
    };
  });
}
