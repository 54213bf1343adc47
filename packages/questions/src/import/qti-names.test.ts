import { describe, expect, it } from 'vitest';
import { qti2Attribute, qti2Element, qti3Attribute, qti3Element, renameTree } from './qti-names.js';

describe('QTI 2.x ⇄ 3.0 names', () => {
  it('maps elements both ways and leaves HTML alone', () => {
    expect(qti3Element('choiceInteraction')).toBe('qti-choice-interaction');
    expect(qti3Element('value')).toBe('qti-value');
    expect(qti3Element('p')).toBeNull();
    expect(qti2Element('qti-assessment-item')).toBe('assessmentItem');
    expect(qti2Element('qti-simple-choice')).toBe('simpleChoice');
    expect(qti2Element('qti-stylesheet')).toBe('stylesheet');
    expect(qti2Element('ruby')).toBeNull();
  });

  it('maps attributes, keeping namespaced ones', () => {
    expect(qti3Attribute('responseIdentifier')).toBe('response-identifier');
    expect(qti2Attribute('max-choices')).toBe('maxChoices');
    expect(qti2Attribute('xml:lang')).toBe('xml:lang');
    expect(qti3Attribute('xsi:schemaLocation')).toBe('xsi:schemaLocation');
  });

  it('renames a tree: QTI elements and their attributes only', () => {
    const tree = [
      {
        'qti-choice-interaction': [
          { p: [{ '#text': 'x' }], ':@': { class: 'a-b' } },
          { 'qti-simple-choice': [{ '#text': 'A' }], ':@': { identifier: 'A' } },
        ],
        ':@': { 'response-identifier': 'RESPONSE', 'max-choices': '1' },
      },
    ];
    expect(renameTree(tree, qti2Element, qti2Attribute)).toEqual([
      {
        choiceInteraction: [
          { p: [{ '#text': 'x' }], ':@': { class: 'a-b' } },
          { simpleChoice: [{ '#text': 'A' }], ':@': { identifier: 'A' } },
        ],
        ':@': { responseIdentifier: 'RESPONSE', maxChoices: '1' },
      },
    ]);
  });
});
