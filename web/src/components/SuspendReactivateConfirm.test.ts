import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppI18n } from '../i18n/bundled';
import SuspendReactivateConfirm from './SuspendReactivateConfirm.vue';

type Props = InstanceType<typeof SuspendReactivateConfirm>['$props'];

/** Mounted like a page uses it: `ask` opens the confirm, `cancel` closes it. */
function open(props: Partial<Props> = {}, slot?: string) {
  const wrapper = mount(SuspendReactivateConfirm, {
    props: {
      status: 'active',
      name: 'さくら商事',
      confirming: null,
      busy: false,
      i18nPrefix: 'vendorTenants',
      testidPrefix: 'acme',
      idPrefix: 'acme-id',
      onAsk: (action: 'suspend' | 'reactivate') => void wrapper.setProps({ confirming: action }),
      onCancel: () => void wrapper.setProps({ confirming: null }),
      ...props,
    },
    slots: slot ? { default: slot } : {},
    global: { plugins: [createAppI18n('ja')] },
    attachTo: document.body,
  });
  return wrapper;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('SuspendReactivateConfirm', () => {
  it('inline: offers suspend after the slot, confirms it with focus on the danger button', async () => {
    const wrapper = open({ inline: true, itemId: 't1' }, '<a data-testid="other">other</a>');
    const row = wrapper.find('.button-row');
    expect(row.classes()).toContain('button-row--end');
    expect(row.findAll('[data-testid]').map((el) => el.attributes('data-testid'))).toEqual(['other', 'acme-suspend']);
    const suspend = wrapper.find('[data-testid="acme-suspend"]');
    expect(suspend.attributes('id')).toBe('acme-id-suspend-t1');
    expect(suspend.attributes('aria-label')).toBe('さくら商事 を利用停止');
    expect(suspend.classes()).toEqual(['button', 'button--danger-ghost', 'button--small']);

    await suspend.trigger('click');
    expect(wrapper.emitted('ask')).toEqual([['suspend']]);
    const group = wrapper.find('[role="group"]');
    expect(group.classes()).toEqual(['confirm', 'confirm--inline']);
    expect(wrapper.find(`#${group.attributes('aria-labelledby')}`).element.tagName).toBe('SPAN');
    expect(wrapper.find('#acme-id-confirm-text-t1').text()).toBe('さくら商事 の全員がログインできなくなります。利用停止しますか？');
    const confirm = wrapper.find('[data-testid="acme-suspend-confirm"]');
    expect(confirm.attributes('id')).toBe('acme-id-confirm-t1');
    expect(confirm.classes()).toEqual(['button', 'button--small', 'button--danger']);
    expect(document.activeElement).toBe(confirm.element);
    expect(wrapper.find('[data-testid="other"]').exists()).toBe(false);

    await confirm.trigger('click');
    expect(wrapper.emitted('confirm')).toEqual([['suspend']]);
  });

  it('reactivates a suspended item; Esc cancels and focus returns to the action button', async () => {
    const wrapper = open({ status: 'suspended' });
    const reactivate = wrapper.find('[data-testid="acme-reactivate"]');
    expect(reactivate.attributes('id')).toBe('acme-id-reactivate');
    expect(reactivate.attributes('aria-label')).toBeUndefined();
    expect(reactivate.classes()).toEqual(['button', 'button--secondary']);

    await reactivate.trigger('click');
    const group = wrapper.find('[role="group"]');
    expect(group.classes()).toEqual(['confirm', 'confirm--neutral']);
    expect(group.find('p#acme-id-confirm-text').text()).toBe('さくら商事 の利用を再開しますか？');
    const confirm = group.find('.button-row [data-testid="acme-reactivate-confirm"]');
    expect(confirm.attributes('id')).toBe('acme-id-confirm');
    expect(confirm.classes()).toEqual(['button', 'button--primary']);
    expect(document.activeElement).toBe(confirm.element);

    await group.trigger('keydown', { key: 'Escape' });
    expect(wrapper.emitted('cancel')).toHaveLength(1);
    await wrapper.vm.$nextTick();
    expect(wrapper.find('[role="group"]').exists()).toBe(false);
    expect(document.activeElement?.id).toBe('acme-id-reactivate');
    expect(wrapper.emitted('confirm')).toBeUndefined();
  });

  it('the cancel button closes the confirm too, and busy disables the confirm button', async () => {
    const wrapper = open({ confirming: 'suspend', busy: true });
    expect(wrapper.find('[data-testid="acme-suspend-confirm"]').attributes('disabled')).toBeDefined();
    await wrapper.find('[role="group"] .button--ghost').trigger('click');
    await wrapper.vm.$nextTick();
    expect(wrapper.emitted('cancel')).toHaveLength(1);
    expect(document.activeElement?.id).toBe('acme-id-suspend');
  });
});
