import { describe, expect, it } from 'vitest';
import { loadCatalog } from './source.js';
import { choiceItem, file } from './test-support.js';

describe('loading the catalog folder', () => {
  it('loads items whose level and skill match their file', () => {
    const out = loadCatalog([file('new_hire/business-basics.yaml', [choiceItem('a-1'), choiceItem('a-2')])]);
    expect(out.failures).toEqual([]);
    expect(out.items.map((i) => [i.id, i.file, i.index])).toEqual([
      ['a-1', 'new_hire/business-basics.yaml', 1],
      ['a-2', 'new_hire/business-basics.yaml', 2],
    ]);
  });

  it('reports a bad path, a wrong level or skill, an unknown tag, broken YAML and a non-list file', () => {
    const out = loadCatalog([
      file('freshers/business-basics.yaml', [choiceItem('p-1')]),
      file('new_hire/cooking.yaml', [choiceItem('p-2')]),
      file('junior/business-basics.yaml', [choiceItem('p-3')]),
      file('new_hire/compliance.yaml', [choiceItem('p-4', { skillTags: ['コンプライアンス', '料理'] }), choiceItem('p-5')]),
      { path: 'new_hire/teamwork.yaml', text: '- id: [unclosed' },
      { path: 'new_hire/communication.yaml', text: 'id: not-a-list' },
    ]);
    const messages = out.failures.map((f) => `${f.where}: ${f.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^freshers\/business-basics.yaml: expected <level>\/<skill>.yaml/),
        expect.stringMatching(/^new_hire\/cooking.yaml: expected/),
        expect.stringMatching(/^junior\/business-basics.yaml#1 \(p-3\): level: "new_hire" in the junior\/ folder/),
        expect.stringMatching(/p-4\): skillTags: "料理" is not a skill/),
        expect.stringMatching(/p-5\): skillTags: must include "コンプライアンス"/),
        expect.stringMatching(/^new_hire\/teamwork.yaml: YAML/),
        expect.stringMatching(/^new_hire\/communication.yaml: a file is a YAML sequence/),
      ]),
    );
  });
});
