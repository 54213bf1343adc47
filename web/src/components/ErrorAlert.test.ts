import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ErrorAlert from './ErrorAlert.vue';
import { createAppI18n } from '../i18n/bundled';

describe('ErrorAlert', () => {
  it('shows the message, and the support reference only behind a toggle, in the reader’s language', () => {
    const wrapper = mount(ErrorAlert, {
      props: { message: '保存できませんでした', requestId: 'req-1' },
      global: { plugins: [createAppI18n('ja')] },
    });
    expect(wrapper.get('.alert__message').text()).toBe('保存できませんでした');
    const details = wrapper.get('details');
    expect(details.attributes('open')).toBeUndefined();
    expect(details.get('summary').text()).toBe('詳細（サポートへのお問い合わせ用）');
    expect(wrapper.get('[data-testid="request-id"]').text()).toBe('問い合わせ番号: req-1');
    expect(wrapper.text()).not.toContain('Request ID');
  });
});
