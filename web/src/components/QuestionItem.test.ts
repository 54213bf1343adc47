import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Locale, ServedItem } from '../api/types';
import { createAppI18n } from '../i18n/bundled';
import type { ResponseDraft } from '../lib/response';
import { makeServedItem } from '../testing/fixtures';
import QuestionItem from './QuestionItem.vue';

function render(item: ServedItem, modelValue: ResponseDraft = {}, locale: Locale = 'ja') {
  const updates: ResponseDraft[] = [];
  const wrapper = mount(QuestionItem, {
    props: {
      item,
      modelValue,
      locale,
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

const options = (wrapper: ReturnType<typeof render>['wrapper']) => wrapper.findAll('[data-testid="player-option"]');

describe('QuestionItem', () => {
  it('renders a single-choice item as a radio group in the given language', async () => {
    const { wrapper, updates } = render(makeServedItem(), {}, 'en');

    expect(wrapper.find('[data-testid="player-stem"]').text()).toBe('What does the third part of "Ho-Ren-So" stand for?');
    expect(wrapper.find('[role="radiogroup"]').exists()).toBe(true);
    expect(options(wrapper).map((o) => o.attributes('data-option-id'))).toEqual(['a', 'b', 'c']);
    expect(options(wrapper).map((o) => o.text())).toEqual(['Consult', 'Mutual', 'Inherit']);
    expect(wrapper.text()).toContain('Choose one answer.');

    await options(wrapper)[1]!.find('input').setValue(true);
    expect(updates.at(-1)).toEqual({ optionId: 'b' });
    wrapper.unmount();
  });

  it('falls back to the other language when a text is missing', () => {
    const { wrapper } = render(makeServedItem({ stem: { ja: '日本語だけの問題文' } }), {}, 'en');
    expect(wrapper.find('[data-testid="player-stem"]').text()).toBe('日本語だけの問題文');
    expect(wrapper.find('[data-testid="player-stem"]').attributes('lang')).toBe('ja');
    wrapper.unmount();
  });

  it('renders multiple response as checkboxes and keeps the served order', async () => {
    const { wrapper, updates } = render(makeServedItem({ type: 'multiple_response' }), { optionIds: [] });

    const boxes = wrapper.findAll('input[type="checkbox"]');
    expect(boxes).toHaveLength(3);
    await boxes[2]!.setValue(true);
    await boxes[0]!.setValue(true);
    expect(updates.at(-1)).toEqual({ optionIds: ['a', 'c'] });
    wrapper.unmount();
  });

  it('renders true/false as two radio options', async () => {
    const { wrapper, updates } = render(makeServedItem({ type: 'true_false', options: [] }));

    expect(options(wrapper).map((o) => o.attributes('data-option-id'))).toEqual(['true', 'false']);
    expect(options(wrapper).map((o) => o.text())).toEqual(['正しい（○）', '誤り（×）']);
    await options(wrapper)[1]!.find('input').setValue(true);
    expect(updates.at(-1)).toEqual({ flag: false });
    wrapper.unmount();
  });

  it('reorders with up/down buttons and keeps the focus on the moved item', async () => {
    const { wrapper, updates } = render(makeServedItem({ type: 'ordering' }), { order: ['a', 'b', 'c'] });

    const rows = () => wrapper.findAll('[data-testid="player-order-item"]').map((r) => r.attributes('data-option-id'));
    expect(rows()).toEqual(['a', 'b', 'c']);
    expect(wrapper.findAll('[data-testid="player-order-up"]')[0]!.attributes('disabled')).toBeDefined();

    await wrapper.findAll('[data-testid="player-order-down"]')[0]!.trigger('click');
    expect(updates.at(-1)).toEqual({ order: ['b', 'a', 'c'] });
    expect(rows()).toEqual(['b', 'a', 'c']);
    expect(document.activeElement?.closest('[data-testid="player-order-item"]')?.getAttribute('data-option-id')).toBe('a');
    expect(wrapper.text()).toContain('「相談」を 2 番目に移動しました。');
    wrapper.unmount();
  });

  it('takes numeric answers as typed text (full-width digits too)', async () => {
    const { wrapper, updates } = render(makeServedItem({ type: 'numeric', options: [] }), { number: '' });

    const input = wrapper.find('[data-testid="player-numeric"]');
    expect(input.attributes('type')).toBe('text');
    expect(input.attributes('inputmode')).toBe('decimal');
    await input.setValue('１２．５');
    expect(updates.at(-1)).toEqual({ number: '１２．５' });
    wrapper.unmount();
  });

  it('takes short text answers', async () => {
    const { wrapper, updates } = render(makeServedItem({ type: 'short_text', options: [] }), { text: '' });

    await wrapper.find('[data-testid="player-text"]').setValue('ほうれんそう');
    expect(updates.at(-1)).toEqual({ text: 'ほうれんそう' });
    wrapper.unmount();
  });

  it('never shows anything that is not part of the served item', () => {
    // Whatever extra fields slip into the object, only the stem and option texts are rendered.
    const leaky = {
      ...makeServedItem(),
      title: 'TITLE-LEAK',
      correctOptionIds: ['a'],
      explanation: { ja: 'EXPLANATION-LEAK' },
      feedback: { correct: { ja: 'FEEDBACK-LEAK' } },
      skillTags: ['SKILL-LEAK'],
      options: [
        { id: 'a', text: { ja: '相談' }, feedback: { ja: 'OPTION-FEEDBACK-LEAK' }, correct: true },
        { id: 'b', text: { ja: '相互' } },
      ],
    } as unknown as ServedItem;
    const { wrapper } = render(leaky);

    const html = wrapper.html();
    for (const leak of ['TITLE-LEAK', 'EXPLANATION-LEAK', 'FEEDBACK-LEAK', 'SKILL-LEAK', 'OPTION-FEEDBACK-LEAK']) {
      expect(html).not.toContain(leak);
    }
    expect(wrapper.find('.is-selected').exists()).toBe(false);
    expect(wrapper.findAll('input:checked')).toHaveLength(0);
    wrapper.unmount();
  });

  it('disables every input while an answer is being sent', () => {
    const { wrapper } = render(makeServedItem({ type: 'multiple_response' }), { optionIds: [] });
    void wrapper.setProps({ disabled: true });
    return wrapper.vm.$nextTick().then(() => {
      expect(wrapper.findAll('input').every((input) => input.attributes('disabled') !== undefined)).toBe(true);
      wrapper.unmount();
    });
  });
});
