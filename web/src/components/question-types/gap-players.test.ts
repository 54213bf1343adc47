import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { ServedItem } from '../../api/types';
import { createAppI18n } from '../../i18n/bundled';
import type { ResponseDraft } from '../../lib/response';
import { toResponse } from '../../lib/response';
import QuestionItem from '../QuestionItem.vue';

function render(item: ServedItem, modelValue: ResponseDraft) {
  const updates: ResponseDraft[] = [];
  const wrapper = mount(QuestionItem, {
    props: {
      item,
      modelValue,
      locale: 'ja',
      'onUpdate:modelValue': (value: ResponseDraft) => {
        updates.push(value);
        void wrapper.setProps({ modelValue: value });
      },
    },
    global: { plugins: [createAppI18n('ja')] },
    attachTo: document.body,
  });
  return { wrapper, updates };
}

const matching: ServedItem = {
  index: 0,
  questionId: 'q1',
  type: 'matching',
  stem: { ja: '組み合わせなさい。' },
  options: [],
  images: [],
  prompts: [
    { id: 'p1', text: { ja: '報告' } },
    { id: 'p2', text: { ja: '相談' } },
  ],
  choices: [
    { id: 'b', text: { ja: '意見を求める' } },
    { id: 'a', text: { ja: '結果を伝える' } },
  ],
};

const cloze: ServedItem = {
  index: 0,
  questionId: 'q2',
  type: 'cloze',
  stem: { ja: '報告は{{1}}から、{{2}}分以内に{{3}}。' },
  options: [],
  images: [],
  blanks: [
    { id: '1', kind: 'text' },
    { id: '2', kind: 'numeric' },
    {
      id: '3',
      kind: 'choice',
      options: [
        { id: 'a', text: { ja: 'する' } },
        { id: 'b', text: { ja: 'しない' } },
      ],
    },
  ],
};

describe('matching and cloze in the player', () => {
  it('matching: a labelled select per prompt, in the served choice order; the response carries the pairs', async () => {
    const { wrapper, updates } = render(matching, { pairs: {} });
    const selects = wrapper.findAll('[data-testid="player-matching-select"]');
    expect(selects).toHaveLength(2);
    expect(wrapper.findAll('label.matching__prompt').map((l) => l.text())).toEqual(['報告', '相談']);
    expect(selects[0]!.findAll('option').map((o) => o.text())).toEqual(['選択してください', '意見を求める', '結果を伝える']);
    expect(wrapper.text()).toContain('それぞれの項目に合う答えを選んでください。');
    await selects[0]!.setValue('a');
    await selects[1]!.setValue('b');
    expect(updates.at(-1)).toEqual({ pairs: { p1: 'a', p2: 'b' } });
    expect(toResponse(matching, updates.at(-1)!)).toEqual({ pairs: { p1: 'a', p2: 'b' } });
    expect(toResponse(matching, { pairs: {} })).toBeNull();
  });

  it('cloze: inputs and selects in place of the markers, the text around them kept', async () => {
    const { wrapper, updates } = render(cloze, { blanks: {} });
    const stem = wrapper.find('[data-testid="player-stem"]');
    expect(stem.text()).not.toContain('{{');
    expect(stem.findAll('.cloze__text').map((t) => t.text())).toEqual(['報告は', 'から、', '分以内に', '。']);
    const gaps = stem.findAll('[data-testid="player-cloze-blank"]');
    expect(gaps.map((g) => [g.element.tagName, g.attributes('aria-label')])).toEqual([
      ['INPUT', '空欄 1'],
      ['INPUT', '空欄 2（数値）'],
      ['SELECT', '空欄 3'],
    ]);
    expect(gaps[1]!.attributes('inputmode')).toBe('decimal');
    await gaps[0]!.setValue('結論');
    await gaps[1]!.setValue('５');
    await gaps[2]!.setValue('a');
    expect(updates.at(-1)).toEqual({ blanks: { '1': '結論', '2': '５', '3': 'a' } });
    expect(toResponse(cloze, { blanks: { '1': ' ', '2': '5' } })).toEqual({ blanks: { '2': '5' } });
  });
});
