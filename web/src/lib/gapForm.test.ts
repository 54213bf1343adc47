import { describe, expect, it } from 'vitest';
import type { Question } from '../api/types';
import { fromContent, toContent, toServedItem, checkForm, emptyForm } from './questionForm';
import { markerIds, nextBlankId } from './gapForm';
import { sanitizeDraft } from './response';

const matching: Question = {
  type: 'matching',
  stem: { ja: '組み合わせなさい。' },
  skillTags: [],
  level: null,
  difficultyPrior: null,
  prompts: [
    { id: 'p1', text: { ja: '報告' } },
    { id: 'p2', text: { ja: '相談', en: 'Consult' } },
  ],
  choices: [
    { id: 'a', text: { ja: '結果を伝える' } },
    { id: 'b', text: { ja: '意見を求める' } },
    { id: 'c', text: { ja: '黙る' } },
  ],
  key: { p1: 'a', p2: 'b' },
};

const cloze: Question = {
  type: 'cloze',
  stem: { ja: '{{2}}と{{1}}', en: '{{1}} and {{2}}' },
  skillTags: [],
  level: null,
  difficultyPrior: null,
  blanks: [
    { id: '1', kind: 'text', accepted: ['報告'], caseSensitive: false },
    {
      id: '2',
      kind: 'choice',
      options: [
        { id: 'a', text: { ja: '連絡' } },
        { id: 'b', text: { ja: '連携' } },
      ],
      correctOptionId: 'a',
    },
  ],
};

describe('matching and cloze in the editor form', () => {
  it('gives back the content it was loaded from', () => {
    expect(toContent(fromContent(matching).form).content).toEqual(matching);
    expect(toContent(fromContent(cloze).form).content).toEqual(cloze);
  });

  it('follows the stem markers: blanks in number order, a new marker gets a default blank', () => {
    const { form } = fromContent(cloze);
    expect(markerIds(form.stem)).toEqual(['1', '2']);
    expect(nextBlankId(form.stem, form.cloze)).toBe('3');
    form.stem.ja = '{{2}}と{{1}}と{{3}}';
    const content = toContent(form).content as Extract<Question, { type: 'cloze' }>;
    expect(content.blanks.map((b) => [b.id, b.kind])).toEqual([
      ['1', 'text'],
      ['2', 'choice'],
      ['3', 'text'],
    ]);
    form.stem = { ja: '空欄なし', en: '' };
    expect(checkForm(form)['blanks']).toBe('gapTypes.noMarkers');
  });

  it('asks for a key per prompt and serves the preview without the key', () => {
    const form = emptyForm();
    form.type = 'matching';
    form.stem.ja = '問題';
    expect(Object.keys(checkForm(form))).toEqual(['key.p1', 'key.p2', 'key.p3']);
    const served = toServedItem(fromContent(matching).form);
    expect(served.prompts?.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(JSON.stringify(served)).not.toContain('"key"');
  });

  it('a stored draft keeps only the prompts and blanks the item has', () => {
    const item = toServedItem(fromContent(matching).form);
    expect(sanitizeDraft(item, { pairs: { p1: 'a', zz: 'b', p2: 3 } })).toEqual({ pairs: { p1: 'a' } });
  });
});
