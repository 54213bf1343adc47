import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../i18n/bundled';
import ImportErrorTable from './ImportErrorTable.vue';

describe('ImportErrorTable', () => {
  it('renders one row per error with row, column and message', () => {
    const wrapper = mount(ImportErrorTable, {
      props: {
        errors: [
          {
            row: 3,
            column: 'メールアドレス',
            message: 'メールアドレスの形式が正しくありません',
          },
          { row: 7, column: null, message: '列の数が見出しと一致しません' },
        ],
      },
      global: { plugins: [createAppI18n('ja')] },
    });

    const headers = wrapper.findAll('thead th').map((th) => th.text());
    expect(headers).toEqual(['行', '列', 'エラー']);
    expect(wrapper.findAll('thead th').every((th) => th.attributes('scope') === 'col')).toBe(true);

    const rows = wrapper.findAll('[data-testid="import-error-row"]');
    expect(rows.map((row) => row.findAll('th, td').map((cell) => cell.text()))).toEqual([
      ['3', 'メールアドレス', 'メールアドレスの形式が正しくありません'],
      ['7', '—', '列の数が見出しと一致しません'],
    ]);
    expect(wrapper.find('caption').text()).toContain('(2)');
  });

  it('says there are no errors instead of an empty table', () => {
    const wrapper = mount(ImportErrorTable, {
      props: { errors: [] },
      global: { plugins: [createAppI18n('en')] },
    });

    expect(wrapper.find('[data-testid="import-error-table"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="import-no-errors"]').text()).toBe('No errors.');
  });
});
